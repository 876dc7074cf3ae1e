// The five operations openapi-fuzz.test.ts leaves out, fuzzed with what they actually take (their bodies are
// not JSON Schema, or they act on the world), on PGlite:
// - POST /api/cms/imports: URLs only on 127.0.0.1 (an unused port; the importer's address policy refuses
//   loopback anyway), so nothing leaves the machine; the import runs in the background, so its run record
//   is read back too and must have ended with a recorded status, not an internal error;
// - POST /api/cms/imports/document: XML-ish text (well-formed small feeds, cut-off ones, unclosed comments
//   and CDATA, entities, bytes that are not UTF-8) under each accepted content type and some others;
// - POST /api/cms/assets: multipart forms with any part names, several files, fields, audio/image/other
//   bytes, cut off anywhere or without their closing boundary;
// - GET /api/cms/assets/{id}/events: ids of no asset (and garbage) with garbage Last-Event-ID. The stream
//   of a real asset stays open by design and inject() waits for the end, so it is not fuzzed here (the
//   asset-events tests cover it);
// - POST /api/cms/admin/tasks/{name}: unknown names, and the quick tasks with generated arguments (never
//   seed, reindex, import or feeds.sync, which would be slow or fetch feeds).
// Properties: no 5xx; a 2xx matches its documented schema; everything else is problem+json.
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { api, createEpisode, createProgram } from '../support/cms.js';
import { garbage } from './openapi-arbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 15);

