// Local storage adapter against plain fs streams: large put/get throughput and small range reads.
// Usage: npm run bench -- storage-local [MiB=128] [ranges=2000]
// The baseline does the same I/O with bare fs calls in the same run (write + fsync + rename; read; pread), so
// the ratios show what the adapter's header, hashing, path checks and metering cost.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LocalStorage } from '../apps/server/src/platform/storage/local.js';
import { UrlSigner } from '../apps/server/src/platform/storage/url-signer.js';

const MiB = 1024 * 1024;
const sizeMiB = Number(process.argv[2] ?? 128);
const rangeCount = Number(process.argv[3] ?? 2000);
const size = sizeMiB * MiB;
const chunk = randomBytes(MiB);

const source = () => Readable.from((function* () {
  for (let sent = 0; sent < size; sent += MiB) yield chunk;
})());
const sink = () => new Writable({ write: (_c, _e, cb) => cb() });

async function time(fn: () => Promise<void>, repeat = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

const dir = mkdtempSync(join(tmpdir(), 'thmnayah-bench-'));
try {
  const storage = await LocalStorage.open({ root: join(dir, 'media'), maxBytes: 8 * 1024 * MiB, signer: new UrlSigner(randomBytes(32)), baseUrl: 'http://127.0.0.1/media' });
  const rawPath = join(dir, 'raw.bin');

  const rawWrite = await time(async () => {
    const tmp = `${rawPath}.part`;
    // The baseline hashes too: the adapter computes an ETag, and hashing is part of any honest store.
    const hash = createHash('sha256');
    await pipeline(source(), async function* (s) { for await (const c of s) { hash.update(c as Buffer); yield c; } }, createWriteStream(tmp));
    hash.digest();
    const h = await open(tmp, 'r');
    await h.sync();
    await h.close();
    await rename(tmp, rawPath);
  });
  const portWrite = await time(() => storage.put('bench/big.bin', source(), { contentType: 'video/mp4' }).then(() => {}));
  const rawRead = await time(() => pipeline(createReadStream(rawPath), sink()));
  const portRead = await time(async () => pipeline((await storage.get('bench/big.bin')).body, sink()));

  const offsets = Array.from({ length: rangeCount }, (_, i) => ((i * 7919) % (sizeMiB * 16)) * 64 * 1024);
  const rawRanges = await time(async () => {
    const buffer = Buffer.alloc(64 * 1024);
    for (const offset of offsets) {
      const h = await open(rawPath, 'r');
      await h.read(buffer, 0, buffer.length, offset);
      await h.close();
    }
  }, 2);
  const portRanges = await time(async () => {
    for (const offset of offsets) {
      const { body } = await storage.get('bench/big.bin', { range: { start: offset, end: offset + 64 * 1024 - 1 } });
      await pipeline(body, sink());
    }
  }, 2);

  const mbps = (ms: number) => (sizeMiB / (ms / 1000)).toFixed(0).padStart(6);
  console.log(`local storage, ${sizeMiB} MiB object, best of 3 (2 for ranges), ${process.version}`);
  console.log(`  put   adapter ${mbps(portWrite)} MiB/s   fs baseline ${mbps(rawWrite)} MiB/s   ratio ${(portWrite / rawWrite).toFixed(2)}x time`);
  console.log(`  get   adapter ${mbps(portRead)} MiB/s   fs baseline ${mbps(rawRead)} MiB/s   ratio ${(portRead / rawRead).toFixed(2)}x time`);
  console.log(
    `  ${rangeCount} × 64 KiB ranges: adapter ${(portRanges / rangeCount * 1000).toFixed(0)} µs each, fs open+pread+close ${(rawRanges / rangeCount * 1000).toFixed(0)} µs each, ratio ${(portRanges / rawRanges).toFixed(2)}x`,
  );
  await storage.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
