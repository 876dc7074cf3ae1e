// The self-hosted object store (components/minio-distributed), checked statically: no MinIO runs on
// this machine, and s3rver takes neither versioning nor lifecycle rules (test/storage/
// s3rver-versioning.test.ts). What is checked is what the setup Job applies, as the onprem overlay
// renders it: every bucket versioned with its lifecycle rules, the rules themselves (non-current
// versions expire, incomplete multipart uploads are aborted, current objects are never expired), and
// the server's policy: its bucket only, and exactly the S3 actions the SDK calls in s3.ts need.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ROOT } from '../../scripts/build.js';
import { byKind, containers, find, kubectlAvailable, type Any } from './manifests.js';
import { renderOverlay, type Rendered } from './contract/index.js';
import { containerEnv } from './contract/cluster.js';
import { scriptOf } from './contract/wiring.js';

/**
 * The IAM action each SDK request of s3.ts needs (AWS, "Actions, resources, and condition keys for
 * Amazon S3", and MinIO's policy actions, which follow it). HEAD needs the GET action; ListObjectsV2
 * and HeadBucket need s3:ListBucket; a multipart upload needs s3:PutObject for Create/UploadPart/
 * Complete and s3:AbortMultipartUpload to clean up after a failed stream.
 */
const ACTIONS: Record<string, string[]> = {
  GetObjectCommand: ['s3:GetObject'],
  HeadObjectCommand: ['s3:GetObject'],
  PutObjectCommand: ['s3:PutObject'],
  DeleteObjectCommand: ['s3:DeleteObject'],
  ListObjectsV2Command: ['s3:ListBucket'],
  HeadBucketCommand: ['s3:ListBucket'],
  // @aws-sdk/lib-storage: PutObject for small bodies, else Create/UploadPart/Complete, Abort on failure.
  Upload: ['s3:PutObject', 's3:AbortMultipartUpload'],
};
/** Actions on the bucket itself (resource arn:aws:s3:::BUCKET); the rest act on objects (BUCKET/*). */
const BUCKET_ACTIONS = new Set(['s3:ListBucket']);
/** The fields of an S3 lifecycle rule (LifecycleConfiguration, as `mc ilm rule import` reads it). */
const RULE_FIELDS = new Set(['ID', 'Status', 'Filter', 'Prefix', 'Expiration', 'NoncurrentVersionExpiration', 'AbortIncompleteMultipartUpload', 'Transition', 'NoncurrentVersionTransition', 'DelMarkerExpiration']);

const S3_SOURCE = join(SERVER_ROOT, 'src/platform/storage/s3.ts');

/** The SDK requests s3.ts sends: the command classes it imports from the client, and lib-storage's Upload. */
function sdkRequests(): string[] {
  const source = readFileSync(S3_SOURCE, 'utf8');
  const client = /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-s3'/.exec(source)?.[1] ?? '';
  const commands = client.split(',').map((s) => s.trim()).filter((s) => /Command$/.test(s));
  const storage = /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/lib-storage'/.exec(source)?.[1] ?? '';
  return [...commands, ...storage.split(',').map((s) => s.trim()).filter((s) => s === 'Upload')];
}

