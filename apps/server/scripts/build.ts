// Production build of the server: one ESM bundle (dist/main.js, with a source map) made by esbuild,
// and, on request, a release directory laid out like this package with only what runs in production.
//
//   npm run build                              → apps/server/dist/main.js (+ .map)
//   npm run build -- --release /some/dir       → /some/dir/{package.json,bin,dist,migrations,fixtures/tatoeba}
//
// Why esbuild: it is already here (tsx runs on it), bundles TypeScript in well under a second, and
// writes source maps; a bundle starts faster than tsx compiling on the fly and lets the image ship no
// sources and no TypeScript toolchain. npm packages stay external (node_modules in the image comes
// from `npm ci --omit=dev`), so their own file lookups, worker threads and native parts keep working.
// Our workspace packages (@thmnayah/*) are bundled: they export TypeScript sources that Node cannot load.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Metafile, type Plugin } from 'esbuild';

export const SERVER_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What the server reads at run time besides its bundle, relative to the package root (paths.ts finds
 * that root by walking up to package.json, so the release keeps this package's layout). The feed
 * fixtures are test data and stay out; the Tatoeba sentences are the seed's catalogue.
 */
export const RUNTIME_SOURCES = ['package.json', 'bin/thmnayah.mjs', 'migrations', 'fixtures/tatoeba'];

/** The npm package a bare import names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * Keeps npm packages out of the bundle, and refuses an import of a package that is not a runtime
 * dependency of the server: the image installs only those, so such an import would work in a checkout
 * (hoisted dev dependencies) and crash in production.
 */
function externalPackages(root: string, dependencies: ReadonlySet<string>): Plugin {
  return {
    name: 'thmnayah-externals',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, (args) => {
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        const name = packageName(args.path);
        if (name.startsWith('@thmnayah/')) return undefined; // workspace TypeScript: bundle it
        if (args.kind === 'entry-point') return undefined;
        if (!dependencies.has(name)) {
          return { errors: [{ text: `"${name}" is imported by ${relative(root, args.importer)} but is not in the dependencies of @thmnayah/server (the image installs only those)` }] };
        }
        return { path: args.path, external: true };
      });
    },
  };
}

export interface BuildResult {
  outfile: string;
  bytes: number;
  externals: string[];
}

/** Bundles ROOT/src/main.ts into outDir/main.js and the tracing start into outDir/tracing.js (ESM, Node 20, source maps beside them); ROOT is this package. */
export async function buildServer(options: { outDir?: string; root?: string } = {}): Promise<BuildResult> {
  const root = options.root ?? SERVER_ROOT;
  const outDir = resolve(options.outDir ?? join(root, 'dist'));
  refuseToClear(outDir, root);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
  rmSync(outDir, { recursive: true, force: true });
  const outfile = join(outDir, 'main.js');
  const result = await build({
    // tracing.js starts the OpenTelemetry SDK; bin/thmnayah.mjs loads it before main.js when an
    // OTLP endpoint is configured (it must run before the application's imports).
    entryPoints: { main: join(root, 'src/main.ts'), tracing: join(root, 'src/platform/telemetry/tracing-start.ts') },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // Class and function names appear in logs and errors; bundling may rename clashing ones.
    keepNames: true,
    metafile: true,
    logLevel: 'silent', // errors are thrown (and printed by the CLI below)
    plugins: [externalPackages(root, dependencies)],
  });
  const output = result.metafile.outputs[relative(process.cwd(), outfile)] ?? Object.values(result.metafile.outputs).find((o) => o.entryPoint?.endsWith('main.ts'));
  return { outfile, bytes: output?.bytes ?? 0, externals: externalsOf(result.metafile) };
}

/** The output directory is emptied first: never let that be the sources or a folder holding them. */
function refuseToClear(dir: string, root: string): void {
  if (dir === root || `${root}${sep}`.startsWith(`${dir}${sep}`) || dir.startsWith(join(root, 'src') + sep) || dir === join(root, 'src')) {
    throw new Error(`refusing to clear ${dir}: it holds the sources of ${root}`);
  }
}

function externalsOf(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const input of Object.values(metafile.inputs)) {
    for (const imported of input.imports) {
      // '<runtime>' and the like are esbuild's own helpers, not imports.
      if (imported.external && !isBuiltin(imported.path) && !imported.path.startsWith('<')) names.add(packageName(imported.path));
    }
  }
  return [...names].sort();
}

/**
 * Lays out a release in dest: RUNTIME_SOURCES copied from this package, and a fresh bundle in
 * dest/dist. With node_modules from `npm ci --omit=dev` beside it, it is what the image runs.
 */
export async function buildRelease(dest: string, root = SERVER_ROOT): Promise<BuildResult> {
  const target = resolve(dest);
  refuseToClear(target, root);
  rmSync(target, { recursive: true, force: true });
  for (const file of RUNTIME_SOURCES) {
    const from = join(root, file);
    if (!existsSync(from)) throw new Error(`cannot lay out the release: ${from} is missing`);
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(from, join(target, file), { recursive: true });
  }
  return buildServer({ outDir: join(target, 'dist'), root });
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { release: { type: 'string' }, 'out-dir': { type: 'string' } }, strict: true });
  const started = performance.now();
  if (values.release && values['out-dir']) throw new Error('--release puts the bundle in RELEASE/dist; give one of --release and --out-dir');
  const result = values.release
    ? await buildRelease(values.release)
    : await buildServer(values['out-dir'] ? { outDir: values['out-dir'] } : {});
  console.log(`built ${relative(process.cwd(), result.outfile)} (${(result.bytes / 1024).toFixed(0)} KiB, ${result.externals.length} external packages) in ${Math.round(performance.now() - started)} ms`);
  if (values.release) console.log(`release laid out in ${values.release}: dist/, ${RUNTIME_SOURCES.join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
