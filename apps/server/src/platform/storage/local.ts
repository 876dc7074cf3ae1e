// The local-directory adapter (embedded default, DATA_DIR/media). Guarantees, and how:
//
// - Atomic replace, no partial objects after a crash: put() writes a temporary file in `tmp/`, fsyncs
//   it, then rename()s it over `objects/<key>` and fsyncs the folder. rename() is atomic on POSIX file
//   systems, so a reader (or a restart after a crash) sees the old object or the new one, never a
//   half-written file; leftovers in `tmp/` are never listed and are swept on open.
// - Metadata stored with the bytes: each object file starts with a fixed 4 KiB header holding its
//   content type, size and ETag, followed by the content. One file means one rename publishes bytes
//   and metadata together — a sidecar file would need two renames, and a crash between them would
//   pair new bytes with old metadata; extended attributes need a native module and are lost by some
//   copy and backup tools. 4 KiB keeps the content block-aligned; list() derives sizes from stat().
// - Paths stay inside the root: keys are validated (keys.ts), the resolved path is checked lexically,
//   every folder on the way is lstat()ed (a symbolic link anywhere under the root is refused, so a link
//   cannot lead outside), and files are opened with O_NOFOLLOW.
// - Signed URLs: HMAC tokens (url-signer.ts) for the /media route (media.routes.ts), so playback and
//   upload URLs behave like S3 presigned URLs.
import { randomUUID } from 'node:crypto';
import { constants as fsConstants, type Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, rm, rmdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute, sep } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { validateFolderPrefix, validateKey, validatePrefix } from './keys.js';
import { BodyMeter } from './meter.js';
import {
  checkContentType,
  checkSignedUrlOptions,
  checkSize,
  resolveByteRange,
  StorageError,
  toReadable,
  type Body,
  type GetOptions,
  type GetResult,
  type ListedObject,
  type ObjectInfo,
  type PutOptions,
  type PutResult,
  type SignedUrlOptions,
  type Storage,
} from './storage.js';
import type { UrlSigner } from './url-signer.js';

export const HEADER_SIZE = 4096;
const MAGIC = 'THMNOBJ1\n';

interface Header {
  v: 1;
  contentType: string;
  size: number;
  etag: string;
}

export interface LocalStorageOptions {
  /** The folder that holds `objects/` and `tmp/` (DATA_DIR/media). Created when missing. */
  root: string;
  maxBytes: number;
  signer: UrlSigner;
  /** Absolute URL of the media route, e.g. `https://example.org/media`; a function when it is known only after listen(). */
  baseUrl: string | (() => string);
  /** Temporary files older than this are removed on open (a crashed writer's leftovers). Default one hour. */
  sweepTempOlderThanMs?: number;
}

export class LocalStorage implements Storage {
  readonly kind = 'local' as const;
  readonly maxBytes: number;
  readonly signer: UrlSigner;
  private readonly baseUrl: () => string;

  private constructor(
    readonly root: string,
    private readonly objectsRoot: string,
    private readonly tmpRoot: string,
    options: LocalStorageOptions,
  ) {
    this.maxBytes = options.maxBytes;
    this.signer = options.signer;
    const baseUrl = options.baseUrl;
    this.baseUrl = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  }

  static async open(options: LocalStorageOptions): Promise<LocalStorage> {
    await mkdir(options.root, { recursive: true });
    // The root itself may be a link an operator made (a mounted volume); everything below it may not.
    const root = await realpath(options.root);
    const objectsRoot = join(root, 'objects');
    const tmpRoot = join(root, 'tmp');
    for (const dir of [objectsRoot, tmpRoot]) {
      await mkdir(dir, { recursive: true });
      const stats = await lstat(dir);
      if (!stats.isDirectory()) throw new StorageError('unsafe-path', `${dir} must be a directory, not a link or a file.`);
    }
    const storage = new LocalStorage(root, objectsRoot, tmpRoot, options);
    await storage.sweepTemp(options.sweepTempOlderThanMs ?? 3600_000);
    return storage;
  }

