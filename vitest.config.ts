import { defineConfig } from 'vitest/config';

// Most test files spend their time waiting: on PostgreSQL, NATS, FFmpeg, a server child process or
// Chromium. Two files at a time keeps both cores busy (Vitest's default on two cores is one worker).
// Files that measure wall-clock behaviour, or load the machine on purpose, run afterwards on their own
// (`serial`, a later group) so a neighbour cannot slow them into a false failure.
const SERIAL = [
  'apps/server/test/fault/**/*.test.ts',
  'apps/server/test/drills/**/*.test.ts',
  'apps/server/test/events/kill.test.ts',
  'apps/server/test/media/playback-revocation.test.ts',
  'apps/server/test/deploy/image.test.ts',
];
const INCLUDE = ['apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'];

export default defineConfig({
  // Vitest orders files by how long each took last time (longest first, so no long file starts last and
  // runs alone at the end); that record lives in the cache directory. A clean checkout has none: CI
  // points THMNAYAH_VITEST_CACHE at a directory outside the checkout that outlives it (.ci/run).
  ...(process.env.THMNAYAH_VITEST_CACHE ? { cacheDir: process.env.THMNAYAH_VITEST_CACHE } : {}),
  test: {
    globalSetup: ['apps/server/test/support/global-setup.ts', 'apps/web/test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests talk to real services; a flaky network is not a reason to hide a failure.
    retry: 0,
    projects: [
      { extends: true, test: { name: 'parallel', include: INCLUDE, exclude: SERIAL, maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'serial', include: SERIAL, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
