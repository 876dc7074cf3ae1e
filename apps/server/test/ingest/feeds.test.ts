// Every real feed of the fixtures, read and mapped: counts from MANIFEST.tsv, fields spot-checked against
// the XML, and every draft accepted by the CMS's own request schemas.
import { describe, expect, it } from 'vitest';
import { isIngestError } from '../../src/ingest/errors.js';
import { defaultSources, importDocument } from '../../src/ingest/registry.js';
import type { RssParsed } from '../../src/ingest/sources/rss.js';
import { readXml } from '../../src/ingest/xml.js';
import { cmsProblems, feed, readManifest } from './support.js';

const manifest = readManifest();
const wellFormed = manifest.filter((row) => !row.file.startsWith('malformed_'));
// The namespace's schema test wrapper: well-formed XML, but no channel (PROVENANCE.md explains).
const NOT_A_FEED = 'p20_podcastindex-schema-example.xml';

function importFixture(name: string, url?: string) {
  return importDocument(feed(name), { url });
}

function episodeBy(name: string, title: string) {
  const episode = importFixture(name).episodes.find((e) => e.title === title);
  if (!episode) throw new Error(`no episode "${title}" in ${name}`);
  return episode;
}

describe('the real feeds of MANIFEST.tsv', () => {
  it('lists 28 feeds, 3 of them malformed', () => {
    expect(manifest).toHaveLength(28);
    expect(manifest.filter((r) => r.file.startsWith('malformed_'))).toHaveLength(3);
  });

  it.each(wellFormed.map((r) => [r.file, r] as const))('%s reads with the manifest episode count and the CMS accepts the drafts', (file, row) => {
    const doc = readXml(feed(file));
    if (file === NOT_A_FEED) {
      expect(row.episodeCount).toBe(0);
      expect(() => defaultSources.forDocument(doc)).toThrow(/not a feed: the root element is <podcast:test-wrapper>/);
      return;
    }
    const source = defaultSources.forDocument(doc);
    expect(source.id).toBe('rss');
    const parsed = source.parse(doc) as RssParsed;
    expect(parsed.items).toHaveLength(row.episodeCount);
    const draft = source.map(parsed, {});
    // No item is lost in mapping: repeated guids get suffixed ids rather than being dropped.
    expect(draft.episodes).toHaveLength(row.episodeCount);
    expect(new Set(draft.episodes.map((e) => e.externalId)).size).toBe(row.episodeCount);
    if (row.channelTitle !== '-') expect(draft.program.title.startsWith(row.channelTitle.slice(0, 40))).toBe(true);
    expect(cmsProblems(draft)).toEqual([]);
  });

  it('reads the feeds that a strict parser rejects (blank line before <?xml, undefined entity)', () => {
    const strictFailures = manifest.filter((r) => r.xmlStatus.startsWith('NOT well-formed') && !r.file.startsWith('malformed_'));
    expect(strictFailures.map((r) => r.file).sort()).toEqual([
      'de_itunes-keywords-astext.rss', 'en_itunes-missing-image.rss', 'en_replyall-full.xml',
      'p20_partytime-no-agenda.xml', 'p20_partytime-sentimental-garbage.xml',
    ]);
    for (const row of strictFailures) expect(importFixture(row.file).episodes).toHaveLength(row.episodeCount);
  });

  it('keeps an undefined entity as text and reads on past it', () => {
    const draft = importFixture('p20_partytime-no-agenda.xml');
    expect(draft.warnings.some((w) => /line 2761, column 17: invalid character entity/.test(w))).toBe(true);
    const credits = draft.episodes.find((e) => e.description.includes('Pat E'));
    expect(credits?.description).toContain('Kristi Jensen'); // the text after &gtgt; is still there
  });

  it('reads an empty channel as a program with no episodes', () => {
    const draft = importFixture('edge_partytime-empty-channel.xml');
    expect(draft.episodes).toEqual([]);
    expect(draft.program).toMatchObject({
      title: 'Podcasting 2.0 Namespace Example',
      language: 'en',
      explicit: false,
      // itunes:image written as text rather than href="..."
      artworkUrl: 'https://example.com/images/pci_avatar-massive.jpg',
      categories: ['News', 'Technology'],
      externalId: 'http://example.com/podcast',
      externalIdRule: 'link',
    });
  });
});