  async put(key: string, body: Body, options: PutOptions): Promise<PutResult> {
    validateKey(key);
    const contentType = checkContentType(options.contentType);
    if (options.size !== undefined) checkSize(options.size, this.maxBytes);
    const source = toReadable(body);
    const tmpPath = join(this.tmpRoot, `${randomUUID()}.part`);
    let handle: FileHandle | undefined;
    let published = false;
    try {
      handle = await open(tmpPath, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_NOFOLLOW, 0o644);
      const meter = new BodyMeter(key, { maxBytes: this.maxBytes, size: options.size }, { hash: true });
      await pipeline(source, meter, positionalWriter(handle, HEADER_SIZE));
      const etag = meter.digest().slice(0, 32);
      await writeAll(handle, encodeHeader({ v: 1, contentType, size: meter.bytes, etag }), 0);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await this.publish(tmpPath, key);
      published = true;
      return { key, size: meter.bytes, etag };
    } finally {
      if (!source.destroyed && !published) source.destroy();
      await handle?.close().catch(() => {});
      if (!published) await rm(tmpPath, { force: true });
    }
  }

  async get(key: string, options: GetOptions = {}): Promise<GetResult> {
    const { handle, info } = await this.openObject(key);
    try {
      if (options.ifMatch !== undefined && options.ifMatch !== info.etag) {
        throw new StorageError('precondition-failed', `${key} has changed (ETag ${info.etag}, expected ${options.ifMatch}).`, { key });
      }
      let range: { start: number; end: number } | undefined;
      if (options.range) {
        range = resolveByteRange(options.range, info.size);
        if (!range) throw new StorageError('range-not-satisfiable', `The range is outside ${key} (${info.size} bytes).`, { key, size: info.size });
      }
      const start = range?.start ?? 0;
      const end = range?.end ?? info.size - 1;
      if (end < start) {
        // A 0-byte object: nothing to read.
        await handle.close();
        return { info, body: Readable.from([]), ...(range ? { range } : {}) };
      }
      const body = handle.createReadStream({ start: HEADER_SIZE + start, end: HEADER_SIZE + end, autoClose: true });
      return { info, body, ...(range ? { range } : {}) };
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const { handle, info } = await this.openObject(key);
      await handle.close();
      return info;
    } catch (error) {
      if (error instanceof StorageError && error.code === 'not-found') return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    validateKey(key);
    const folder = await this.folderOf(key, false);
    if (!folder) return;
    const path = join(folder, lastSegment(key));
    let stats: Stats;
    try {
      stats = await lstat(path);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return;
      throw error;
    }
    if (stats.isSymbolicLink()) throw unsafe(key, 'it is a symbolic link');
    if (!stats.isFile()) return; // a folder of other keys, not an object
    try {
      await unlink(path);
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
    await this.pruneEmptyFolders(folder);
  }

  async deletePrefix(prefix: string): Promise<number> {
    validateFolderPrefix(prefix);
    let count = 0;
    for await (const object of this.list(prefix)) {
      await this.delete(object.key);
      count += 1;
    }
    return count;
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    validatePrefix(prefix);
    // Walk only the folder the prefix names; the rest of the prefix filters file names.
    const folderKey = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const start = folderKey === '' ? this.objectsRoot : await this.folderOf(`${folderKey}/x`, false);
    if (!start) return;
    const found: ListedObject[] = [];
    await this.walk(start, folderKey, prefix, found);
    // Keys are ASCII, so UTF-16 order is the byte order S3 lists in.
    found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    yield* found;
  }

  async signedUrl(key: string, options: SignedUrlOptions): Promise<string> {
    validateKey(key);
    checkSignedUrlOptions(options, this.maxBytes);
    const params = this.signer.sign({ method: options.method, key, expiresIn: options.expiresIn, contentType: options.contentType, size: options.size });
    return `${this.baseUrl().replace(/\/+$/, '')}/${key}?${params.toString()}`;
  }

  async ping(): Promise<void> {
    const stats = await stat(this.objectsRoot);
    if (!stats.isDirectory()) throw new StorageError('backend', `${this.objectsRoot} is not a directory.`);
  }

  async close(): Promise<void> {}

  /** Removes temporary files older than maxAgeMs (younger ones may belong to a writer still running). */
  async sweepTemp(maxAgeMs: number): Promise<number> {
    let removed = 0;
    const cutoff = Date.now() - maxAgeMs;
    for (const entry of await readdir(this.tmpRoot, { withFileTypes: true })) {
      const path = join(this.tmpRoot, entry.name);
      try {
        const stats = await lstat(path);
        if (stats.mtimeMs <= cutoff) {
          await rm(path, { force: true, recursive: true });
          removed += 1;
        }
      } catch (error) {
        if (!isErrno(error, 'ENOENT')) throw error;
      }
    }
    return removed;
  }

  // ---- internals ----

  /** Opens an object file (no symbolic links) and reads its header. The caller closes the handle. */
  private async openObject(key: string): Promise<{ handle: FileHandle; info: ObjectInfo }> {
    validateKey(key);
    const folder = await this.folderOf(key, false);
    if (!folder) throw notFound(key);
    let handle: FileHandle;
    try {
      handle = await open(join(folder, lastSegment(key)), fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) throw notFound(key);
      if (isErrno(error, 'ELOOP')) throw unsafe(key, 'it is a symbolic link');
      throw error;
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw notFound(key); // a folder of other keys
      const header = await readHeader(handle, key);
      if (stats.size - HEADER_SIZE !== header.size) {
        throw new StorageError('backend', `${key} is damaged: its header says ${header.size} bytes, the file holds ${stats.size - HEADER_SIZE}.`, { key });
      }
      return { handle, info: { key, size: header.size, contentType: header.contentType, etag: header.etag, lastModified: truncateToSecond(stats.mtime) } };
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
  }

  /**
   * The folder that holds key's file, checked segment by segment with lstat (no symbolic links, no files
   * in the way). Undefined when a folder is missing and `create` is false.
   */
  private async folderOf(key: string, create: boolean): Promise<string | undefined> {
    const segments = key.split('/').slice(0, -1);
    const target = resolve(this.objectsRoot, ...segments);
    const rel = relative(this.objectsRoot, target);
    if (rel.startsWith('..') || isAbsolute(rel)) throw unsafe(key, 'it resolves outside the storage root');
    let dir = this.objectsRoot;
    for (const segment of segments) {
      dir = join(dir, segment);
      let stats: Stats;
      try {
        stats = await lstat(dir);
      } catch (error) {
        if (!isErrno(error, 'ENOENT')) throw error;
        if (!create) return undefined;
        try {
          await mkdir(dir, 0o755);
        } catch (mkdirError) {
          if (!isErrno(mkdirError, 'EEXIST')) throw mkdirError;
        }
        stats = await lstat(dir);
      }
      if (stats.isSymbolicLink()) throw unsafe(key, `"${relative(this.objectsRoot, dir).split(sep).join('/')}" is a symbolic link`);
      if (!stats.isDirectory()) {
        if (!create) return undefined;
        throw new StorageError('conflict', `Cannot store ${key}: "${relative(this.objectsRoot, dir).split(sep).join('/')}" is an object, and the local adapter cannot hold a key and a folder of the same name.`, { key });
      }
    }
    return dir;
  }

  private async publish(tmpPath: string, key: string) {
    // A concurrent delete() may remove an emptied folder between our mkdir and rename: make it again.
    for (let attempt = 1; ; attempt += 1) {
      const folder = (await this.folderOf(key, true))!;
      const finalPath = join(folder, lastSegment(key));
      try {
        const existing = await lstat(finalPath).catch((error: unknown) => (isErrno(error, 'ENOENT') ? undefined : Promise.reject(error)));
        if (existing?.isSymbolicLink()) throw unsafe(key, 'it is a symbolic link');
        if (existing?.isDirectory()) {
          throw new StorageError('conflict', `Cannot store ${key}: it is a folder of other keys on the local adapter.`, { key });
        }
        await rename(tmpPath, finalPath);
        await syncFolder(folder);
        return;
      } catch (error) {
        if (isErrno(error, 'ENOENT') && attempt < 5) continue;
        throw error;
      }
    }
  }

  private async pruneEmptyFolders(folder: string) {
    let dir = folder;
    while (dir !== this.objectsRoot && dir.startsWith(this.objectsRoot + sep)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or already gone): stop
      }
      dir = resolve(dir, '..');
    }
  }

  private async walk(dir: string, folderKey: string, prefix: string, out: ListedObject[]) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return;
      throw error;
    }
    for (const entry of entries) {
      const key = folderKey === '' ? entry.name : `${folderKey}/${entry.name}`;
      if (entry.isSymbolicLink()) continue; // never followed, never listed
      if (entry.isDirectory()) {
        // Descend only where keys can still start with the prefix.
        if (`${key}/`.startsWith(prefix) || prefix.startsWith(`${key}/`)) await this.walk(join(dir, entry.name), key, prefix, out);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        try {
          const stats = await lstat(join(dir, entry.name));
          if (stats.size >= HEADER_SIZE) out.push({ key, size: stats.size - HEADER_SIZE, lastModified: truncateToSecond(stats.mtime) });
        } catch (error) {
          if (!isErrno(error, 'ENOENT')) throw error; // deleted while we listed
        }
      }
    }
  }
}

