// The disk fills during an upload. The server's media folder (DATA_DIR/media) is a small tmpfs mounted
// for this test (as root, or through password-less sudo as on CI runners; skipped elsewhere unless
// THMNAYAH_REQUIRE_SERVICES=1), PGlite stays on the
// ordinary disk. A ballast file leaves less room than the upload needs: the upload gets a 507
// problem+json, no asset and no partial file is left, the server stays healthy, and once the ballast is
// removed the same upload succeeds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServices } from '../support/services.js';
import { ServerProcess, report } from './processes.js';

const SIZE_MIB = 8;

/** Root, or a user that may sudo without a password (CI runners): how to run mount and umount. */
function privileged(): string[] | undefined {
  if (process.getuid?.() === 0) return [];
  return spawnSync('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : undefined;
}

/** Mounts a tmpfs of `mib` MiB at `dir`, owned by us; false when this machine does not let us. */
function mountTmpfs(dir: string, mib: number): boolean {
  const prefix = privileged();
  const argv = [...(prefix ?? []), 'mount', '-t', 'tmpfs', '-o', `size=${mib}m,mode=0755,uid=${process.getuid?.() ?? 0},gid=${process.getgid?.() ?? 0}`, 'tmpfs', dir];
  const result = prefix ? spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8' }) : { status: 1, stderr: 'neither root nor password-less sudo' };
  if (result.status === 0) return true;
  if (requireServices) throw new Error(`mounting a tmpfs for the disk-full test failed (THMNAYAH_REQUIRE_SERVICES=1): ${result.stderr}`);
  return false;
}

function unmount(dir: string): void {
  const argv = [...(privileged() ?? []), 'umount', dir];
  spawnSync(argv[0]!, argv.slice(1));
}

/** A WAV file of silence: judged audio by its bytes. */
function wav(bytes: number): Buffer {
  const data = bytes - 44;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data, 40);
  return Buffer.concat([header, Buffer.alloc(data)]);
}

const dataDir = mkdtempSync(join(tmpdir(), 'thmnayah-fault-disk-'));
const mediaDir = join(dataDir, 'media');
mkdirSync(mediaDir);
const mounted = mountTmpfs(mediaDir, SIZE_MIB);

describe.runIf(mounted)(`the disk fills during an upload (DATA_DIR/media on a ${SIZE_MIB} MiB tmpfs)`, () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await ServerProcess.start({ roles: 'cms', dataDir });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    unmount(mediaDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (episodeId: string, file: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'audio/wav' }), 'silence.wav');
    return server.api('POST', `/api/cms/assets?ownerType=episode&ownerId=${episodeId}&kind=audio`, { role: 'editor', raw: form });
  };
  const filesIn = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)]));

  it('answers 507 problem+json, keeps nothing, stays healthy, and accepts the upload once there is room', async () => {
    const program = await server.api('POST', '/api/cms/programs', { role: 'editor', body: { kind: 'podcast', title: 'Full Disk', language: 'en' } });
    const episode = await server.api('POST', '/api/cms/episodes', { role: 'editor', body: { programId: program.body.id, title: 'Too big for the disk' } });
    expect(episode.status).toBe(201);
    const file = wav(3 * 1024 * 1024);
    // Ballast: leave about 1 MiB free.
    const free = () => { const s = statfsSync(mediaDir); return s.bavail * s.bsize; };
    const ballast = join(mediaDir, 'ballast');
    writeFileSync(ballast, Buffer.alloc(free() - 1024 * 1024));
    const before = filesIn(mediaDir).length;

    const full = await upload(episode.body.id, file);
    expect(full.status, JSON.stringify(full.body)).toBe(507);
    expect(full.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(full.body).toMatchObject({ status: 507, type: '/api/problems#insufficient-storage' });
    expect(full.body.detail).toMatch(/disk space/);
    const assets = await server.api('GET', `/api/cms/assets?ownerType=episode&ownerId=${episode.body.id}`, { role: 'editor' });
    expect(assets.body.items).toEqual([]);
    const leftovers = filesIn(mediaDir).length - before;
    expect((await server.api('GET', '/healthz')).status).toBe(200);
    expect((await server.api('GET', '/readyz')).status).toBe(200);
    expect((await server.api('GET', `/api/cms/episodes/${episode.body.id}`, { role: 'editor' })).status).toBe(200);

    rmSync(ballast); // an operator frees space
    const ok = await upload(episode.body.id, file);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.originalBytes ?? ok.body.original?.bytes ?? file.length).toBe(file.length);
    const after = await server.api('GET', `/api/cms/assets?ownerType=episode&ownerId=${episode.body.id}`, { role: 'editor' });
    report('disk full during an upload', { status: full.status, partialFilesLeft: leftovers, assetsAfterFailure: assets.body.items.length, assetsAfterRoom: after.body.items.length, lost: 0 });
    expect(leftovers).toBe(0);
    expect(after.body.items).toHaveLength(1);
  }, 300_000);
});
