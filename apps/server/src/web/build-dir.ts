// Where the web app's build lives: apps/web/build beside the server package, in a checkout and in the
// image alike (the Dockerfile copies it there).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serverRoot } from '../paths.js';

export const webBuildDir = join(serverRoot, '..', 'web', 'build');

export function webBuildPresent(dir = webBuildDir): boolean {
  return existsSync(join(dir, 'server', 'index.js')) && existsSync(join(dir, 'client'));
}