function encodeHeader(header: Header): Buffer {
  const text = `${MAGIC}${JSON.stringify(header)}\n`;
  const buffer = Buffer.alloc(HEADER_SIZE, 0x20);
  if (Buffer.byteLength(text) > HEADER_SIZE) throw new StorageError('invalid-argument', 'Object metadata does not fit the 4 KiB header.');
  buffer.write(text, 0, 'utf8');
  return buffer;
}

async function readHeader(handle: FileHandle, key: string): Promise<Header> {
  const buffer = Buffer.alloc(HEADER_SIZE);
  const { bytesRead } = await handle.read(buffer, 0, HEADER_SIZE, 0);
  const damaged = (why: string) => new StorageError('backend', `${key} is damaged: ${why}.`, { key });
  if (bytesRead < HEADER_SIZE || buffer.toString('utf8', 0, MAGIC.length) !== MAGIC) throw damaged('no object header');
  const end = buffer.indexOf(0x0a, MAGIC.length);
  if (end < 0) throw damaged('unterminated header');
  let header: Header;
  try {
    header = JSON.parse(buffer.toString('utf8', MAGIC.length, end)) as Header;
  } catch {
    throw damaged('unreadable header');
  }
  if (header.v !== 1 || typeof header.contentType !== 'string' || typeof header.etag !== 'string' || !Number.isSafeInteger(header.size)) {
    throw damaged('unexpected header fields');
  }
  return header;
}

