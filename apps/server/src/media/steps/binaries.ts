// Where FFmpeg and ffprobe live. Order: FFMPEG_PATH / FFPROBE_PATH, then the system's (PATH: Debian's
// `apt-get install ffmpeg`, the container image), then the static builds shipped inside npm packages so
// the embedded default (`npm ci && npm start`) needs no apt step.
//
// Why @ffmpeg-installer/ffmpeg + @ffprobe-installer/ffprobe: they ship the binary inside a per-platform
// optional dependency (@ffmpeg-installer/linux-x64 ...), so npm installs it from the registry with no
// install script and no download from anywhere else (ffmpeg-static downloads from GitHub at install
// time, which fails here and is forbidden). Their builds are older (ffmpeg git snapshot of 2018-12,
// ffprobe 2023-07) than Debian 12's FFmpeg 5.1; the commands in this folder work on both, and the tests
// run on either (set FFMPEG_PATH/FFPROBE_PATH to pick one).
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { MediaError } from './errors.js';

export type ToolSource = 'env' | 'path' | 'npm';

export interface Tool {
  path: string;
  source: ToolSource;
  /** Extra environment for the child process. */
  env?: Record<string, string>;
}

export interface Tools {
  ffmpeg: Tool;
  ffprobe: Tool;
}

const NPM_PACKAGES = { ffmpeg: '@ffmpeg-installer/ffmpeg', ffprobe: '@ffprobe-installer/ffprobe' } as const;
const ENV_NAMES = { ffmpeg: 'FFMPEG_PATH', ffprobe: 'FFPROBE_PATH' } as const;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name: string, pathVariable: string | undefined): string | undefined {
  for (const dir of (pathVariable ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, process.platform === 'win32' ? `${name}.exe` : name);
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

function fromNpm(name: keyof typeof NPM_PACKAGES): { path?: string; problem?: string } {
  try {
    const require = createRequire(import.meta.url);
    const { path } = require(NPM_PACKAGES[name]) as { path: string };
    // @ffprobe-installer's linux binary is mode 0744 and its chmod postinstall does not run here:
    // a non-root user cannot execute it. Say so instead of failing later with EACCES.
    if (!executable(path)) return { problem: `${path} is not executable by this user (chmod +x it, or install FFmpeg on PATH)` };
    return { path };
  } catch (error) {
    return { problem: `${NPM_PACKAGES[name]}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function locateTool(name: 'ffmpeg' | 'ffprobe', env: NodeJS.ProcessEnv = process.env): Tool {
  const configured = env[ENV_NAMES[name]]?.trim();
  if (configured) {
    if (!executable(configured)) throw new MediaError('tool-missing', `${ENV_NAMES[name]}=${configured} is not an executable file`);
    return { path: configured, source: 'env' };
  }
  const onPath = findOnPath(name, env.PATH);
  if (onPath) return { path: onPath, source: 'path' };
  const npm = fromNpm(name);
  // These builds link glibc statically; when a demuxer calls iconv (the MPEG-TS one does, for service
  // names), static glibc loads the host's gconv modules, built for another glibc, and the process dies
  // with SIGSEGV (seen here on every .ts file with the ffprobe builds of 2019, 2022 and 2023). Pointing
  // GCONV_PATH at a directory that does not exist makes iconv_open fail cleanly and FFmpeg carries on.
  if (npm.path) return { path: npm.path, source: 'npm', env: { GCONV_PATH: join(dirname(npm.path), 'no-gconv-modules') } };
  throw new MediaError('tool-missing', `${name} not found: set ${ENV_NAMES[name]}, install it (apt-get install ffmpeg), or install ${NPM_PACKAGES[name]} (${npm.problem})`);
}

let cached: Tools | undefined;

/** The tools for this process (resolved once; pass an env to resolve afresh, as tests do). */
export function locateTools(env?: NodeJS.ProcessEnv): Tools {
  if (env) return { ffmpeg: locateTool('ffmpeg', env), ffprobe: locateTool('ffprobe', env) };
  cached ??= { ffmpeg: locateTool('ffmpeg'), ffprobe: locateTool('ffprobe') };
  return cached;
}

const versions = new Map<string, Promise<string>>();

/** First line of `-version` (e.g. "ffmpeg version 5.1.9-0+deb12u1"), recorded in manifests. */
export function toolVersion(tool: Tool): Promise<string> {
  let version = versions.get(tool.path);
  if (!version) {
    version = promisify(execFile)(tool.path, ['-hide_banner', '-version'], { timeout: 10_000, env: { ...process.env, ...tool.env } }).then(
      ({ stdout }) => (stdout.split('\n')[0] ?? '').replace(/\s+Copyright.*$/, '').trim(),
      (error: unknown) => {
        versions.delete(tool.path);
        throw new MediaError('tool-missing', `${tool.path} -version failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    versions.set(tool.path, version);
  }
  return version;
}
