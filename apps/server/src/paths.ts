// Files the server reads at run time (migrations, seed data) live beside package.json. Found by
// walking up from this module, so the same code works from src/ (tsx) and from a bundled dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findServerRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@thmnayah/server') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the @thmnayah/server package root');
    dir = parent;
  }
}

export const serverRoot = findServerRoot();
export const migrationsDir = join(serverRoot, 'migrations');
export const fixturesDir = join(serverRoot, 'fixtures');
