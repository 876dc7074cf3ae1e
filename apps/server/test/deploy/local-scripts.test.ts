// deploy/local/*.sh cannot run here (no container engine, no cluster), so they are checked for what
// can be: shellcheck, that they install exactly the add-ons Argo CD pins and at the same versions and
// values (common.sh reads them from deploy/k8s/argocd/addons, checked here by running its readers),
// and that the image they build is the one the local overlay runs.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { K8S_DIR, REPO_ROOT, containers, kubectlAvailable, podTemplates, render, shellcheckAvailable, type Any } from './manifests.js';

const run = promisify(execFile);
const LOCAL = join(REPO_ROOT, 'deploy/local');
const ADDONS = join(K8S_DIR, 'argocd/addons');
const scripts = readdirSync(LOCAL).filter((f) => f.endsWith('.sh'));

/** Runs a function of common.sh the way the scripts do (sourced by bash). */
async function commonSh(fn: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('bash', ['-c', `source "${join(LOCAL, 'common.sh')}" && ${fn} "$@"`, 'common.sh', ...args]);
  return stdout;
}

const charts = readdirSync(ADDONS)
  .map((f) => ({ file: f, app: parseYaml(readFileSync(join(ADDONS, f), 'utf8')) as Any }))
  .filter(({ app }) => app.kind === 'Application' && app.spec.source.chart);

const hasShellcheck = await shellcheckAvailable();
const hasKubectl = await kubectlAvailable();

describe('deploy/local scripts', () => {
  it('are kind, k3d and minikube plus their shared steps', () => {
    expect(scripts.sort()).toEqual(['common.sh', 'k3d.sh', 'kind.sh', 'minikube.sh']);
  });

  it.skipIf(!hasShellcheck)('pass shellcheck, following common.sh', async () => {
    const result = await run('shellcheck', ['-x', '--severity=style', ...scripts.map((s) => join(LOCAL, s))]).then(
      () => '',
      (error: Any) => String(error.stdout),
    );
    expect(result).toBe('');
  });

  it.each(charts.map((c) => [c.app.metadata.name, c] as const))('install %s at the chart, version, namespace and values Argo CD pins', async (name, { app }) => {
    expect(name).toBe(app.spec.source.chart);
    for (const [field, value] of [['chart', app.spec.source.chart], ['repoURL', app.spec.source.repoURL], ['targetRevision', app.spec.source.targetRevision], ['namespace', app.spec.destination.namespace]]) {
      expect((await commonSh('addon_field', name, field!)).trim(), field).toBe(value);
    }
    expect(parseYaml(await commonSh('addon_values', name)) ?? null).toEqual(parseYaml(app.spec.source.helm?.values ?? '') ?? null);
    const common = readFileSync(join(LOCAL, 'common.sh'), 'utf8');
    expect(common).toMatch(new RegExp(`^\\s*addon ${name}\\b`, 'm'));
  });

  it('install no add-on Argo CD does not pin, and never hard-code a chart version', () => {
    const common = readFileSync(join(LOCAL, 'common.sh'), 'utf8');
    const installed = [...common.matchAll(/^\s*addon ([a-z-]+)/gm)].map((m) => m[1]);
    expect(installed.sort()).toEqual(charts.map((c) => c.app.metadata.name).sort());
    for (const script of scripts) expect(readFileSync(join(LOCAL, script), 'utf8'), script).not.toMatch(/--version\s+v?\d/);
  });

  it.skipIf(!hasKubectl)('build and load the image the local overlay runs', async () => {
    const images = new Set(podTemplates(await render('overlays/local')).flatMap((t) => containers(t.spec).map((c: Any) => c.image as string)).filter((i) => /thmnayah\/server/.test(i)));
    const { stdout } = await run('bash', ['-c', `source "${join(LOCAL, 'common.sh')}" && echo "$IMAGE"`]);
    expect([...images]).toEqual([stdout.trim()]);
    for (const script of ['kind.sh', 'k3d.sh', 'minikube.sh']) {
      const text = readFileSync(join(LOCAL, script), 'utf8');
      expect(text, script).toMatch(/^build_image$/m);
      expect(text, script).toMatch(/"\$IMAGE"/);
      expect(text.trim().split('\n').at(-1), script).toBe('deploy_thmnayah');
    }
  });
});
