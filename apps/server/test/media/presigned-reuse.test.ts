// A presigned upload URL is for one upload (issue 15, defect 7). It stayed writable for its whole life (6 h):
// after `complete` had checked the bytes, the same URL could replace them with anything, and the worker
// processed whatever was there. Now the bytes `complete` checked are pinned by their ETag (processing reads
// the original only if it still has it), and the local adapter refuses a second PUT to the same object.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir, tone } from './media-fixtures.js';
import { call, createEpisodeFor, createMediaApp, pathOf, waitForAsset, type MediaApp, type StorageKind } from './media-app.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir());
  await Promise.all([tone(join(dir, 'first.wav'), 2, { frequency: 440 }), tone(join(dir, 'other.wav'), 2, { frequency: 880 })]);
});
afterAll(() => cleanup());

describe.each<StorageKind>(['local', 's3'])('a presigned upload URL after complete, %s storage', (storageKind) => {
  let t: MediaApp;
  afterAll(() => t?.close());

  it('cannot replace the checked file: refused at the PUT (local) or never processed (S3 honours no conditional PUT here)', async () => {
    t = await createMediaApp('pglite', storageKind);
    const editor = await t.auth('editor');
    const { episode } = await createEpisodeFor(t, editor);
    const first = await readFile(join(dir, 'first.wav'));
    const other = await readFile(join(dir, 'other.wav'));
    expect(other.length).toBe(first.length);
    const started = (await call(t, 'POST', '/api/cms/assets/uploads', {
      headers: editor, body: { ownerType: 'episode', ownerId: episode.id, kind: 'audio', fileName: 'first.wav', byteSize: first.length }, expect: 201,
    })).body;
    const put = async (body: Buffer) => {
      if (storageKind === 'local') return (await t.app.inject({ method: 'PUT', url: pathOf(started.upload.url), headers: started.upload.headers, payload: body })).statusCode;
      return (await fetch(started.upload.url, { method: 'PUT', headers: started.upload.headers, body })).status;
    };
    expect(await put(first)).toBeLessThan(300);
    await call(t, 'POST', `/api/cms/assets/${started.asset.id}/complete`, { headers: editor, expect: 200 });

    // The URL is used again, with other bytes of the same length and type.
    const again = await put(other);
    if (storageKind === 'local') expect(again).toBe(412);
    t.startWorker();
    const settled = await waitForAsset(t, editor, started.asset.id, ['ready', 'failed']);
    if (again < 300) {
      // Stored anyway (s3rver does not evaluate If-None-Match on PUT; S3 and MinIO do): the worker refuses it.
      expect(settled).toMatchObject({ status: 'failed', error: { code: 'unreadable', message: expect.stringMatching(/replaced after/) } });
    } else {
      expect(settled.status).toBe('ready');
    }
  }, 120_000);
});
