import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer as readAll } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { serverRoot } from '../../src/paths.js';
import { HEADER_SIZE, LocalStorage } from '../../src/platform/storage/local.js';
import { openStorage } from '../../src/platform/storage/open.js';
import { UrlSigner } from '../../src/platform/storage/url-signer.js';
import { describeStorageConformance, expectStorageError } from './conformance.js';
import { startLocalHarness, type LocalHarness } from './local-harness.js';

describeStorageConformance('local directory', () => startLocalHarness());

describe('local adapter: on disk', () => {
  let h: LocalHarness;
  beforeAll(async () => {
    h = await startLocalHarness({ listen: false });
  });
  afterAll(async () => {
    await h.close();
  });
  const objects = () => join(h.dir, 'objects');

  it('stores one file per object: a 4 KiB header with the metadata, then the bytes', async () => {
    await h.storage.put('disk/a.mp3', Buffer.from('ID3 audio bytes'), { contentType: 'audio/mpeg' });
    const file = readFileSync(join(objects(), 'disk', 'a.mp3'));
    expect(file.length).toBe(HEADER_SIZE + 15);
    expect(file.subarray(0, 9).toString()).toBe('THMNOBJ1\n');
    expect(file.subarray(0, HEADER_SIZE).toString()).toContain('"contentType":"audio/mpeg"');
    expect(file.subarray(HEADER_SIZE).toString()).toBe('ID3 audio bytes');
    expect(readdirSync(join(h.dir, 'tmp'))).toEqual([]);
  });

  it('reports a damaged file instead of serving wrong bytes', async () => {
    await h.storage.put('disk/damaged.bin', Buffer.alloc(10_000, 1), { contentType: 'application/octet-stream' });
    truncateSync(join(objects(), 'disk', 'damaged.bin'), HEADER_SIZE + 5000);
    await expectStorageError(h.storage.get('disk/damaged.bin'), 'backend');
    writeFileSync(join(objects(), 'disk', 'foreign.bin'), 'not written by the adapter');
    await expectStorageError(h.storage.head('disk/foreign.bin'), 'backend');
  });

  it('removes folders that deletes leave empty', async () => {
    await h.storage.put('prune/a/b/c.txt', Buffer.from('x'), { contentType: 'text/plain' });
    await h.storage.put('prune/keep.txt', Buffer.from('x'), { contentType: 'text/plain' });
    await h.storage.delete('prune/a/b/c.txt');
    expect(existsSync(join(objects(), 'prune', 'a'))).toBe(false);
    expect(existsSync(join(objects(), 'prune', 'keep.txt'))).toBe(true);
  });

  it('cannot hold a key and a folder of the same name, and says so', async () => {
    await h.storage.put('clash/a/b', Buffer.from('x'), { contentType: 'text/plain' });
    await expectStorageError(h.storage.put('clash/a', Buffer.from('y'), { contentType: 'text/plain' }), 'conflict');
    await h.storage.put('clash/file', Buffer.from('x'), { contentType: 'text/plain' });
    await expectStorageError(h.storage.put('clash/file/under', Buffer.from('y'), { contentType: 'text/plain' }), 'conflict');
    expect(await h.storage.exists('clash/a')).toBe(false); // a folder is not an object
    expect(await h.storage.exists('clash/file/under')).toBe(false);
    expect(readdirSync(join(h.dir, 'tmp'))).toEqual([]);
  });
});

