// The streamed upload's form (issue 15, defect 9c): one file, in the part named "file", as documented. A file
// under any other name was accepted, and a second file was dropped without a word; both are now a clear 400
// problem, and nothing is stored or created.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaApp, type MediaApp } from './media-app.js';

// A 1×1 PNG: an image by its bytes, which is all the upload route checks.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function form(parts: { name: string; fileName?: string; content: Buffer | string }[]) {
  const boundary = `----form${randomBytes(6).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName ? `; filename="${part.fileName}"` : ''}`;
    const type = part.fileName ? 'Content-Type: image/png\r\n' : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('the upload form', () => {
  let t: MediaApp;
  let editor: Record<string, string>;
  let url: string;
  const post = (body: ReturnType<typeof form>) => t.app.inject({ method: 'POST', url, headers: { ...editor, ...body.headers }, payload: body.payload });
  const nothingStored = async () => {
    const [{ n }] = await t.platform.db.query<{ n: number }>('select count(*)::int as n from media_assets') as [{ n: number }];
    const keys: string[] = [];
    for await (const object of t.platform.storage.list('assets/')) keys.push(object.key);
    return { assets: n, keys };
  };

  beforeAll(async () => {
    t = await createMediaApp('pglite', 'local');
    editor = await t.auth('editor');
    const program = await t.app.inject({ method: 'POST', url: '/api/cms/programs', headers: editor, payload: { kind: 'podcast', title: 'Form', language: 'en' } });
    url = `/api/cms/assets?ownerType=program&ownerId=${program.json().id}&kind=image`;
  });
  afterAll(() => t?.close());

  it('refuses a file in a part with another name', async () => {
    const response = await post(form([{ name: 'upload', fileName: 'cover.png', content: PNG }]));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ type: '/api/problems#validation-failed', detail: expect.stringMatching(/"file".*"upload"/) });
    expect(await nothingStored()).toEqual({ assets: 0, keys: [] });
  });

  it('refuses a second file instead of ignoring it', async () => {
    const response = await post(form([{ name: 'file', fileName: 'a.png', content: PNG }, { name: 'file', fileName: 'b.png', content: PNG }]));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ type: '/api/problems#validation-failed', detail: expect.stringMatching(/one file/) });
    expect(await nothingStored()).toEqual({ assets: 0, keys: [] });
  });

  it('refuses other fields, which the route does not read', async () => {
    const response = await post(form([{ name: 'title', content: 'x' }, { name: 'file', fileName: 'a.png', content: PNG }]));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().detail).toMatch(/"title"/);
    expect(await nothingStored()).toEqual({ assets: 0, keys: [] });
  });

  it('takes the documented form: one part named "file"', async () => {
    const response = await post(form([{ name: 'file', fileName: 'cover.png', content: PNG }]));
    expect(response.statusCode, response.body).toBe(201);
    expect((await nothingStored()).assets).toBe(1);
  });
});
