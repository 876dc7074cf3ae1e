// The command line of `thmnayah import <url|file> [--program SLUG] [--publish] [--no-subscribe] [--with-media]`, turned
// into the arguments of the import task (import.task.ts). A file is read here, where the user is, and sent
// along as base64, so the same arguments work for a task run in this process or by a running server.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export function importTaskArgs(argv: string[]): Record<string, unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { program: { type: 'string' }, publish: { type: 'boolean' }, 'no-subscribe': { type: 'boolean' }, 'with-media': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('import takes one feed: a URL (http or https) or a file');
  const source = positionals[0]!;
  const common = {
    ...(values.program ? { programSlug: values.program } : {}),
    ...(values.publish ? { publish: true } : {}),
    ...(values['with-media'] ? { withMedia: true } : {}),
  };
  if (/^https?:\/\//i.test(source)) return { url: source, ...common, ...(values['no-subscribe'] ? { subscribe: false } : {}) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new UsageError(`only http and https URLs can be imported, not ${source.split(':')[0]}:`);
  let size: number;
  try {
    size = statSync(source).size;
  } catch {
    throw new UsageError(`no such file: ${source} (give a file, or a URL starting with http:// or https://)`);
  }
  if (size === 0) throw new UsageError(`${source} is empty`);
  return { document: readFileSync(source).toString('base64'), fileName: basename(source), ...common };
}
