// A user agent reduced to an app or platform family: all that analytics keeps of it (no full user agent
// is stored). The list follows the podcast apps the IAB-style download counts are usually broken down by,
// then browsers; anything else is "other". Bots are named so download counting can skip them.

const FAMILIES: [RegExp, string][] = [
  // Podcast apps first: several embed a browser engine's name in their user agent.
  [/^AppleCoreMedia\/|Podcasts\/|iTMS|\bApple ?Podcasts\b/i, 'apple-podcasts'],
  [/Spotify/i, 'spotify'],
  [/Overcast/i, 'overcast'],
  [/Pocket ?Casts/i, 'pocket-casts'],
  [/Castbox/i, 'castbox'],
  [/AntennaPod/i, 'antennapod'],
  [/Podcast ?Addict/i, 'podcast-addict'],
  [/Castro/i, 'castro'],
  [/YouTube ?Music|GoogleChirp|Google-Podcast/i, 'google'],
  [/Podbean/i, 'podbean'],
  [/\b(bot|crawler|spider|curl|wget|python-requests|httpclient|okhttp|Go-http-client|facebookexternalhit|HeadlessChrome)\b/i, 'bot'],
  [/Edg(e|A|iOS)?\//, 'web-edge'],
  [/OPR\/|Opera/, 'web-opera'],
  [/Firefox\/|FxiOS\//, 'web-firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'web-chrome'],
  [/Safari\//, 'web-safari'],
];

export const PLATFORM_FAMILIES = [...new Set(FAMILIES.map(([, family]) => family)), 'other'] as const;

/** The family of a user agent: 'apple-podcasts', 'spotify', 'web-chrome', 'bot', 'other' ... */
export function platformFamily(userAgent: string | undefined): string {
  if (!userAgent) return 'other';
  // Only the head is looked at: a hostile multi-kilobyte header costs nothing more.
  const head = userAgent.length > 512 ? userAgent.slice(0, 512) : userAgent;
  for (const [pattern, family] of FAMILIES) if (pattern.test(head)) return family;
  return 'other';
}