describe('malformed feeds fail with a message naming the problem', () => {
  it.each([
    ['malformed_bc-sample-bad.xml', 'not-well-formed', /^not well-formed XML at line 109, column 11: closing tag <\/channel> does not match the open element <rss>/],
    ['malformed_lukaswhite-not-xml.rss', 'not-xml', /^not XML: the document starts with "i am not xml"/],
    ['malformed_unrecognized.rss', 'html-page', /^an HTML page, not a feed \(its title: "Document Moved"\)/],
  ] as const)('%s', (file, code, message) => {
    let caught: unknown;
    try {
      importFixture(file);
    } catch (error) {
      caught = error;
    }
    expect(isIngestError(caught, code)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });

  it('reports the line and column of a mismatched tag', () => {
    try {
      importFixture('malformed_bc-sample-bad.xml');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'not-well-formed', details: { line: 109, column: 11 } });
    }
  });
});

describe('mapped fields, spot-checked against the XML', () => {
  it('reads an ordinary iTunes feed (Reply All)', () => {
    const draft = importFixture('en_replyall-sample-ordering.xml');
    expect(draft.program).toMatchObject({
      externalSource: 'rss',
      // atom10:link rel="self" (the Atom namespace under another prefix)
      externalId: 'http://feeds.gimletmedia.com/hearreplyall',
      externalIdRule: 'self-link',
      kind: 'podcast',
      title: 'Reply All',
      language: 'en',
      explicit: true,
      author: 'Gimlet',
      owner: { name: 'Gimlet', email: 'feeds@soundcloud.com' },
      categories: ['Technology', 'Society & Culture', 'Arts'],
      tags: ['Storytelling'],
      order: 'episodic',
    });
    expect(draft.program.artworkUrl).toMatch(/^https:\/\/static\.megaphone\.fm\/podcasts\/05f71746/);
    expect(draft.episodes.map((e) => e.title)).toEqual(['#1 A Stranger Says I Love You', '#2 The Secret, Gruesome Internet For Doctors', 'Reply All Mic Test']);
    expect(draft.episodes[0]).toMatchObject({
      externalId: 'tag:soundcloud,2010:tracks/178485892', // guid in CDATA
      externalIdRule: 'guid',
      durationSeconds: 1339,
      explicit: true,
      episodeType: 'full',
      publishAt: '2014-11-24T13:00:00.000Z',
      tags: ['Storytelling'],
      media: [{ kind: 'audio', url: 'https://traffic.megaphone.fm/GLT4726279763.mp3', mimeType: 'audio/mpeg', byteSize: 19745645, isDefault: true }],
    });
    // &amp;nbsp; in escaped HTML becomes a no-break space, then trailing space is trimmed.
    expect(draft.episodes[0]!.description).toBe('What happens when a woman sends a stocky blond stranger to tell her ex she loves him.');
    // &amp;amp; in escaped HTML is one ampersand in the text.
    expect(draft.episodes[1]!.description).toContain('the secret & disgusting medical internet');
  });

  it('reads the 730 items of Giant Bomb', () => {
    const draft = importFixture('en_giantbomb-podcast.rss');
    expect(draft.episodes).toHaveLength(730);
    expect(draft.episodes[0]).toMatchObject({
      externalId: '1600-2823',
      title: 'Giant Bombcast 603: Call of Tuesday',
      durationSeconds: 10475,
      publishAt: '2019-10-01T22:30:00.000Z',
      link: 'https://www.giantbomb.com/shows/603-call-of-tuesday/2970-19653/free-podcast',
    });
    expect(draft.episodes[0]!.media[0]).toMatchObject({ kind: 'audio', mimeType: 'audio/mpeg', byteSize: 105003355 });
    expect(draft.episodes[0]!.tags).toContain('Jeff Gerstmann');
    expect(draft.episodes.every((e) => e.media[0]?.kind === 'audio')).toBe(true);
  });

  it('reads itunes:duration in all its forms', () => {
    const durations = (name: string) => importFixture(name).episodes.map((e) => e.durationSeconds);
    expect(durations('en_replyall-sample-ordering.xml')).toEqual([1339, 1346, 16]); // seconds
    expect(durations('en_bc-sample.xml').at(-1)).toBe(71); // "01:11" (MM:SS)
    expect(episodeBy('en_itunes-missing-image.rss', 'Taverncast 4: Animal Crackers').durationSeconds).toBe(3605); // "00:60:05"
    expect(importFixture('en_giantbomb-podcast.rss').episodes.some((e) => e.durationSeconds! > 3600)).toBe(true); // H:MM:SS
  });

  it('reads itunes:episodeType and itunes:episode', () => {
    const [trailer] = importFixture('de_item-itunes-episodeType.rss').episodes;
    expect(trailer).toMatchObject({ title: 'Trailer', episodeType: 'trailer', number: 1, durationSeconds: 114, externalId: 'cc973b648d6fb41e4e5ef7e4b4ee7604' });
    expect(trailer!.media[0]!.url).toBe('https://cdn.podigee.com/media/podcast_16544_baywatch_berlin_episode_1_trailer.mp3?v=1574079359&source=feed');
    expect(trailer!.tags).toEqual(['klaas', 'baywatch', 'berlin', 'late night berlin', 'joko und klaas', 'duell um die welt']);
  });

  it('names the supported language it chose for a German feed, and keeps the declared one', () => {
    const draft = importFixture('de_item-itunes-episodeType.rss');
    expect(draft.program).toMatchObject({ language: 'en', feedLanguage: 'de' });
    expect(draft.warnings.join('\n')).toMatch(/language "de" is not one the CMS supports/);
  });

  it('follows itunes:new-feed-url for the program id', () => {
    const moved = importFixture('de_itunes-keywords-astext.rss');
    expect(moved.program).toMatchObject({
      newFeedUrl: 'https://www.dasding.de/~podcast/podcasts/endorphine-fuer-delfine-100.xml',
      externalId: 'https://www.dasding.de/~podcast/podcasts/endorphine-fuer-delfine-100.xml',
      externalIdRule: 'new-feed-url',
      tags: ['Moderatoren'], // <itunes:keywords text="..."/>
    });
    // The URL it was fetched from does not win over the announced new home...
    expect(importFixture('de_itunes-keywords-astext.rss', 'https://old.example.org/feed').program.externalId).toBe(moved.program.externalId);
    const garbage = importFixture('p20_partytime-sentimental-garbage.xml');
    expect(garbage.program).toMatchObject({
      newFeedUrl: 'https://feeds.acast.com/public/shows/edd6bde5-221e-4c07-bde8-2a0241ccc6e0',
      externalIdRule: 'new-feed-url',
    });
  });

  it('uses the fetched URL when the feed has no guid and has not moved', () => {
    const draft = importFixture('en_narro.rss', 'HTTPS://Feeds.Example.org:443/narro.xml#top');
    expect(draft.program).toMatchObject({ externalId: 'https://feeds.example.org/narro.xml', externalIdRule: 'feed-url', feedUrl: 'HTTPS://Feeds.Example.org:443/narro.xml#top' });
  });

  it('gives the later of two different items sharing a guid a suffixed, stable id', () => {
    const first = importFixture('en_itunes-missing-image.rss');
    const shared = first.episodes.filter((e) => e.externalId.startsWith('http://taverncast.com/shows/geekistry-2.mp3'));
    expect(shared.map((e) => e.externalId)).toEqual(['http://taverncast.com/shows/geekistry-2.mp3', expect.stringMatching(/^http:\/\/taverncast\.com\/shows\/geekistry-2\.mp3#[0-9a-f]{16}$/)]);
    expect(importFixture('en_itunes-missing-image.rss').episodes.map((e) => e.externalId)).toEqual(first.episodes.map((e) => e.externalId));
    expect(first.warnings.join('\n')).toMatch(/two different items share an id/);
  });

  it('reads Podcasting 2.0: guid, season, episode, persons, transcripts, chapters, alternateEnclosure, locked, funding', () => {
    const draft = importFixture('p20_podcastindex-example.xml');
    expect(draft.program).toMatchObject({
      externalId: 'y0ur-gu1d-g035-h3r3',
      externalIdRule: 'podcast-guid',
      podcastGuid: 'y0ur-gu1d-g035-h3r3',
      locked: true,
      lockedOwner: 'podcastowner@example.com',
      funding: [{ url: 'https://example.com/donate', title: 'Support the show!' }],
      categories: ['Technology', 'News/Tech News'],
      blocked: true,
    });
    expect(draft.warnings.join('\n')).toMatch(/locked/);
    expect(draft.warnings.join('\n')).toMatch(/1 podcast:liveItem/);
    const [ep3] = draft.episodes;
    expect(ep3).toMatchObject({ title: 'Episode 3 - The Future', externalId: 'https://example.com/ep0003', season: 1, number: 3 });
    expect(ep3!.people).toEqual([
      { name: 'Adam Curry', role: 'host', sourceRole: 'host', group: 'cast', href: 'https://www.podchaser.com/creators/adam-curry-107ZzmWE5f', imageUrl: 'https://example.com/images/adamcurry.jpg' },
      { name: 'Dave Jones', role: 'guest', sourceRole: 'guest', group: 'cast', href: 'https://github.com/daveajones/', imageUrl: 'https://example.com/images/davejones.jpg' },
      { name: 'Becky Smith', role: null, sourceRole: 'cover art designer', group: 'visuals', href: 'https://example.com/artist/beckysmith', imageUrl: null },
    ]);
    const media = ep3!.media;
    // The enclosure first; the "Standard" alternate is the same file, so its title merges into it.
    expect(media[0]).toEqual({ kind: 'audio', url: 'https://example.com/file-03.mp3', mimeType: 'audio/mpeg', byteSize: 43200000, isDefault: true, title: 'Standard', bitrate: 128000 });
    expect(media.filter((m) => m.kind === 'audio').map((m) => m.title)).toEqual(['Standard', 'High quality', 'High quality AAC', 'Low bandwidth']);
    expect(media.find((m) => m.kind === 'video')).toMatchObject({ url: 'https://example.com/file-720.mp4', mimeType: 'video/mp4', height: 720 });
    expect(media.some((m) => m.url.startsWith('ipfs:'))).toBe(false);
    expect(media.filter((m) => m.kind === 'transcript')).toEqual([
      { kind: 'transcript', url: 'https://example.com/ep3/transcript.txt', mimeType: 'text/plain', byteSize: null },
      { kind: 'transcript', url: 'https://example.com/episode1/transcript.vtt', mimeType: 'text/vtt', byteSize: null, language: 'es', rel: 'captions' },
    ]);
    expect(media.find((m) => m.kind === 'chapters')).toEqual({ kind: 'chapters', url: 'https://example.com/ep3_chapters.json', mimeType: 'application/json', byteSize: null });
    expect(media.find((m) => m.kind === 'image')?.url).toBe('https://example.com/ep0003/artMd.jpg');
  });

  it('reads Podcasting 2.0 in a real feed (The Mike Neumann Show)', () => {
    const draft = importFixture('p20_partytime-themnshow.xml');
    expect(draft.program).toMatchObject({ externalId: '7a2d292c-8656-5fcf-88d2-31b10e54d7c7', externalIdRule: 'podcast-guid' });
    const social = episodeBy('p20_partytime-themnshow.xml', 'Social Media');
    expect(social).toMatchObject({ season: 1, number: 54, externalId: 'ab86b7b7-79e2-43f4-9f58-8d2584b103ec' });
    expect(social.people).toEqual([expect.objectContaining({ name: 'Dr. Timothy M. Jurgensen', role: 'guest' })]);
    expect(social.media.map((m) => [m.kind, m.mimeType])).toEqual([
      ['audio', 'audio/mpeg'], ['audio', 'audio/mpeg'], ['image', 'image/jpeg'], ['transcript', 'application/x-subrip'], ['chapters', 'application/json+chapters'],
    ]);
    expect(social.media[1]).toMatchObject({ title: 'mono', bitrate: 64000, isDefault: false });
    expect(social.description.startsWith('Episode 54: Social Media\n\nMike Neumann')).toBe(true); // <h2> became a paragraph
    const withTranscripts = draft.episodes.filter((e) => e.media.some((m) => m.kind === 'transcript'));
    expect(withTranscripts.length).toBeGreaterThan(10);
  });

  it('reads podcast:person and alternateEnclosure in the other Podcasting 2.0 feeds', () => {
    for (const name of ['p20_partytime-pc20rss.xml', 'p20_partytime-no-agenda.xml', 'p20_partytime-homegrown-hits.xml', 'p20_partytime-animated-no-agenda.xml', 'p20_partytime-launched.xml']) {
      const draft = importFixture(name);
      const people = [...draft.program.people, ...draft.episodes.flatMap((e) => e.people)];
      expect(people.length, name).toBeGreaterThan(0);
      expect(people.every((p) => p.name.length > 0 && p.sourceRole.length > 0), name).toBe(true);
    }
    const pc20 = importFixture('p20_partytime-pc20rss.xml');
    expect(pc20.episodes.filter((e) => e.media.some((m) => m.kind === 'chapters')).length).toBeGreaterThan(10);
    const animated = importFixture('p20_partytime-animated-no-agenda.xml');
    expect(animated.episodes.some((e) => e.media.filter((m) => m.kind === 'video' || m.kind === 'audio').length > 1)).toBe(true);
  });

  it('keeps CMS limits: titles, tags and media are cut to what the schemas accept', () => {
    const all = wellFormed.filter((r) => r.file !== NOT_A_FEED).flatMap((r) => importFixture(r.file).episodes);
    expect(all.every((e) => e.title.length <= 300 && e.tags.length <= 30 && e.media.length <= 20)).toBe(true);
    expect(all.every((e) => e.media.every((m) => /^https?:\/\//.test(m.url)))).toBe(true);
  });
});
