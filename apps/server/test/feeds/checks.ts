// Checks a podcast feed against what Apple Podcasts and Spotify require of it (docs/feeds.md lists the
// rules and their sources). Errors are what makes a directory reject the feed or an episode; warnings are
// what they recommend. The feed is read with the project's own strict parser (ingest/xml.ts): anything it
// had to recover from is an error here, since our own feeds must be well-formed as written.
import { readXml, child, childText, childrenNamed, type XmlElement } from '../../src/ingest/xml.js';
import { isAppleCategory } from '../../src/feeds/apple-categories.js';
import { DESCRIPTION_MAX_BYTES } from '../../src/feeds/render.js';

export interface FeedCheck {
  errors: string[];
  warnings: string[];
}

/** Media types Apple lists for enclosures. */
export const APPLE_ENCLOSURE_TYPES = ['audio/x-m4a', 'audio/mpeg', 'video/quicktime', 'video/mp4', 'video/x-m4v', 'application/pdf'];
/** Apple: "Tag values are limited to 255 characters unless otherwise specified". */
const TAG_MAX = 255;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LANGUAGE = /^[a-z]{2}(-[a-z]{2})?$/i;
const RFC2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

const httpUrl = (value: string | undefined) => !!value && /^https?:\/\/\S+$/.test(value);
const bytes = (text: string) => Buffer.byteLength(text);
const positiveInteger = (value: string) => /^[1-9]\d*$/.test(value);

