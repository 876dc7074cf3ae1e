// The YouTube source, Arabic content, Atom podcast feeds, the registry and the value readers.
import { describe, expect, it } from 'vitest';
import type { EpisodeDraft, ImportDraft } from '../../src/ingest/draft.js';
import { episodeExternalId, programExternalId } from '../../src/ingest/ids.js';
import { defaultSources, importDocument, SourceRegistry } from '../../src/ingest/registry.js';
import { fetchFeed, type Source } from '../../src/ingest/source.js';
import { rssSource } from '../../src/ingest/sources/rss.js';
import { youtubeSource } from '../../src/ingest/sources/youtube.js';
import { htmlToText, truncate } from '../../src/ingest/text.js';
import { contentLanguage, mediaType, parseDate, parseDuration, parseEpisodeType, parseExplicit } from '../../src/ingest/values.js';
import { cmsProblems, feed } from './support.js';

describe('YouTube channel and playlist feeds', () => {
  it('maps a channel feed: channel id, video ids, titles, description, thumbnail, statistics', () => {
    const draft = importDocument(feed('handwritten_youtube-channel.xml'));
    expect(draft.source).toBe('youtube');
    expect(draft.program).toMatchObject({
      externalSource: 'youtube',
      // The channel-level yt:channelId lacks "UC"; the id comes from the alternate link.
      externalId: 'UCq7dQ4mLw9xYz3bV2cN8kPe',
      externalIdRule: 'youtube-channel',
      kind: 'series',
      title: 'Thmnayah Fixture Channel',
      language: 'en',
      author: 'Thmnayah Fixture Channel',
      link: 'https://www.youtube.com/channel/UCq7dQ4mLw9xYz3bV2cN8kPe',
      feedUrl: 'http://www.youtube.com/feeds/videos.xml?channel_id=UCq7dQ4mLw9xYz3bV2cN8kPe',
    });
    expect(draft.episodes.map((e) => e.externalId)).toEqual(['Xk3vB9qLm2A', 'p0Z-7_hRt4c']);
    const [first, short] = draft.episodes as [EpisodeDraft, EpisodeDraft];
    expect(first).toMatchObject({
      externalIdRule: 'youtube-video',
      title: 'Coffee & History: episode 12',
      description: 'Where coffee came from, and how it travelled.\nChapters:\n00:00 Intro\n04:12 Yemen',
      publishAt: '2024-05-14T17:00:06.000Z',
      link: 'https://www.youtube.com/watch?v=Xk3vB9qLm2A',
      durationSeconds: null,
      stats: { views: 40318, ratingCount: 1287, ratingAverage: 5 },
    });
    expect(first.media).toEqual([
      { kind: 'video', url: 'https://www.youtube.com/watch?v=Xk3vB9qLm2A', mimeType: 'text/html', byteSize: null, isDefault: true },
      { kind: 'image', url: 'https://i2.ytimg.com/vi/Xk3vB9qLm2A/hqdefault.jpg', mimeType: 'image/jpeg', byteSize: null, height: 360 },
    ]);
    expect(short).toMatchObject({ link: 'https://www.youtube.com/shorts/p0Z-7_hRt4c', description: '', stats: { views: 912, ratingCount: 0, ratingAverage: 0 } });
    expect(cmsProblems(draft)).toEqual([]);
  });

  it('maps a playlist feed by its playlist id, and sees its Arabic titles', () => {
    const draft = importDocument(feed('handwritten_youtube-playlist.xml'));
    expect(draft.program).toMatchObject({ externalId: 'PLr8Hq2wXn5Vb4Tz0Lk6Jd1Ms9Ce3Fa7Qg', externalIdRule: 'youtube-playlist', title: 'التاريخ يعيد نفسه.', language: 'ar' });
    expect(draft.episodes).toHaveLength(1);
    expect(draft.episodes[0]).toMatchObject({ externalId: 'Rm4kT8sWq1E', title: 'أحب دراسة التاريخ.', description: 'سمعت تلك القصة من قبل.' });
    expect(cmsProblems(draft)).toEqual([]);
  });

  it('skips entries without a usable video id, and says so', () => {
    const draft = importDocument(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:yt="http://www.youtube.com/xml/schemas/2015">
      <yt:channelId>UCq7dQ4mLw9xYz3bV2cN8kPe</yt:channelId><title>C</title>
      <entry><yt:videoId>bad id!</yt:videoId><title>broken</title></entry>
      <entry><yt:videoId>Ok12345678_</yt:videoId><title>fine</title></entry></feed>`);
    expect(draft.episodes.map((e) => e.title)).toEqual(['fine']);
    expect(draft.warnings.join('\n')).toMatch(/without a valid yt:videoId was skipped, e.g. "broken"/);
  });

  it('turns channel and playlist page URLs into feed URLs', () => {
    const feedUrl = (url: string) => youtubeSource.feedUrlFor!(new URL(url));
    expect(feedUrl('https://www.youtube.com/channel/UCq7dQ4mLw9xYz3bV2cN8kPe/videos')).toBe('https://www.youtube.com/feeds/videos.xml?channel_id=UCq7dQ4mLw9xYz3bV2cN8kPe');
    expect(feedUrl('https://youtube.com/playlist?list=PLr8Hq2wXn5Vb4Tz0Lk6Jd1Ms9Ce3Fa7Qg')).toBe('https://www.youtube.com/feeds/videos.xml?playlist_id=PLr8Hq2wXn5Vb4Tz0Lk6Jd1Ms9Ce3Fa7Qg');
    expect(feedUrl('https://www.youtube.com/feeds/videos.xml?channel_id=UCx')).toBe('https://www.youtube.com/feeds/videos.xml?channel_id=UCx');
    expect(feedUrl('https://www.youtube.com/watch?v=Xk3vB9qLm2A')).toBeUndefined();
    expect(feedUrl('https://example.com/channel/UCq7dQ4mLw9xYz3bV2cN8kPe')).toBeUndefined();
    expect(defaultSources.forUrl(new URL('https://www.youtube.com/channel/UCq7dQ4mLw9xYz3bV2cN8kPe'))?.id).toBe('youtube');
    expect(defaultSources.forUrl(new URL('https://feeds.example.org/podcast.xml'))).toBeUndefined();
  });
});

describe('Arabic feeds', () => {
  it('brings Arabic titles, descriptions and language through (derived feed)', () => {
    const draft = importDocument(feed('derived_ar_replyall-structure.xml'));
    expect(draft.program).toMatchObject({
      title: 'التاريخ يعيد نفسه.',
      description: 'ويكيبيديا هي أفضل موسوعة على الإنترنت.',
      language: 'ar',
      feedLanguage: 'ar-SA',
      author: 'ثمانية',
      tags: ['تاريخ', 'قصص'],
      externalId: 'https://example.com/feeds/arabic-fixture.xml',
    });
    expect(draft.warnings).toEqual([]);
    expect(draft.episodes.map((e) => e.title)).toEqual(['إنها قصةٌ مضحكة.', 'أحب دراسة التاريخ.', 'أنا أيضاً أحب الموسيقى.']);
    // <description> holds escaped HTML ending in &nbsp;: plain text, trimmed.
    expect(draft.episodes[0]!.description).toBe('هذه قصة حقيقية.');
    expect(draft.episodes.map((e) => [e.number, e.durationSeconds])).toEqual([[1, 1339], [2, 1346], [3, 3723]]);
    expect(cmsProblems(draft)).toEqual([]);
  });

  it('judges a feed without <language> by its script', () => {
    const draft = importDocument('<rss version="2.0"><channel><title>فنجان</title><item><guid>1</guid><title>الحلقة الأولى</title></item></channel></rss>');
    expect(draft.program.language).toBe('ar');
    expect(draft.warnings.join('\n')).toMatch(/declares no language; "ar" chosen by script/);
  });
});

describe('Atom podcast feeds (not YouTube)', () => {
  it('maps entries with rel="enclosure" links', () => {
    const draft = importDocument(`<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <title>Atom Cast</title><subtitle type="html">&lt;p&gt;An &lt;b&gt;Atom&lt;/b&gt; podcast&lt;/p&gt;</subtitle>
  <link rel="self" href="https://atom.example.org/feed.atom"/><link href="https://atom.example.org/"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <entry>
    <title>First</title><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2024-01-02T03:04:05Z</published>
    <link rel="alternate" href="/first"/>
    <link rel="enclosure" href="https://atom.example.org/first.m4a" length="1234567" type="audio/x-m4a"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Show <em>notes</em></p></div></content>
  </entry>
</feed>`);
    expect(draft.source).toBe('rss');
    expect(draft.program).toMatchObject({ title: 'Atom Cast', description: 'An Atom podcast', language: 'en', externalId: 'https://atom.example.org/feed.atom', link: 'https://atom.example.org/' });
    expect(draft.episodes[0]).toMatchObject({
      externalId: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
      title: 'First',
      description: 'Show notes',
      publishAt: '2024-01-02T03:04:05.000Z',
      link: 'https://atom.example.org/first',
      media: [{ kind: 'audio', url: 'https://atom.example.org/first.m4a', mimeType: 'audio/mp4', byteSize: 1234567, isDefault: true }],
    });
  });
});

describe('the registry', () => {
  it('detects the source by document, YouTube before general Atom', () => {
    expect(defaultSources.list().map((s) => s.id)).toEqual(['youtube', 'rss']);
  });

  it('takes a new source as one module, and refuses a duplicate id', () => {
    // A toy source for OPML-like documents: proves a source plugs in without touching the others.
    const toy: Source<{ title: string }> = {
      id: 'rss',
      label: 'toy',
      detect: (doc) => doc.root.name === 'toy',
      fetch: fetchFeed,
      parse: (doc) => ({ title: doc.root.attrs.title ?? '' }),
      map: (parsed): ImportDraft => ({ ...importDocument('<rss><channel><title>x</title></channel></rss>'), program: { ...importDocument('<rss><channel><title>x</title></channel></rss>').program, title: parsed.title } }),
    };
    expect(() => new SourceRegistry([rssSource, toy as Source])).toThrow(/already registered/);
    const registry = new SourceRegistry([toy as Source]);
    expect(importDocument('<toy title="Toy!"/>', { registry }).program.title).toBe('Toy!');
    expect(() => importDocument('<rss><channel/></rss>', { registry })).toThrow(/not a feed: the root element is <rss>, and no source \(rss\) reads that/);
  });
});

describe('id rules', () => {
  it('episode: guid, then enclosure, then link, then a hash of title and date', () => {
    expect(episodeExternalId({ guid: 'G', enclosureUrl: 'https://e/a.mp3', link: 'https://l' })).toEqual({ id: 'G', rule: 'guid' });
    expect(episodeExternalId({ enclosureUrl: 'https://e/a.mp3', link: 'https://l' })).toEqual({ id: 'https://e/a.mp3', rule: 'enclosure' });
    expect(episodeExternalId({ link: 'https://l' })).toEqual({ id: 'https://l', rule: 'link' });
    const hashed = episodeExternalId({ title: 'T', date: 'Mon, 01 Jan 2024 00:00:00 GMT' });
    expect(hashed).toEqual({ id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), rule: 'hash' });
    expect(episodeExternalId({ title: 'T', date: 'Mon, 01 Jan 2024 00:00:00 GMT' })).toEqual(hashed);
    expect(episodeExternalId({ title: 'T', date: 'Tue, 02 Jan 2024 00:00:00 GMT' }).id).not.toBe(hashed.id);
    expect(episodeExternalId({ guid: 'x'.repeat(600) }).id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('program: podcast:guid, new-feed-url, fetched URL, self link, link', () => {
    const all = { podcastGuid: 'ABC-1', newFeedUrl: 'https://new/', fetchedUrl: 'https://fetched/', selfLink: 'https://self/', link: 'https://link/' };
    expect(programExternalId(all)).toEqual({ id: 'abc-1', rule: 'podcast-guid' });
    expect(programExternalId({ ...all, podcastGuid: undefined })).toEqual({ id: 'https://new/', rule: 'new-feed-url' });
    expect(programExternalId({ ...all, podcastGuid: undefined, newFeedUrl: undefined })).toEqual({ id: 'https://fetched/', rule: 'feed-url' });
    expect(programExternalId({ selfLink: 'not a url', link: 'https://link/' })).toEqual({ id: 'https://link/', rule: 'link' });
    expect(programExternalId({})).toBeUndefined();
  });
});

describe('value readers', () => {
  it.each([
    ['1339', 1339], ['1339.6', 1340], ['22:19', 1339], ['01:11', 71], ['1:02:03', 3723], ['01:02:03.5', 3724],
    ['75:30', 4530], ['00:60:05', 3605], [' 42 ', 42], ['0', 0],
    ['', null], ['abc', null], ['1:2:3:4', null], ['-5', null], ['12 minutes', null], [undefined, null],
  ] as const)('itunes:duration %j → %j', (raw, seconds) => {
    expect(parseDuration(raw)).toBe(seconds);
  });

  it.each([
    ['yes', true], ['Yes', true], ['true', true], ['explicit', true],
    ['no', false], ['No', false], ['false', false], ['clean', false], ['CLEAN', false],
    ['maybe', null], [undefined, null],
  ] as const)('itunes:explicit %j → %j', (raw, value) => {
    expect(parseExplicit(raw)).toBe(value);
  });

  it('itunes:episodeType', () => {
    expect(['full', 'Trailer', ' BONUS ', 'other', undefined].map(parseEpisodeType)).toEqual(['full', 'trailer', 'bonus', null, null]);
  });

  it.each([
    ['Mon, 24 Nov 2014 13:00:00 -0000', '2014-11-24T13:00:00.000Z'],
    ['Thu, 01 Apr 2021 08:00:00 EST', '2021-04-01T13:00:00.000Z'],
    ['Tue, 2 Aug 2011 01:30:00 EST', '2011-08-02T06:30:00.000Z'],
    ['Fri, 09 Oct 2020 04:30:38 GMT', '2020-10-09T04:30:38.000Z'],
    ['2024-05-14T17:00:06+00:00', '2024-05-14T17:00:06.000Z'],
    ['Mon, 07 Jan 2019 17:19:19 +0100 (CET)', '2019-01-07T16:19:19.000Z'],
    ['not a date', null], ['Mon, 01 Jan 1900 00:00:00 GMT', null], ['', null],
  ] as const)('date %j → %j', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('media types: parameters dropped, aliases resolved, guessed from the URL when missing', () => {
    expect(mediaType('audio/mpeg; charset=binary', 'https://x/a')).toBe('audio/mpeg');
    expect(mediaType('audio/mp3', 'https://x/a')).toBe('audio/mpeg');
    expect(mediaType('', 'https://x/a.m4a?token=1')).toBe('audio/mp4');
    expect(mediaType('application/octet-stream', 'https://x/a.mp3')).toBe('audio/mpeg');
    expect(mediaType('application/octet-stream', 'https://x/a')).toBe('application/octet-stream');
    expect(mediaType(undefined, 'https://x/a')).toBeNull();
    expect(mediaType('not a type', 'https://x/a.vtt')).toBe('text/vtt');
  });

  it('language: primary subtag of ar/en, else the script decides', () => {
    expect(contentLanguage('ar-SA', 'hello')).toEqual({ language: 'ar', supported: true });
    expect(contentLanguage('EN-us', 'مرحبا')).toEqual({ language: 'en', supported: true });
    expect(contentLanguage('de', 'Guten Tag')).toEqual({ language: 'en', supported: false });
    expect(contentLanguage(undefined, 'مرحبا بكم في البرنامج with a few words')).toEqual({ language: 'ar', supported: false });
  });

  it('HTML show notes become plain text', () => {
    expect(htmlToText('<h2>Title</h2><p>One<br>two &amp; <a href="x">three</a></p><script>alert(1)</script><ul><li>a</li><li>b</li></ul>'))
      .toBe('Title\n\nOne\ntwo & three\n\n• a\n• b');
    expect(htmlToText('plain   text\r\n\r\n\r\n\r\nnext')).toBe('plain text\n\nnext');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});

// Names every JavaScript object has (`constructor`, `valueOf` ...) are plain text in a feed, never a lookup
// that finds Object.prototype (the OpenAPI fuzz found sort=valueOf; the feed readers had the same kind of table).
describe('feed values named like object properties', () => {
  it('reads role="constructor", xmlns="constructor" and type="valueOf" as unknown values', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:x="constructor"><channel><title>T</title><link>https://e.org/</link><podcast:person role="constructor">Ann</podcast:person><x:y>1</x:y><item><title>I</title><guid>g1</guid><enclosure url="https://e.org/a.toString" type="valueOf" length="1"/></item></channel></rss>`;
    const draft = importDocument(new TextEncoder().encode(xml));
    expect(draft.program.people[0]).toMatchObject({ name: 'Ann', role: null, sourceRole: 'constructor' });
    expect(typeof draft.episodes[0]!.media[0]!.mimeType).toBe('string');
  });
});
