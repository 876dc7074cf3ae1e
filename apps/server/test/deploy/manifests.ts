// Rendering the kustomizations with the real `kubectl kustomize`, and small helpers to look at the
// objects it prints (pod templates, label selectors, quantities).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { requireServices } from '../support/services.js';
import { SERVER_ROOT } from '../../scripts/build.js';

const run = promisify(execFile);

export const REPO_ROOT = join(SERVER_ROOT, '../..');
export const K8S_DIR = join(REPO_ROOT, 'deploy/k8s');
const KUBECTL = process.env.KUBECTL ?? 'kubectl';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // The rest is read through the accessors below; a manifest is untyped data until validated.
  [key: string]: unknown;
}

/** Whether kubectl (with its built-in kustomize) runs here; CI (THMNAYAH_REQUIRE_SERVICES=1) demands it. */
export async function kubectlAvailable(): Promise<boolean> {
  try {
    await run(KUBECTL, ['version', '--client'], { timeout: 20_000 });
    return true;
  } catch (error) {
    if (requireServices) throw new Error(`kubectl is required (THMNAYAH_REQUIRE_SERVICES=1) to render the manifests but did not run: ${(error as Error).message}`);
    return false;
  }
}

/** shellcheck, for the shell scripts the manifests ship or the local tooling runs. */
export async function shellcheckAvailable(): Promise<boolean> {
  try {
    await run('shellcheck', ['--version']);
    return true;
  } catch (error) {
    if (requireServices) throw new Error(`shellcheck is required (THMNAYAH_REQUIRE_SERVICES=1): ${(error as Error).message}`);
    return false;
  }
}

/** `kubectl kustomize <dir>` (offline: every resource is a local file), parsed into objects. */
export async function render(dir: string, root = K8S_DIR): Promise<K8sObject[]> {
  const { stdout } = await run(KUBECTL, ['kustomize', join(root, dir)], { maxBuffer: 32 * 1024 * 1024, timeout: 60_000 });
  return parseAllDocuments(stdout).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`kustomize printed invalid YAML for ${dir}: ${doc.errors[0]!.message}`);
    return doc.toJS() as K8sObject;
  });
}

// Untyped access to nested manifest fields: a manifest is data until the schema test has checked it.
export type Any = any;

export interface PodTemplate {
  owner: K8sObject;
  labels: Record<string, string>;
  spec: Any;
}

/** Every pod template in the objects: Deployments, StatefulSets, DaemonSets, Jobs and CronJobs. */
export function podTemplates(objects: K8sObject[]): PodTemplate[] {
  const result: PodTemplate[] = [];
  for (const o of objects) {
    const spec = o.spec as Any;
    const template = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(o.kind) ? spec?.template : o.kind === 'CronJob' ? spec?.jobTemplate?.spec?.template : undefined;
    if (template) result.push({ owner: o, labels: template.metadata?.labels ?? {}, spec: template.spec });
  }
  return result;
}

/** A Kubernetes label selector (matchLabels; matchExpressions are not used here and refused). */
export function selects(selector: Any, labels: Record<string, string>): boolean {
  if (selector?.matchExpressions) throw new Error('matchExpressions are not supported by this test');
  const wanted: Record<string, string> = selector?.matchLabels ?? selector ?? {};
  return Object.entries(wanted).every(([k, v]) => labels[k] === v);
}

/** CPU in cores or memory in bytes, from a Kubernetes quantity ("250m", "1", "512Mi", "2Gi"). */
export function quantity(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|Ti|k|M|G)?$/.exec(value);
  if (!match) throw new Error(`not a quantity: ${value}`);
  const factor: Record<string, number> = { m: 1e-3, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9 };
  return Number(match[1]) * (match[2] ? factor[match[2]]! : 1);
}

export function byKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((o) => o.kind === kind);
}

export function find(objects: K8sObject[], kind: string, name: string): K8sObject | undefined {
  return objects.find((o) => o.kind === kind && o.metadata.name === name);
}

/** Containers of a pod spec, init containers included. */
export function containers(spec: Any): Any[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}