export function checkFeed(xml: string): FeedCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  let root: XmlElement;
  try {
    const doc = readXml(xml);
    for (const w of doc.warnings) errors.push(`not well-formed: ${w}`);
    root = doc.root;
  } catch (error) {
    return { errors: [`not well-formed: ${(error as Error).message}`], warnings };
  }
  if (root.name !== 'rss' || root.attrs.version !== '2.0') errors.push('the root element must be <rss version="2.0">');
  if (!xml.includes('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"')) errors.push('the itunes namespace must be declared as http://www.itunes.com/dtds/podcast-1.0.dtd (Apple ignores itunes tags otherwise)');
  const channel = child(root, 'channel');
  if (!channel) return { errors: [...errors, 'no <channel>'], warnings };

  const title = childText(channel, 'title');
  if (!title) errors.push('channel: <title> is required');
  else if (title.length > TAG_MAX) warnings.push(`channel: <title> is longer than ${TAG_MAX} characters`);
  const description = childText(channel, 'description');
  if (!description) errors.push('channel: <description> is required');
  else if (bytes(description) > DESCRIPTION_MAX_BYTES) errors.push(`channel: <description> is longer than ${DESCRIPTION_MAX_BYTES} bytes`);
  const language = childText(channel, 'language');
  if (!language || !LANGUAGE.test(language)) errors.push('channel: <language> must be an ISO 639 code (e.g. ar, en, en-us)');
  const image = child(channel, 'itunes:image')?.attrs.href;
  if (!image) errors.push('channel: <itunes:image href> (artwork) is required');
  else if (!httpUrl(image)) errors.push(`channel: itunes:image is not an http(s) URL: ${image}`);
  else if (!/\.(jpe?g|png)(\?.*)?$/i.test(image)) warnings.push('channel: itunes:image should be a .jpg or .png file (1400–3000 px square, RGB)');
  const categories = childrenNamed(channel, 'itunes:category');
  if (categories.length === 0) errors.push('channel: <itunes:category> is required');
  for (const c of categories) {
    const sub = child(c, 'itunes:category')?.attrs.text ?? null;
    if (!c.attrs.text || !isAppleCategory(c.attrs.text, sub)) errors.push(`channel: "${c.attrs.text}${sub ? ` / ${sub}` : ''}" is not an Apple Podcasts category`);
  }
  const explicit = childText(channel, 'itunes:explicit');
  if (explicit !== 'true' && explicit !== 'false') errors.push('channel: <itunes:explicit> must be true or false');
  if (!childText(channel, 'itunes:author')) warnings.push('channel: <itunes:author> is recommended');
  if (!childText(channel, 'link')) warnings.push('channel: <link> is recommended');
  if (!childText(child(channel, 'itunes:owner'), 'itunes:email')) warnings.push('channel: no <itunes:owner><itunes:email> (Apple and Spotify verify ownership by it; set FEEDS_OWNER_EMAIL)');
  const guid = childText(channel, 'podcast:guid');
  if (guid !== undefined && !UUID.test(guid)) errors.push('channel: <podcast:guid> must be a UUID');
  if (!childrenNamed(channel, 'atom:link').some((l) => l.attrs.rel === 'self')) warnings.push('channel: <atom:link rel="self"> is recommended');

  const items = childrenNamed(channel, 'item');
  if (items.length === 0) warnings.push('the feed has no episodes (directories accept a feed with at least one)');
  const guids = new Set<string>();
  const enclosures = new Set<string>();
  items.forEach((item, index) => {
    const at = `item ${index + 1}${childText(item, 'title') ? ` ("${childText(item, 'title')!.slice(0, 40)}")` : ''}`;
    const itemTitle = childText(item, 'title');
    if (!itemTitle) errors.push(`${at}: <title> is required`);
    else if (itemTitle.length > TAG_MAX) warnings.push(`${at}: <title> is longer than ${TAG_MAX} characters`);
    const enclosure = childrenNamed(item, 'enclosure');
    if (enclosure.length !== 1) errors.push(`${at}: exactly one <enclosure> is required, found ${enclosure.length}`);
    const e = enclosure[0];
    if (e) {
      if (!httpUrl(e.attrs.url)) errors.push(`${at}: the enclosure url is not an http(s) URL`);
      if (!e.attrs.length || !/^\d+$/.test(e.attrs.length)) errors.push(`${at}: the enclosure needs a length in bytes`);
      else if (e.attrs.length === '0') warnings.push(`${at}: the enclosure length is unknown (0)`);
      if (!e.attrs.type) errors.push(`${at}: the enclosure needs a type`);
      else if (!APPLE_ENCLOSURE_TYPES.includes(e.attrs.type)) warnings.push(`${at}: Apple Podcasts does not list enclosure type ${e.attrs.type}`);
      if (e.attrs.url && enclosures.has(e.attrs.url)) warnings.push(`${at}: the same enclosure URL as an earlier item (Apple ignores repeats)`);
      if (e.attrs.url) enclosures.add(e.attrs.url);
    }
    const itemGuid = childText(item, 'guid');
    if (!itemGuid) errors.push(`${at}: <guid> is required (Spotify; Apple falls back to the enclosure URL)`);
    else if (guids.has(itemGuid)) errors.push(`${at}: guid "${itemGuid}" is used by an earlier item`);
    else guids.add(itemGuid);
    const pubDate = childText(item, 'pubDate');
    if (!pubDate || !RFC2822.test(pubDate) || Number.isNaN(Date.parse(pubDate))) errors.push(`${at}: <pubDate> must be an RFC 2822 date`);
    const itemDescription = childText(item, 'description');
    if (itemDescription && bytes(itemDescription) > DESCRIPTION_MAX_BYTES) errors.push(`${at}: <description> is longer than ${DESCRIPTION_MAX_BYTES} bytes`);
    const duration = childText(item, 'itunes:duration');
    if (duration === undefined) warnings.push(`${at}: <itunes:duration> is recommended`);
    else if (!/^\d+$/.test(duration)) warnings.push(`${at}: <itunes:duration> should be whole seconds`);
    const itemExplicit = childText(item, 'itunes:explicit');
    if (itemExplicit !== undefined && itemExplicit !== 'true' && itemExplicit !== 'false') errors.push(`${at}: <itunes:explicit> must be true or false`);
    const type = childText(item, 'itunes:episodeType');
    if (type !== undefined && !['full', 'trailer', 'bonus'].includes(type)) errors.push(`${at}: <itunes:episodeType> must be full, trailer or bonus`);
    for (const tag of ['itunes:season', 'itunes:episode']) {
      const value = childText(item, tag);
      if (value !== undefined && !positiveInteger(value)) errors.push(`${at}: <${tag}> must be a non-zero whole number`);
    }
    const itemImage = child(item, 'itunes:image')?.attrs.href;
    if (itemImage !== undefined && !httpUrl(itemImage)) errors.push(`${at}: itunes:image is not an http(s) URL`);
  });
  return { errors, warnings };
}