describe('fuzzing the routes with non-JSON bodies or side effects (PGlite)', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let ids: string[] = [];
  let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>> };
  const ajv = new Ajv({ strict: false, validateFormats: true });
  ((formatsModule as unknown as { default?: (a: Ajv) => void }).default ?? (formatsModule as unknown as (a: Ajv) => void))(ajv);
  let requests = 0;

  beforeAll(async () => {
    t = await createTestApp('pglite', { env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    admin = await t.auth('admin');
    const program = await createProgram(t, admin, { title: 'Fuzz bodies' });
    const episode = await createEpisode(t, admin, program.id, { title: 'Fuzz body episode' });
    ids = [program.id, episode.id];
    doc = (await t.app.inject('/api/openapi.json')).json();
  });
  afterAll(() => t?.close());

  /** The property every answer must have. */
  function check(method: string, path: string, response: { statusCode: number; headers: Record<string, unknown>; body: string }, what: string) {
    requests += 1;
    const where = `${method} ${what} → ${response.statusCode} ${response.body.slice(0, 300)}`;
    expect(response.statusCode, where).toBeLessThan(500);
    if (response.statusCode >= 400) {
      expect(String(response.headers['content-type']), where).toMatch(/^application\/problem\+json/);
      return;
    }
    const schema = doc.paths[path]?.[method.toLowerCase()]?.responses[String(response.statusCode)]?.content?.['application/json']?.schema;
    if (schema) {
      const validate = ajv.compile(schema);
      expect(validate(JSON.parse(response.body)), `${where}\n${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  }

  it('POST /api/cms/imports: loopback URLs and garbage, and every run ends with a recorded status', async () => {
    const url = fc.oneof(
      fc.webPath().map((p) => `http://127.0.0.1:9/${p.replace(/^\//, '')}`),
      fc.constantFrom('http://127.0.0.1:9/feed.xml', 'https://127.0.0.1:9/', 'ftp://127.0.0.1/x', 'http://[::1]:9/', 'javascript:alert(1)', ''),
      garbage,
    );
    const body = fc.record({ url, programSlug: fc.option(fc.oneof(fc.constant('fuzz-bodies'), fc.string({ maxLength: 20 })), { nil: undefined }), publish: fc.option(fc.oneof(fc.boolean(), garbage), { nil: undefined }), subscribe: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: [] });
    const runs: string[] = [];
    await fc.assert(fc.asyncProperty(body, async (input) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/cms/imports', headers: { ...admin, 'content-type': 'application/json' }, payload: JSON.stringify(input) });
      check('POST', '/api/cms/imports', response, `/api/cms/imports ${JSON.stringify(input)}`);
      if (response.statusCode === 202) runs.push(response.json().id);
    }), { numRuns: RUNS * 3, seed: SEED });
    for (const id of runs) {
      let run: { status: string; error: { code: string } | null } | undefined;
      for (let i = 0; i < 100 && (!run || run.status === 'running'); i++) {
        run = (await api(t, 'GET', `/api/cms/imports/${id}`, { headers: admin })).body;
        if (run!.status === 'running') await new Promise((r) => setTimeout(r, 50));
      }
      expect(run!.status, JSON.stringify(run)).not.toBe('running');
      expect(run!.error?.code, JSON.stringify(run)).not.toBe('internal');
    }
  }, 120_000);

  it('POST /api/cms/imports/document: XML-ish documents under any content type', async () => {
    const item = fc.record({ guid: fc.string({ maxLength: 12 }), title: fc.string({ maxLength: 20 }) }).map(({ guid, title }) => `<item><guid>${guid}</guid><title>${title}</title></item>`);
    const feed = fc.array(item, { maxLength: 4 }).map((items) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Fuzz</title>${items.join('')}</channel></rss>`);
    const text = fc.oneof(
      feed,
      feed.chain((f) => fc.nat({ max: f.length }).map((n) => f.slice(0, n))), // cut off anywhere
      fc.constantFrom('<rss>' + '<!--'.repeat(500), '<rss><![CDATA[' + '&'.repeat(300), '<!DOCTYPE x [<!ENTITY a "aaaa">]><rss>&a;&a;</rss>', '<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>', '', '<', 'not xml at all'),
      fc.string({ maxLength: 200 }),
    );
    const bytes = fc.oneof({ arbitrary: text.map((s) => Buffer.from(s)), weight: 4 }, { arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)), weight: 1 });
    const type = fc.constantFrom('application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml', 'text/xml; charset=windows-1256', 'application/json', 'text/plain');
    const query = fc.constantFrom('', '?publish=true', '?programSlug=nope', '?fileName=%00x.xml', '?publish=maybe');
    await fc.assert(fc.asyncProperty(bytes, type, query, async (body, contentType, q) => {
      const response = await t.app.inject({ method: 'POST', url: `/api/cms/imports/document${q}`, headers: { ...admin, 'content-type': contentType }, payload: body });
      check('POST', '/api/cms/imports/document', response, `/api/cms/imports/document${q} (${contentType}, ${body.length} bytes)`);
    }), { numRuns: RUNS * 3, seed: SEED });
  }, 120_000);

  it('POST /api/cms/assets: multipart forms of any shape, whole or cut off', async () => {
    const wavHead = Buffer.concat([Buffer.from('RIFF\x24\x10\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x80\x3e\x00\x00\x00\x7d\x00\x00\x02\x00\x10\x00data\x00\x10\x00\x00', 'latin1'), Buffer.alloc(4096)]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    const content = fc.oneof(fc.constant(wavHead), fc.constant(png), fc.constant(Buffer.alloc(0)), fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b)), fc.constant(Buffer.from('%PDF-1.4\n')));
    const part = fc.record({
      file: fc.boolean(),
      name: fc.oneof({ arbitrary: fc.constant('file'), weight: 4 }, { arbitrary: fc.string({ maxLength: 10 }).filter((s) => !/["\r\n]/.test(s)), weight: 1 }),
      filename: fc.oneof(fc.constantFrom('a.wav', 'x.png', '../../etc/passwd', 'حلقة.mp3', ''), fc.string({ maxLength: 20 }).filter((s) => !/["\r\n]/.test(s))),
      content,
    });
    const form = fc.record({ parts: fc.array(part, { minLength: 0, maxLength: 3 }), cut: fc.oneof(fc.constant(undefined), fc.nat()), closing: fc.boolean() });
    const owner = fc.record({ ownerType: fc.constantFrom('episode', 'program', 'podcast'), ownerId: fc.oneof(fc.constantFrom(...ids), fc.uuid()), kind: fc.constantFrom('audio', 'video', 'image', 'pdf') });
    await fc.assert(fc.asyncProperty(form, owner, async ({ parts, cut, closing }, o) => {
      const boundary = 'fuzzBoundary7MA4YWxk';
      const chunks: Buffer[] = parts.map((p) => Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.file ? `; filename="${p.filename}"` : ''}\r\n${p.file ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`),
        p.content, Buffer.from('\r\n'),
      ]));
      if (closing) chunks.push(Buffer.from(`--${boundary}--\r\n`));
      let payload = Buffer.concat(chunks);
      if (cut !== undefined && payload.length > 0) payload = payload.subarray(0, cut % payload.length);
      const url = `/api/cms/assets?ownerType=${o.ownerType}&ownerId=${o.ownerId}&kind=${o.kind}`;
      const response = await t.app.inject({ method: 'POST', url, headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
      check('POST', '/api/cms/assets', response, `${url} (${parts.length} parts, ${payload.length} bytes, closing ${closing}, cut ${cut ?? 'no'})`);
    }), { numRuns: RUNS * 4, seed: SEED });
  }, 120_000);

  it('GET /api/cms/assets/{id}/events: no such asset, garbage ids and Last-Event-ID', async () => {
    const id = fc.oneof(fc.uuid(), fc.constantFrom(...ids), fc.string({ maxLength: 40 }).map(encodeURIComponent));
    const lastEventId = fc.option(fc.oneof(fc.string({ maxLength: 20 }).filter((s) => !/[\r\n\u0000-\u001f\u007f-\uffff]/.test(s)), fc.constantFrom('-1', '9999999999999', '1e309', 'abc')), { nil: undefined });
    await fc.assert(fc.asyncProperty(id, lastEventId, async (assetId, last) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/cms/assets/${assetId}/events`, headers: { ...admin, ...(last !== undefined ? { 'last-event-id': last } : {}) } });
      check('GET', '/api/cms/assets/{id}/events', response, `/api/cms/assets/${assetId}/events (Last-Event-ID ${last})`);
    }), { numRuns: RUNS * 2, seed: SEED });
  }, 60_000);

  it('POST /api/cms/admin/tasks/{name}: unknown names, and quick tasks with generated arguments', async () => {
    const name = fc.oneof(fc.constantFrom('users.list', 'users.add', 'users.disable', 'events.dead-letters', 'events.replay', 'events.trim', 'migrate', 'no.such.task', '__proto__', 'constructor'), fc.string({ maxLength: 20 }).map(encodeURIComponent).filter((s) => s.length > 0));
    const args = fc.oneof(fc.constant(undefined), fc.record({ sub: fc.string({ maxLength: 10 }), roles: fc.array(fc.constantFrom('admin', 'editor', 'viewer', 'root'), { maxLength: 2 }), ids: fc.array(fc.integer(), { maxLength: 3 }), days: fc.integer({ min: -5, max: 400 }) }, { requiredKeys: [] }), garbage);
    await fc.assert(fc.asyncProperty(name, args, async (task, body) => {
      const response = await t.app.inject({ method: 'POST', url: `/api/cms/admin/tasks/${task}`, headers: { ...admin, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
      check('POST', '/api/cms/admin/tasks/{name}', response, `/api/cms/admin/tasks/${task} ${JSON.stringify(body)}`);
      if (response.statusCode === 200) {
        // NDJSON: progress lines, then one result or one error; an error must not be ours.
        const lines = response.body.trim().split('\n').map((l) => JSON.parse(l) as { type: string; problem?: { status: number } });
        const last = lines.at(-1)!;
        expect(['result', 'error'], response.body).toContain(last.type);
        if (last.type === 'error') expect(last.problem!.status, response.body).toBeLessThan(500);
      }
    }), { numRuns: RUNS * 3, seed: SEED });
    console.log(`fuzz of the five left-out operations: ${requests} requests, seed ${SEED}`);
  }, 120_000);
});
