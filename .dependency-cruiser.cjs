/**
 * The server's layers (docs/architecture.md, "Layers"), checked on every `npm test`
 * (apps/server/test/architecture/layers.test.ts runs this).
 *
 * - platform/ is the kit every domain builds on (HTTP, database, storage, auth, telemetry, tasks): it
 *   imports no domain.
 * - search/ is a library (analysis, query language, highlighting, ranking SQL): it serves no HTTP and knows
 *   nothing of the read model (discovery/) or the editors' model (content/).
 * - admin/ composes the domains' tasks and serves their HTTP: no domain imports it.
 * - Composition roots (app.ts, platform.ts, main.ts, cli/) may import anything.
 */
const SRC = '^apps/server/src/';
const DOMAINS = '(content|discovery|events|feeds|ingest|listening|media|recommendations|search|search-analytics|seed)';

module.exports = {
  forbidden: [
    {
      name: 'search-is-a-library',
      comment: 'search/ imports nothing from discovery/ or content/, and no HTTP kit from platform/http.',
      severity: 'error',
      from: { path: `${SRC}search/` },
      to: { path: `${SRC}(discovery|content|platform/http)/` },
    },
    {
      name: 'no-domain-imports-admin',
      comment: 'admin/ composes the domains; a domain that imports it points upward.',
      severity: 'error',
      from: { path: `${SRC}${DOMAINS}/` },
      to: { path: `${SRC}admin/` },
    },
    {
      name: 'platform-imports-no-domain',
      comment: 'platform/ is the kit under every domain.',
      severity: 'error',
      from: { path: `${SRC}platform/` },
      to: { path: `${SRC}(${DOMAINS.slice(1, -1)}|admin|web|cli)/` },
    },
    {
      name: 'no-cycle-across-folders',
      comment: 'Two folders whose modules import each other in a cycle are one domain, or share something that belongs lower.',
      severity: 'error',
      from: { path: `${SRC}([^/]+)/` },
      to: { circular: true, pathNot: `${SRC}$1/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
