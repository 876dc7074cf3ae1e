// Delivery: the GitHub workflows (tests, image with provenance, scan before push, a kustomize image
// bump of the overlay Argo CD syncs), the Argo CD app of apps that pins the add-ons, and what a bump
// does to the rendered production overlay (the media Jobs' image follows it).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { K8S_DIR, REPO_ROOT, byKind, containers, find, kubectlAvailable, podTemplates, render, type Any } from './manifests.js';

const WORKFLOWS = join(REPO_ROOT, '.github/workflows');
const workflow = (name: string) => parseYaml(readFileSync(join(WORKFLOWS, name), 'utf8')) as Any;
const ADDONS = ['ingress-nginx', 'cert-manager', 'keda', 'kube-prometheus-stack', 'metrics-server'];
const hasKubectl = await kubectlAvailable();

describe('GitHub workflows', () => {
  const steps = (job: Any) => job.steps as Any[];
  const allSteps = () => readdirSync(WORKFLOWS).flatMap((f) => Object.values(workflow(f).jobs as Record<string, Any>).flatMap((j) => j.steps ?? []));

  it('ci runs the suite with the services and tools the deploy tests need', () => {
    const job = workflow('ci.yml').jobs.test;
    const text = JSON.stringify(job);
    expect(Object.keys(job.services).sort()).toEqual(['postgres', 'redis']);
    expect(text).toContain('nats');
    expect(text).toContain('-js');
    expect(text).toMatch(/setup-kubectl/);
    expect(text).toMatch(/shellcheck/);
    expect(steps(job).some((s) => s.run === 'npm test' && s.env?.THMNAYAH_REQUIRE_SERVICES === '1')).toBe(true);
  });

  it('release: tests, then build, scan before push, push with provenance and SBOM, then bump the overlay Argo CD syncs', async () => {
    const release = workflow('release.yml');
    expect(release.jobs.test.uses).toBe('./.github/workflows/ci.yml');
    expect(release.jobs.image.needs).toBe('test');
    expect(release.jobs.bump.needs).toBe('image');
    const image = steps(release.jobs.image);
    const scan = image.findIndex((s) => String(s.uses).startsWith('aquasecurity/trivy-action'));
    const push = image.findIndex((s) => s.with?.push === true);
    expect(scan).toBeGreaterThan(image.findIndex((s) => s.with?.load === true));
    expect(push).toBeGreaterThan(scan);
    expect(image[scan]!.with['exit-code']).toBe('1');
    expect(image[push]!.with.provenance).toBe('mode=max');
    expect(image[push]!.with.sbom).toBe(true);
    for (const s of image.filter((x) => x.with?.file)) expect(readFileSync(join(REPO_ROOT, s.with.file), 'utf8')).toMatch(/^FROM /m);
    // The bump edits the overlay the Argo CD Application syncs, under the image name the overlay uses.
    const app = parseYaml(readFileSync(join(K8S_DIR, 'argocd/application.yaml'), 'utf8')) as Any;
    expect(release.env.OVERLAY).toBe(app.spec.source.path);
    const kustomization = parseYaml(readFileSync(join(REPO_ROOT, release.env.OVERLAY, 'kustomization.yaml'), 'utf8')) as Any;
    const bump = steps(release.jobs.bump).map((s) => s.run ?? '').join('\n');
    const edit = /kustomize edit set image "([^=]+)=/.exec(bump);
    expect(edit?.[1]).toBe(kustomization.images[0].name);
    expect(bump).toMatch(/git push origin HEAD:main/);
  });

  it('pins every action to a release, never a branch', () => {
    const uses = allSteps().map((s) => s.uses).filter(Boolean) as string[];
    expect(uses.length).toBeGreaterThan(5);
    for (const u of uses) expect(u, u).toMatch(/@v?\d+(\.\d+)*$/);
  });
});

describe('Argo CD app of apps', () => {
  const argocd = join(K8S_DIR, 'argocd');
  const kustomization = parseYaml(readFileSync(join(argocd, 'kustomization.yaml'), 'utf8')) as Any;
  const docs = (kustomization.resources as string[]).map((f) => parseYaml(readFileSync(join(argocd, f), 'utf8')) as Any);

  it('the root syncs deploy/k8s/argocd, which lists every add-on file', () => {
    const root = docs.find((d) => d.metadata.name === 'root')!;
    expect(root.spec.source.path).toBe('deploy/k8s/argocd');
    const files = readdirSync(join(argocd, 'addons')).map((f) => `addons/${f}`);
    expect(kustomization.resources).toEqual(expect.arrayContaining(files));
  });

  it.each(ADDONS)('%s: a Helm chart at an exact version, allowed by the platform project, before thmnayah', (name) => {
    const app = docs.find((d) => d.kind === 'Application' && d.spec.source.chart === name)!;
    expect(app, name).toBeDefined();
    expect(app.spec.source.targetRevision).toMatch(/^v?\d+\.\d+\.\d+$/);
    const project = docs.find((d) => d.kind === 'AppProject' && d.metadata.name === app.spec.project)!;
    expect(project.spec.sourceRepos).toContain(app.spec.source.repoURL);
    expect(project.spec.destinations).toContainEqual({ server: app.spec.destination.server, namespace: app.spec.destination.namespace });
    const wave = (d: Any) => Number(d.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
    expect(wave(app)).toBeLessThan(wave(docs.find((d) => d.metadata.name === 'thmnayah')!));
  });
});

describe.skipIf(!hasKubectl)('a release bump', () => {
  it('moves every server container and the media Jobs\' image (MEDIA_JOB_IMAGE) to the new image', async () => {
    const root = mkdtempSync(join(tmpdir(), 'thmnayah-bump-'));
    try {
      cpSync(K8S_DIR, root, { recursive: true });
      // What `kustomize edit set image thmnayah/server=REGISTRY:TAG@DIGEST` writes into the overlay.
      const file = join(root, 'overlays/production/kustomization.yaml');
      const k = parseYaml(readFileSync(file, 'utf8')) as Any;
      const digest = `sha256:${'ab'.repeat(32)}`;
      k.images = [{ name: 'thmnayah/server', newName: 'ghcr.io/example/thmnayah-server', newTag: 'v9.9.9', digest }];
      writeFileSync(file, stringify(k));
      const objects = await render('overlays/production', root);
      const wanted = `ghcr.io/example/thmnayah-server:v9.9.9@${digest}`;
      const server = podTemplates(objects).flatMap((t) => containers(t.spec)).filter((c: Any) => /thmnayah-server|thmnayah\/server/.test(c.image));
      expect(server.length).toBeGreaterThan(5);
      for (const c of server) expect(c.image).toBe(wanted);
      const worker = containers((find(objects, 'Deployment', 'thmnayah-worker')!.spec as Any).template.spec)[0];
      expect(worker.env.find((e: Any) => e.name === 'MEDIA_JOB_IMAGE').value).toBe(wanted);
      expect(byKind(objects, 'Deployment').length).toBeGreaterThan(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