/** Every source file of the server, to prove s3.ts is the only one that talks to S3. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const available = await kubectlAvailable();

describe.skipIf(!available)('MinIO component (onprem overlay, static)', () => {
  let r: Rendered;
  let script: string;
  let env: Record<string, string>;
  let files: Record<string, string>;
  beforeAll(async () => {
    r = await renderOverlay('onprem');
    const job = byKind(r.objects, 'Job').find((j) => j.metadata.name === 'minio-setup')!;
    const pod = { owner: job, labels: {}, spec: (job.spec as Any).template.spec };
    const mc = containers(pod.spec)[0];
    script = scriptOf(r, pod, mc);
    env = containerEnv(r, mc);
    const config = pod.spec.volumes.find((v: Any) => v.name === mc.volumeMounts.find((m: Any) => m.mountPath === env.CONFIG_DIR).name).configMap.name;
    files = find(r.objects, 'ConfigMap', config)!.data as Record<string, string>;
  }, 60_000);

  const serverEnv = () => {
    const cms = find(r.objects, 'Deployment', 'thmnayah-cms')!;
    return containerEnv(r, containers((cms.spec as Any).template.spec)[0]);
  };
  const json = (file: string) => JSON.parse(files[file]!) as Any;

  it('runs 4 nodes in one distributed pool, each a pod of the StatefulSet behind its headless Service, one per node, with a budget that keeps write quorum', () => {
    const sts = find(r.objects, 'StatefulSet', 'minio')!.spec as Any;
    expect(sts.replicas).toBe(4);
    expect(sts.podManagementPolicy).toBe('Parallel');
    // No rolling upgrade: MinIO nodes must all run one version (docs/operations.md, "MinIO: upgrade").
    expect(sts.updateStrategy).toEqual({ type: 'OnDelete' });
    const args: string[] = sts.template.spec.containers[0].args;
    const pool = args.find((a) => a.startsWith('http'))!;
    const m = /^http:\/\/minio-\{0\.\.\.(\d+)\}\.([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local:(\d+)\/data$/.exec(pool);
    expect(m, pool).not.toBeNull();
    expect(Number(m![1]) + 1).toBe(sts.replicas);
    expect(m![2]).toBe(sts.serviceName);
    expect(m![3]).toBe(r.objects.find((o) => o.metadata.namespace)!.metadata.namespace);
    const headless = find(r.objects, 'Service', sts.serviceName)!.spec as Any;
    expect(headless).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect(headless.ports.map((p: Any) => p.port)).toContain(Number(m![4]));
    expect(sts.template.spec.containers[0].volumeMounts.find((v: Any) => v.mountPath === '/data').name).toBe(sts.volumeClaimTemplates[0].metadata.name);
    const anti = sts.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0];
    expect(anti.topologyKey).toBe('kubernetes.io/hostname');
    expect(anti.labelSelector.matchLabels).toEqual(sts.selector.matchLabels);
    // Writes need N/2+1 drives of one erasure set: the budget never lets a drain take more.
    const pdb = byKind(r.objects, 'PodDisruptionBudget').find((p) => p.metadata.name === 'minio')!.spec as Any;
    expect(pdb.minAvailable).toBeGreaterThanOrEqual(sts.replicas / 2 + 1);
  });

  it('the setup Job versions every bucket it creates and imports a lifecycle file the Job mounts', () => {
    const buckets = [...script.matchAll(/\bmc\s+mb\s+(?:--\S+\s+)*"?thmnayah\/([^"\s]+)"?/g)].map((m) => m[1]!.replace(/^\$/, ''));
    expect(buckets.map((b) => env[b])).toEqual(['thmnayah-media', 'thmnayah-backups']);
    expect(env.MEDIA_BUCKET).toBe(serverEnv().S3_BUCKET);
    for (const name of buckets) {
      expect(script, name).toMatch(new RegExp(`mc version enable "thmnayah/\\$${name}"`));
      const ilm = new RegExp(`mc ilm rule import "thmnayah/\\$${name}" < "\\$CONFIG_DIR/([^"]+)"`).exec(script);
      expect(ilm, `${name}: lifecycle import`).not.toBeNull();
      expect(Object.keys(files), name).toContain(ilm![1]);
    }
    // The script stops at the first failing step (set -e), so a failed import fails the Job.
    expect(script).toMatch(/^set -eu$/m);
  });

  it.each(['media-lifecycle.json', 'backups-lifecycle.json'])('%s: expires non-current versions and abandoned uploads, never a current object', (file) => {
    const rules: Any[] = json(file).Rules;
    for (const rule of rules) {
      expect(Object.keys(rule).filter((k) => !RULE_FIELDS.has(k)), rule.ID).toEqual([]);
      expect(rule.Status, rule.ID).toBe('Enabled');
      expect(rule.Expiration?.Date, rule.ID).toBeUndefined();
      if (rule.Expiration?.Days === undefined) {
        // The whole bucket.
        expect(rule.Filter ?? { Prefix: rule.Prefix ?? '' }, rule.ID).toEqual({ Prefix: '' });
        continue;
      }
      // Versioning is the media's backup: a current media object never expires by age. Dumps do, each
      // under its prefix, after more than a month (pg-backup.sh writes a new one and LATEST every night).
      expect(file, `${rule.ID}: a current object expires`).toBe('backups-lifecycle.json');
      expect(rule.Filter.Prefix, rule.ID).toBe('postgres/');
      expect(rule.Expiration.Days, rule.ID).toBeGreaterThanOrEqual(30);
    }
    const noncurrent = rules.filter((x) => x.NoncurrentVersionExpiration);
    expect(noncurrent).toHaveLength(1);
    expect(noncurrent[0].NoncurrentVersionExpiration.NoncurrentDays).toBeGreaterThanOrEqual(7);
    // A delete marker left alone once its versions are gone is removed too.
    expect(noncurrent[0].Expiration).toEqual({ ExpiredObjectDeleteMarker: true });
    const abort = rules.filter((x) => x.AbortIncompleteMultipartUpload);
    expect(abort).toHaveLength(1);
    expect(abort[0].AbortIncompleteMultipartUpload.DaysAfterInitiation).toBeGreaterThanOrEqual(1);
    expect(new Set(rules.map((x) => x.ID)).size).toBe(rules.length);
  });

  it('s3.ts is the only S3 client of the server, and every request it sends has a known IAM action', () => {
    const requests = sdkRequests();
    expect(requests).toEqual(expect.arrayContaining(['GetObjectCommand', 'PutObjectCommand', 'Upload']));
    expect(requests.filter((c) => !ACTIONS[c]), 'add the IAM action of each new request to ACTIONS and to the policy').toEqual([]);
    const others = sourceFiles(join(SERVER_ROOT, 'src')).filter((f) => f !== S3_SOURCE && /from '@aws-sdk\/(client-s3|lib-storage)'/.test(readFileSync(f, 'utf8')));
    expect(others).toEqual([]);
  });

  it("the server's user may do exactly what s3.ts needs, on its own bucket only", () => {
    const bucket = serverEnv().S3_BUCKET!;
    const policy = json('thmnayah-server-policy.json');
    expect(policy.Version).toBe('2012-10-17');
    const granted = new Set<string>();
    for (const st of policy.Statement) {
      expect(st.Effect, st.Sid).toBe('Allow');
      expect(st.Condition, st.Sid).toBeUndefined();
      const actions: string[] = [st.Action].flat();
      const resources: string[] = [st.Resource].flat();
      for (const a of actions) {
        expect(a, st.Sid).not.toContain('*');
        granted.add(a);
        // Bucket actions on the bucket, object actions on its objects: nothing outside it.
        expect(resources, `${st.Sid} ${a}`).toEqual([BUCKET_ACTIONS.has(a) ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/*`]);
      }
    }
    const needed = new Set(sdkRequests().flatMap((c) => ACTIONS[c]!));
    expect([...granted].sort()).toEqual([...needed].sort());
  });

  it("the backup's user may put and get dumps under its prefix of the backup bucket, nothing else", () => {
    const backup = find(r.objects, 'ConfigMap', byKind(r.objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('postgres-backup-'))!.metadata.name)!.data as Record<string, string>;
    const policy = json('postgres-backup-policy.json');
    expect(policy.Statement).toHaveLength(1);
    const [st] = policy.Statement;
    expect(st.Effect).toBe('Allow');
    // pg-backup.sh PUTs the dump, its checksum and LATEST; pg-restore.sh GETs them (curl, SigV4).
    expect([st.Action].flat().sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    const prefix = backup.BACKUP_PREFIX!.split('/')[0];
    expect([st.Resource].flat()).toEqual([`arn:aws:s3:::${backup.S3_BUCKET}/${prefix}/*`]);
    expect(env.BACKUP_BUCKET).toBe(backup.S3_BUCKET);
  });

  it('each user is created with the keys its client sends and given its policy; root keys stay in the setup Job', () => {
    for (const [policy, key, secret] of [['thmnayah-server', 'SERVER_ACCESS_KEY', 'SERVER_SECRET_KEY'], ['postgres-backup', 'BACKUP_ACCESS_KEY', 'BACKUP_SECRET_KEY']] as const) {
      expect(script).toMatch(new RegExp(`mc admin policy create thmnayah "?${policy}"? "\\$CONFIG_DIR/${policy}-policy\\.json"`));
      expect(Object.keys(files)).toContain(`${policy}-policy.json`);
      expect(script).toContain(`mc admin user add thmnayah "$${key}" "$${secret}"`);
      expect(script).toMatch(new RegExp(`mc admin policy attach thmnayah "?${policy}"? --user "\\$${key}"`));
    }
    expect(env.SERVER_ACCESS_KEY).toBe(serverEnv().S3_ACCESS_KEY_ID);
    expect(env.SERVER_SECRET_KEY).toBe(serverEnv().S3_SECRET_ACCESS_KEY);
    // Nothing but MinIO itself and its setup Job sees the root account.
    const rootReaders = byKind(r.objects, 'StatefulSet').concat(byKind(r.objects, 'Deployment'), byKind(r.objects, 'Job'), byKind(r.objects, 'CronJob')).filter((o) => JSON.stringify(o.spec).includes('"minio-credentials"'));
    expect(rootReaders.map((o) => `${o.kind} ${o.metadata.name}`).sort()).toEqual(['Job minio-setup', 'StatefulSet minio']);
  });
});
