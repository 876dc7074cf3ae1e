// The podcast feeds we publish: built from public documents only (drafts, scheduled, deleted and
// file-less episodes never appear), well-formed (parsed back with the project's own parser), valid in
// Apple/Spotify terms (test/feeds/checks.ts), Arabic intact, and cached with ETag / Last-Modified answering 304.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, expectProblem, type Json } from '../support/cms.js';
import { readModelSync } from '../support/read-model.js';
import { cdata, escapeAttr, escapeText } from '../../src/feeds/xml.js';
import { PODCAST_NAMESPACE, podcastGuid, uuidV5 } from '../../src/feeds/guid.js';
import { DESCRIPTION_MAX_BYTES, textToHtml, truncateBytes } from '../../src/feeds/render.js';
import { appleCategoryFor } from '../../src/feeds/apple-categories.js';
import { checkFeed } from './checks.js';
import { child, childText, childrenNamed, readXml } from '../../src/ingest/xml.js';
import { htmlToText } from '../../src/ingest/text.js';
import { importDocument } from '../../src/ingest/registry.js';

describe('feed writing, piece by piece', () => {
  it('escapes text and attributes, and drops characters XML 1.0 forbids', () => {
    expect(escapeText('Q&A <live> "quoted" \u0001bell\u0008 \uFFFE tab\there')).toBe('Q&amp;A &lt;live&gt; "quoted" bell  tab\there');
    expect(escapeText('lone \uD800 surrogate, whole 🎙️ emoji, عربي')).toBe('lone  surrogate, whole 🎙️ emoji, عربي');
    expect(escapeAttr('a "b" \'c\' <d> & e\nf')).toBe('a &quot;b&quot; &apos;c&apos; &lt;d&gt; &amp; e&#10;f');
    // A "]]>" in the text cannot end the CDATA section early.
    expect(cdata('x ]]> y')).toBe('<![CDATA[x ]]]]><![CDATA[> y]]>');
    const doc = readXml(`<r>${cdata('a]]>b<c>&d')}</r>`);
    expect(doc.root.text).toBe('a]]>b<c>&d');
  });

  it('makes podcast:guid a UUIDv5 in the Podcasting 2.0 namespace, stable per program', () => {
    // The namespace's own examples (docs/tags/guid.md).
    expect(uuidV5('mp3s.nashownotes.com/pc20rss.xml', PODCAST_NAMESPACE)).toBe('917393e3-1b1e-5cef-ace4-edaa54e1f810');
    expect(uuidV5('podnews.net/rss', PODCAST_NAMESPACE)).toBe('9b024349-ccf0-5f69-a609-6b82873eab3c');
    const id = '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61';
    expect(podcastGuid(id)).toBe(podcastGuid(id));
    expect(podcastGuid(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('cuts descriptions to Apple\'s 4000 bytes on a character boundary, and keeps paragraphs in HTML the importer reads back', () => {
    const arabic = 'قصص قصيرة من التاريخ العربي. '.repeat(200);
    const cut = truncateBytes(arabic, DESCRIPTION_MAX_BYTES);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(DESCRIPTION_MAX_BYTES);
    expect(cut.endsWith('…')).toBe(true);
    expect(arabic.startsWith(cut.slice(0, -1))).toBe(true);
    expect(truncateBytes('short', 4000)).toBe('short');
    const text = 'First line\nsecond line with <tags> & "quotes"\n\nA new paragraph\n• a bullet';
    expect(textToHtml(text)).toBe('<p>First line<br>second line with &lt;tags&gt; &amp; &quot;quotes&quot;</p><p>A new paragraph<br>• a bullet</p>');
    expect(htmlToText(textToHtml(text))).toBe(text);
  });

  it('maps CMS categories onto Apple categories by name, parent or synonym', () => {
    expect(appleCategoryFor([{ nameEn: 'Technology', slug: 'technology' }])).toEqual({ category: 'Technology', subcategory: null });
    expect(appleCategoryFor([{ nameEn: 'Books', slug: 'books' }, { nameEn: 'Culture', slug: 'culture' }])).toEqual({ category: 'Arts', subcategory: 'Books' });
    expect(appleCategoryFor([{ nameEn: 'Family', slug: 'family' }])).toEqual({ category: 'Kids & Family', subcategory: null });
    expect(appleCategoryFor([{ nameEn: 'Religion', slug: 'religion' }])).toEqual({ category: 'Religion & Spirituality', subcategory: 'Religion' });
    expect(appleCategoryFor([{ nameEn: 'Quilting circles', slug: 'quilting' }])).toBeNull();
  });
});

describe.each(availableBackends())('a program\'s podcast feed on %s', (backend) => {
  let t: TestApp;
  let editor: Record<string, string>;
  let sync: () => Promise<void>;
  let program: Json;
  const episodes: Record<string, Json> = {};
  const TITLE = 'حكايات من التاريخ <العربي> & "الإسلامي"';

  const get = async (url: string, headers: Record<string, string> = {}) => {
    await sync();
    await t.discovery!.generation.refresh();
    return t.app.inject({ method: 'GET', url, headers });
  };
  const createEpisode = async (key: string, body: Json, then?: { action: string; body?: Json }) => {
    const { body: created } = await api(t, 'POST', '/api/cms/episodes', { headers: editor, body: { programId: program.id, ...body }, expect: 201 });
    episodes[key] = created;
    if (then) episodes[key] = (await api(t, 'POST', `/api/cms/episodes/${created.id}/${then.action}`, { headers: editor, body: then.body ?? {}, expect: 200 })).body;
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { env: { PUBLIC_URL: 'https://thmnayah.example', FEEDS_OWNER_EMAIL: 'podcasts@thmnayah.example', RATE_LIMIT_PER_MINUTE: '100000' } });
    editor = await t.auth('editor');
    sync = readModelSync(t.platform.db);
    const { body: category } = await api(t, 'POST', '/api/cms/categories', { headers: editor, body: { nameAr: 'تاريخ', nameEn: 'History', slug: 'history' }, expect: 201 });
    const { body: host } = await api(t, 'POST', '/api/cms/people', { headers: editor, body: { name: 'سارة الحربي', imageUrl: 'https://img.thmnayah.example/sara.jpg' }, expect: 201 });
    const { body: guest } = await api(t, 'POST', '/api/cms/people', { headers: editor, body: { name: 'Omar Saleh' }, expect: 201 });
    program = (await api(t, 'POST', '/api/cms/programs', {
      headers: editor, expect: 201,
      body: {
        kind: 'podcast', title: TITLE, language: 'ar', slug: 'حكايات-التاريخ', categoryId: category.id, artworkUrl: 'https://img.thmnayah.example/art.png',
        description: 'قصص قصيرة من التاريخ.\n\nكل أسبوع حكاية.', tags: ['تاريخ', 'history'], people: [{ personId: host.id, role: 'host' }],
      },
    })).body;
    await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
    const media = (name: string, mimeType = 'audio/mpeg', byteSize: number | null = 1_234_567) => ({ kind: 'audio', url: `https://media.thmnayah.example/${name}`, mimeType, byteSize });
    await createEpisode('first', {
      title: 'الحلقة الأولى: البدايات\u0001', description: 'السطر الأول\nفيه <وسم> و & و ]]> أيضاً\n\nفقرة ثانية', season: 1, number: 1, durationSeconds: 1800,
      people: [{ personId: host.id, role: 'host' }, { personId: guest.id, role: 'guest' }], tags: ['بدايات'],
      media: [media('ep1.mp3'), { kind: 'image', url: 'https://img.thmnayah.example/ep1.jpg', mimeType: 'image/jpeg' },
        { kind: 'transcript', url: 'https://media.thmnayah.example/ep1.vtt', mimeType: 'text/vtt' },
        { kind: 'chapters', url: 'https://media.thmnayah.example/ep1.json', mimeType: 'application/json+chapters' }],
    }, { action: 'publish', body: { publishAt: '2026-01-05T18:00:00.000Z' } });
    await createEpisode('second', { title: 'الحلقة الثانية', season: 1, number: 2, durationSeconds: 1500, media: [media('ep2.m4a', 'audio/mp4', null)] },
      { action: 'publish', body: { publishAt: '2026-01-12T18:00:00.000Z' } });
    await createEpisode('draft', { title: 'مسودة لم تنشر', media: [media('draft.mp3')] });
    await createEpisode('scheduled', { title: 'حلقة الأسبوع القادم', media: [media('next.mp3')] }, { action: 'schedule', body: { publishAt: new Date(Date.now() + 7 * 86_400_000).toISOString() } });
    await createEpisode('deleted', { title: 'حلقة محذوفة', media: [media('deleted.mp3')] }, { action: 'publish' });
    await api(t, 'DELETE', `/api/cms/episodes/${episodes.deleted.id}`, { headers: editor, expect: 200 });
    await createEpisode('silent', { title: 'حلقة بلا ملف صوتي' }, { action: 'publish', body: { publishAt: '2026-01-01T18:00:00.000Z' } });
  });
  afterAll(() => t?.close());

  it('lists published episodes with a file, newest first, and nothing else; valid for Apple and Spotify', async () => {
    const response = await get(`/feeds/${program.id}.xml`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers['cache-control']).toMatch(/^public, max-age=300/);
    const xml = response.body;
    expect(checkFeed(xml)).toEqual({ errors: [], warnings: [expect.stringContaining('enclosure length is unknown')] });
    const doc = readXml(xml);
    expect(doc.warnings).toEqual([]);
    const channel = child(doc.root, 'channel')!;
    expect(childText(channel, 'title')).toBe(TITLE);
    const items = childrenNamed(channel, 'item');
    expect(items.map((i) => childText(i, 'title'))).toEqual(['الحلقة الثانية', 'الحلقة الأولى: البدايات']);
    for (const hidden of ['مسودة', 'الأسبوع القادم', 'محذوفة', 'بلا ملف']) expect(xml).not.toContain(hidden);
    expect(items.map((i) => childText(i, 'guid'))).toEqual([`urn:uuid:${episodes.second.id}`, `urn:uuid:${episodes.first.id}`]);
  });

  it('writes the channel and item tags of the iTunes and Podcasting 2.0 namespaces', async () => {
    const xml = (await get(`/feeds/${program.id}.xml`)).body;
    const channel = child(readXml(xml).root, 'channel')!;
    expect(child(channel, 'atom:link')!.attrs).toEqual({ href: `https://thmnayah.example/feeds/${program.id}.xml`, rel: 'self', type: 'application/rss+xml' });
    expect(childText(channel, 'language')).toBe('ar');
    expect(childText(channel, 'description')).toBe('قصص قصيرة من التاريخ.\n\nكل أسبوع حكاية.');
    expect(child(channel, 'itunes:image')!.attrs.href).toBe('https://img.thmnayah.example/art.png');
    expect(child(channel, 'itunes:category')!.attrs.text).toBe('History');
    expect(childText(channel, 'itunes:author')).toBe('سارة الحربي');
    expect(childText(child(channel, 'itunes:owner'), 'itunes:email')).toBe('podcasts@thmnayah.example');
    expect(childText(channel, 'itunes:explicit')).toBe('false');
    expect(childText(channel, 'podcast:guid')).toBe(podcastGuid(program.id));
    expect(childrenNamed(channel, 'podcast:person').map((p) => [p.text, p.attrs.role, p.attrs.img])).toEqual([['سارة الحربي', 'host', 'https://img.thmnayah.example/sara.jpg']]);
    expect(childrenNamed(channel, 'category').map((c) => c.text)).toEqual(['تاريخ', 'history']);

    const [second, first] = childrenNamed(channel, 'item');
    expect(child(second, 'enclosure')!.attrs).toEqual({ url: 'https://media.thmnayah.example/ep2.m4a', length: '0', type: 'audio/x-m4a' });
    expect(child(first, 'enclosure')!.attrs).toEqual({ url: 'https://media.thmnayah.example/ep1.mp3', length: '1234567', type: 'audio/mpeg' });
    expect(childText(first, 'pubDate')).toBe('Mon, 05 Jan 2026 18:00:00 GMT');
    expect(childText(first, 'title')).toBe('الحلقة الأولى: البدايات'); // the control character is gone, the Arabic intact
    expect(childText(first, 'description')).toBe('السطر الأول\nفيه <وسم> و & و ]]> أيضاً\n\nفقرة ثانية');
    expect(htmlToText(child(first, 'content:encoded')!.text)).toBe('السطر الأول\nفيه <وسم> و & و ]]> أيضاً\n\nفقرة ثانية');
    expect([childText(first, 'itunes:duration'), childText(first, 'itunes:season'), childText(first, 'itunes:episode'), childText(first, 'itunes:episodeType')]).toEqual(['1800', '1', '1', 'full']);
    expect(child(first, 'itunes:image')!.attrs.href).toBe('https://img.thmnayah.example/ep1.jpg');
    expect(child(first, 'podcast:transcript')!.attrs).toEqual({ url: 'https://media.thmnayah.example/ep1.vtt', type: 'text/vtt' });
    expect(child(first, 'podcast:chapters')!.attrs).toEqual({ url: 'https://media.thmnayah.example/ep1.json', type: 'application/json+chapters' });
    expect(childrenNamed(first, 'podcast:person').map((p) => [p.text, p.attrs.role])).toEqual([['سارة الحربي', 'host'], ['Omar Saleh', 'guest']]);

    // Our own importer reads it back: titles, dates and files as published.
    const draft = importDocument(Buffer.from(xml));
    expect(draft.program).toMatchObject({ title: TITLE, language: 'ar', externalId: podcastGuid(program.id), categories: ['History'] });
    expect(draft.episodes.map((e) => [e.externalId, e.publishAt, e.media[0]?.url])).toEqual([
      [`urn:uuid:${episodes.second.id}`, '2026-01-12T18:00:00.000Z', 'https://media.thmnayah.example/ep2.m4a'],
      [`urn:uuid:${episodes.first.id}`, '2026-01-05T18:00:00.000Z', 'https://media.thmnayah.example/ep1.mp3'],
    ]);
  });

  it('answers 304 to If-None-Match and If-Modified-Since, and moves both forward when the feed changes', async () => {
    const url = `/feeds/${program.id}.xml`;
    const first = await get(url);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect((await get(url, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get(url, { 'if-modified-since': lastModified })).statusCode).toBe(304);
    // Browsers' fetch() adds no-cache to conditional requests; the origin evaluates preconditions anyway (RFC 9110).
    expect((await get(url, { 'if-none-match': etag, 'cache-control': 'no-cache', pragma: 'no-cache' })).statusCode).toBe(304);
    expect((await get(url, { 'if-modified-since': lastModified, 'cache-control': 'no-cache' })).statusCode).toBe(304);
    expect((await get(url, { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
    expect((await get(url, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).statusCode).toBe(200);
    const head = await t.app.inject({ method: 'HEAD', url });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(etag);

    // An episode goes public: a new ETag, a later Last-Modified.
    await api(t, 'POST', `/api/cms/episodes/${episodes.draft.id}/publish`, { headers: editor, expect: 200 });
    const published = await get(url, { 'if-none-match': etag });
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('مسودة لم تنشر');
    expect(Date.parse(String(published.headers['last-modified']))).toBeGreaterThan(Date.parse(lastModified));
    // And one leaves it: Last-Modified moves forward again (never back), even within the same second.
    await api(t, 'DELETE', `/api/cms/episodes/${episodes.draft.id}`, { headers: editor, expect: 200 });
    const removed = await get(url, { 'if-modified-since': String(published.headers['last-modified']) });
    expect(removed.statusCode).toBe(200);
    expect(removed.body).not.toContain('مسودة لم تنشر');
    expect(Date.parse(String(removed.headers['last-modified']))).toBeGreaterThan(Date.parse(String(published.headers['last-modified'])));
  });

  it('sends gzip or br to podcast apps that accept it, with a weak ETag that still answers 304', async () => {
    const url = `/feeds/${program.id}.xml`;
    const plain = await get(url);
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toContain('accept-encoding');
    expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gzip.headers.etag).toBe(`W/${plain.headers.etag}`);
    expect((await get(url, { 'accept-encoding': 'gzip', 'if-none-match': String(gzip.headers.etag) })).statusCode).toBe(304);
    const br = await get(url, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
    // The same stored bytes on the next request.
    expect((await get(url, { 'accept-encoding': 'br' })).rawPayload.equals(br.rawPayload)).toBe(true);
  });

  it('is linked from the Discovery program document and served by slug too; unpublished programs have none', async () => {
    await sync();
    await t.discovery!.generation.refresh();
    const { body } = await api(t, 'GET', `/api/discovery/programs/${encodeURIComponent(program.slug)}`);
    expect(body.program.feedUrl).toBe(`/feeds/${program.id}.xml`);
    const list = await api(t, 'GET', '/api/discovery/programs');
    expect(list.body.items.find((p: Json) => p.id === program.id).feedUrl).toBe(`/feeds/${program.id}.xml`);
    const bySlug = await get(`/feeds/${encodeURIComponent(program.slug)}.xml`);
    expect(bySlug.statusCode).toBe(200);
    expect(bySlug.body).toContain(`/feeds/${program.id}.xml`);

    const { body: draft } = await api(t, 'POST', '/api/cms/programs', { headers: editor, body: { kind: 'podcast', title: 'Unpublished', language: 'en' }, expect: 201 });
    const hidden = await get(`/feeds/${draft.id}.xml`);
    expectProblem({ status: hidden.statusCode, headers: hidden.headers, body: JSON.parse(hidden.body) }, 404);
    await api(t, 'POST', `/api/cms/programs/${program.id}/unpublish`, { headers: editor, expect: 200 });
    expect((await get(`/feeds/${program.id}.xml`)).statusCode).toBe(404);
    await api(t, 'POST', `/api/cms/programs/${program.id}/publish`, { headers: editor, expect: 200 });
    expect((await get(`/feeds/${program.id}.xml`)).statusCode).toBe(200);
  });
});
