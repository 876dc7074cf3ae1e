// The Grafana dashboards of components/monitoring (issue 13): one per role plus the overview, shipped
// as ConfigMaps Grafana's sidecar picks up (label grafana_dashboard: "1"). Their JSON has the shape
// Grafana needs (panels with a Prometheus datasource and targets), and every PromQL query reads only
// metric names a running server really exports: the test starts `thmnayah start` (all server roles,
// on PostgreSQL when it runs here so the pool metrics exist), drives a little traffic, scrapes /metrics.
import { mkdtemp, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { openDevIssuer } from '../../src/platform/auth/dev-issuer.js';
import { availableBackends, openTestPostgres, type TestPostgres } from '../support/databases.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { exportedSeriesNames, metricNamesIn } from '../support/promql.js';
import { K8S_DIR, type Any } from './manifests.js';

const COMPONENT = join(K8S_DIR, 'components/monitoring');
const files = readdirSync(join(COMPONENT, 'dashboards')).filter((f) => f.endsWith('.json')).sort();
const dashboards = files.map((file) => ({ file, json: JSON.parse(readFileSync(join(COMPONENT, 'dashboards', file), 'utf8')) as Any }));

/** Every PromQL query of a dashboard: panel targets and query variables (label_values(metric, label)). */
function queries(dashboard: Any): { where: string; expr: string }[] {
  const fromPanels = dashboard.panels.flatMap((p: Any) => (p.targets ?? []).map((t: Any) => ({ where: `${dashboard.uid} "${p.title}" ${t.refId}`, expr: t.expr as string })));
  const fromVariables = (dashboard.templating?.list ?? []).filter((v: Any) => v.type === 'query').map((v: Any) => {
    const query = typeof v.query === 'string' ? v.query : v.query.query;
    return { where: `${dashboard.uid} variable ${v.name}`, expr: String(query).replace(/^label_values\(([^,)]+).*$/, '$1') };
  });
  return [...fromPanels, ...fromVariables];
}

describe('Grafana dashboards', () => {
  it('there is one per role, each shipped as a ConfigMap labelled for the sidecar', () => {
    expect(files).toEqual(['cms.json', 'discovery.json', 'events.json', 'imports.json', 'media.json', 'thmnayah.json']);
    const kustomization = parseYaml(readFileSync(join(COMPONENT, 'kustomization.yaml'), 'utf8')) as Any;
    const generated = kustomization.configMapGenerator.flatMap((g: Any) => g.files.map((f: string) => ({ file: f.replace(/^dashboards\//, ''), g })));
    expect(generated.map((x: Any) => x.file).sort()).toEqual(files);
    for (const { g } of generated) expect(g.options, g.name).toMatchObject({ disableNameSuffixHash: true, labels: { grafana_dashboard: '1' } });
  });

  it.each(dashboards.map((d) => [d.file, d.json]))('%s has the shape Grafana loads: uid, title, panels with a Prometheus datasource and queries', (_file, d: Any) => {
    expect(d.uid).toMatch(/^thmnayah-[a-z-]+$/);
    expect(d.title).toMatch(/^Thmnayah/);
    expect(typeof d.schemaVersion).toBe('number');
    const variables = d.templating.list.map((v: Any) => v.name);
    expect(variables).toEqual(expect.arrayContaining(['datasource', 'namespace']));
    expect(d.panels.length).toBeGreaterThan(3);
    const ids = new Set<number>();
    for (const p of d.panels) {
      expect(ids.has(p.id), `${d.uid}: panel id ${p.id} twice`).toBe(false);
      ids.add(p.id);
      expect(typeof p.title).toBe('string');
      expect(p.type).toBe('timeseries');
      expect(p.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      expect(p.targets.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets) {
        expect(t.datasource).toEqual(p.datasource);
        expect(t.refId).toMatch(/^[A-Z]$/);
        expect(t.expr, p.title).toMatch(/namespace="\$namespace"/);
      }
    }
    // One dashboard's uids are unique across the set too (Grafana refuses duplicates).
    expect(dashboards.filter((x) => x.json.uid === d.uid)).toHaveLength(1);
  });
});

const postgres = availableBackends().includes('postgres');

describe('dashboard queries read only metrics the server exports', () => {
  let server: ServerProcess;
  let database: TestPostgres | undefined;
  let dataDir: string;
  let exported: Set<string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'thmnayah-dashboards-'));
    database = postgres ? await openTestPostgres() : undefined;
    server = await startServerProcess(['--roles', 'cms,discovery,relay,worker,cron', '--no-seed'], {
      DATA_DIR: dataDir, DEV_ISSUER: 'true', EVENT_POLL_MS: '50', ...(database ? { DATABASE_URL: database.url } : {}),
    });
    // A little traffic: an editor publishes a program, a listener reads Discovery twice (miss, hit).
    const issuer = await openDevIssuer(dataDir);
    const token = await issuer.sign({ sub: 'dev-editor', name: 'Editor', roles: ['editor'], ttlSeconds: 600 });
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      return response.json() as Promise<Any>;
    };
    const program = await call('POST', '/api/cms/programs', { kind: 'podcast', title: 'Dashboards', language: 'en' });
    await call('POST', `/api/cms/programs/${program.id}/publish`);
    for (let i = 0; i < 2; i++) await fetch(`${server.url}/api/discovery/programs`);
    exported = exportedSeriesNames(await (await fetch(`${server.url}/metrics`)).text());
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('the scrape has the server\'s own metrics (sanity)', () => {
    for (const name of ['http_requests_total', 'thmnayah_events_consumer_lag', 'thmnayah_media_jobs_queued', 'thmnayah_ingest_runs_total', 'thmnayah_response_cache_lookups_total']) expect(exported, name).toContain(name);
    if (postgres) expect(exported).toContain('thmnayah_db_pool_connections');
  });

  it.each(dashboards.map((d) => [d.file, d.json]))('%s', (_file, d: Any) => {
    const list = queries(d);
    expect(list.length).toBeGreaterThan(0);
    for (const { where, expr } of list) {
      const names = metricNamesIn(expr);
      expect(names.length, `${where}: no metric in ${expr}`).toBeGreaterThan(0);
      for (const name of names) {
        // thmnayah_db_pool_connections exists only on PostgreSQL (PGlite has no pool).
        if (!postgres && name === 'thmnayah_db_pool_connections') continue;
        expect(exported, `${where} reads ${name}, which the server does not export`).toContain(name);
      }
    }
  });
});