/** A Writable that writes at increasing positions of an open file (fs.WriteStream would close it). */
function positionalWriter(handle: FileHandle, start: number): Writable {
  let position = start;
  return new Writable({
    highWaterMark: 1024 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      writeAll(handle, chunk, position).then(() => {
        position += chunk.length;
        callback();
      }, callback);
    },
  });
}

async function writeAll(handle: FileHandle, buffer: Buffer, position: number) {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset, position + offset);
    offset += bytesWritten;
  }
}

/** fsync a folder so a rename in it survives a power cut. Not every platform can (Windows): that is fine. */
async function syncFolder(path: string) {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, fsConstants.O_RDONLY);
    await handle.sync();
  } catch (error) {
    if (!isErrno(error, 'EISDIR') && !isErrno(error, 'EPERM') && !isErrno(error, 'EINVAL') && !isErrno(error, 'EBADF')) throw error;
  } finally {
    await handle?.close().catch(() => {});
  }
}

const lastSegment = (key: string) => key.slice(key.lastIndexOf('/') + 1);
const truncateToSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
const notFound = (key: string) => new StorageError('not-found', `Object ${key} does not exist.`, { key });
const unsafe = (key: string, why: string) => new StorageError('unsafe-path', `Refusing ${key}: ${why}.`, { key });

function isErrno(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