describe('local adapter: paths stay inside the root', () => {
  let h: LocalHarness;
  let outside: string;
  beforeAll(async () => {
    h = await startLocalHarness({ listen: false });
    outside = mkdtempSync(join(tmpdir(), 'thmnayah-outside-'));
    // A file outside the root that looks exactly like a stored object.
    const donor = await startLocalHarness({ listen: false });
    await donor.storage.put('secret.txt', Buffer.from('top secret'), { contentType: 'text/plain' });
    writeFileSync(join(outside, 'secret.txt'), readFileSync(join(donor.dir, 'objects', 'secret.txt')));
    await donor.close();
    mkdirSync(join(h.dir, 'objects', 'assets'), { recursive: true });
    symlinkSync(outside, join(h.dir, 'objects', 'assets', 'linked-dir'));
    symlinkSync(join(outside, 'secret.txt'), join(h.dir, 'objects', 'assets', 'linked-file'));
  });
  afterAll(async () => {
    await h.close();
    rmSync(outside, { recursive: true, force: true });
  });

  it('refuses to read or write through a symbolic link to a folder outside', async () => {
    await expectStorageError(h.storage.get('assets/linked-dir/secret.txt'), 'unsafe-path');
    await expectStorageError(h.storage.head('assets/linked-dir/secret.txt'), 'unsafe-path');
    await expectStorageError(h.storage.put('assets/linked-dir/new.txt', Buffer.from('x'), { contentType: 'text/plain' }), 'unsafe-path');
    await expectStorageError(h.storage.put('assets/linked-dir/deeper/new.txt', Buffer.from('x'), { contentType: 'text/plain' }), 'unsafe-path');
    await expectStorageError(h.storage.delete('assets/linked-dir/secret.txt'), 'unsafe-path');
    await expectStorageError(h.storage.deletePrefix('assets/linked-dir/'), 'unsafe-path');
    expect(readdirSync(outside)).toEqual(['secret.txt']); // nothing created, nothing removed
  });

  it('refuses a symbolic link in place of an object file', async () => {
    await expectStorageError(h.storage.get('assets/linked-file'), 'unsafe-path');
    await expectStorageError(h.storage.head('assets/linked-file'), 'unsafe-path');
    await expectStorageError(h.storage.delete('assets/linked-file'), 'unsafe-path');
    await expectStorageError(h.storage.put('assets/linked-file', Buffer.from('overwrite'), { contentType: 'text/plain' }), 'unsafe-path');
    expect(readFileSync(join(outside, 'secret.txt')).subarray(HEADER_SIZE).toString()).toBe('top secret');
  });

  it('never lists or deletes through links', async () => {
    await h.storage.put('assets/real.txt', Buffer.from('x'), { contentType: 'text/plain' });
    const keys: string[] = [];
    for await (const o of h.storage.list('assets/')) keys.push(o.key);
    expect(keys).toEqual(['assets/real.txt']);
    expect(await h.storage.deletePrefix('assets/')).toBe(1);
    expect(readdirSync(outside)).toEqual(['secret.txt']);
  });

  it('works when the root itself is a link (a mounted volume)', async () => {
    const real = mkdtempSync(join(tmpdir(), 'thmnayah-volume-'));
    const link = `${real}-link`;
    symlinkSync(real, link);
    try {
      const storage = await LocalStorage.open({ root: link, maxBytes: 1024, signer: new UrlSigner(randomBytes(32)), baseUrl: 'http://127.0.0.1/media' });
      await storage.put('on/volume.txt', Buffer.from('ok'), { contentType: 'text/plain' });
      expect((await readAll((await storage.get('on/volume.txt')).body)).toString()).toBe('ok');
      expect(existsSync(join(real, 'objects', 'on', 'volume.txt'))).toBe(true);
    } finally {
      rmSync(link, { force: true });
      rmSync(real, { recursive: true, force: true });
    }
  });
});

describe('local adapter: crashes', () => {
  it('shows no partial object after a writer is killed mid-upload, and sweeps its temporary file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'thmnayah-crash-'));
    try {
      const child = spawn(process.execPath, [join(serverRoot, 'bin', 'run-ts.mjs'), join(serverRoot, 'test', 'storage', 'fixtures', 'crash-writer.ts'), root, 'assets/crash/video.mp4'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      // Wait until megabytes of the upload are on disk, then kill without any chance to clean up.
      const tmp = join(root, 'tmp');
      for (let i = 0; ; i++) {
        const parts = existsSync(tmp) ? readdirSync(tmp) : [];
        if (parts.length === 1 && statSync(join(tmp, parts[0]!)).size > 2 * 1024 * 1024) break;
        if (child.exitCode !== null || i > 600) throw new Error(`crash writer did not start writing: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      const leftover = readdirSync(tmp);
      expect(leftover).toHaveLength(1);
      const storage = await LocalStorage.open({ root, maxBytes: 1024 ** 3, signer: new UrlSigner(randomBytes(32)), baseUrl: 'http://127.0.0.1/media' });
      expect(await storage.exists('assets/crash/video.mp4')).toBe(false);
      const listed: string[] = [];
      for await (const o of storage.list('')) listed.push(o.key);
      expect(listed).toEqual([]);
      // A young temporary file may belong to a live writer: open() keeps it; an old one goes.
      expect(readdirSync(tmp)).toEqual(leftover);
      const old = new Date(Date.now() - 2 * 3600_000);
      utimesSync(join(tmp, leftover[0]!), old, old);
      expect(await storage.sweepTemp(3600_000)).toBe(1);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('openStorage from configuration', () => {
  it('opens DATA_DIR/media with a signing key kept in DATA_DIR/identity', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-data-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://media.example.test/' });
      const first = await openStorage(config);
      expect(first.kind).toBe('local');
      const url = await first.signedUrl('assets/x/y.mp3', { method: 'GET', expiresIn: 60 });
      expect(url.startsWith('https://media.example.test/media/assets/x/y.mp3?')).toBe(true);
      const keyFile = join(dataDir, 'identity', 'media-url.key');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      // A second process on the same DATA_DIR accepts the URLs the first signed; another secret does not.
      const query = Object.fromEntries(new URL(url).searchParams);
      const second = (await openStorage(config)) as LocalStorage;
      expect(second.signer.verify({ method: 'GET', key: 'assets/x/y.mp3', query }).ok).toBe(true);
      expect(existsSync(join(dataDir, 'media', 'objects'))).toBe(true);
      const configured = (await openStorage(loadConfig({ DATA_DIR: dataDir, MEDIA_SIGNING_KEY: 'k'.repeat(40) }))) as LocalStorage;
      expect(configured.signer.verify({ method: 'GET', key: 'assets/x/y.mp3', query })).toEqual({ ok: false, reason: 'bad-signature' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
