// The alert rules of the on-premises components (components/minio-distributed, components/keycloak), tested
// like the server's (alerts.test.ts): `promtool test rules` on recorded series, firing and quiet, and a
// runbook section in docs/operations.md for each. Their metrics are MinIO's, Keycloak's and
// kube-state-metrics', which no process here exports: the series below use the names those document.
import { describe, expect, it } from 'vitest';
import { requireServices } from '../support/services.js';
import { checkRules, missingRunbooks, promtoolAvailable, readRules, testRules, type AlertCase } from './promtool.js';

if (!promtoolAvailable && requireServices) throw new Error('promtool is required (apt-get install prometheus)');

const DAY = 24 * 3600;
const COMPONENTS: { file: string; cases: AlertCase[] }[] = [
  {
    file: 'deploy/k8s/components/minio-distributed/alerts.yaml',
    cases: [
      { name: 'a node down for 20 minutes', series: { 'minio_cluster_nodes_offline_total{instance="minio-0"}': '0 0 1x25' }, at: '20m', alert: 'ThmnayahMinioNodeOffline', fires: [{ labels: { severity: 'page' } }] },
      { name: 'a node restarting for 5 minutes', series: { 'minio_cluster_nodes_offline_total{instance="minio-0"}': '0 1x5 0x20' }, at: '20m', alert: 'ThmnayahMinioNodeOffline', fires: [] },
      { name: 'a drive offline', series: { 'minio_cluster_drive_offline_total{instance="minio-1"}': '1x20' }, at: '15m', alert: 'ThmnayahMinioDriveOffline', fires: [{ labels: { severity: 'page' } }] },
      { name: 'all drives online', series: { 'minio_cluster_drive_offline_total{instance="minio-1"}': '0x20' }, at: '15m', alert: 'ThmnayahMinioDriveOffline', fires: [] },
      {
        name: '15 % free',
        series: { 'minio_cluster_capacity_usable_free_bytes{instance="minio-2"}': '150x40', 'minio_cluster_capacity_usable_total_bytes{instance="minio-2"}': '1000x40' },
        at: '35m', alert: 'ThmnayahMinioCapacityLow', fires: [{ labels: { severity: 'page' } }],
      },
      {
        name: '40 % free',
        series: { 'minio_cluster_capacity_usable_free_bytes{instance="minio-2"}': '400x40', 'minio_cluster_capacity_usable_total_bytes{instance="minio-2"}': '1000x40' },
        at: '35m', alert: 'ThmnayahMinioCapacityLow', fires: [],
      },
      { name: 'the setup Job failed', series: { 'kube_job_status_failed{namespace="thmnayah",job_name="minio-setup"}': '1x10' }, at: '8m', alert: 'ThmnayahMinioSetupFailed', fires: [{ labels: { severity: 'ticket', namespace: 'thmnayah' } }] },
      { name: 'the setup Job succeeded', series: { 'kube_job_status_failed{namespace="thmnayah",job_name="minio-setup"}': '0x10' }, at: '8m', alert: 'ThmnayahMinioSetupFailed', fires: [] },
    ],
  },
  {
    file: 'deploy/k8s/components/keycloak/alerts.yaml',
    cases: [
      { name: 'no Keycloak pod ready', series: { 'kube_deployment_status_replicas_available{namespace="thmnayah",deployment="keycloak"}': '2 2 0x10' }, at: '10m', alert: 'ThmnayahKeycloakDown', fires: [{ labels: { severity: 'page', namespace: 'thmnayah' } }] },
      { name: 'one of two pods ready', series: { 'kube_deployment_status_replicas_available{namespace="thmnayah",deployment="keycloak"}': '1x12' }, at: '10m', alert: 'ThmnayahKeycloakDown', fires: [] },
      { name: 'requests wait for a connection', series: { 'agroal_awaiting_count{datasource="default",pod="keycloak-0"}': '0 3x10' }, at: '10m', alert: 'ThmnayahKeycloakDatabasePoolExhausted', fires: [{ labels: { severity: 'page' } }] },
      { name: 'nobody waits', series: { 'agroal_awaiting_count{datasource="default",pod="keycloak-0"}': '0x10' }, at: '10m', alert: 'ThmnayahKeycloakDatabasePoolExhausted', fires: [] },
      // The last success stays at time 0 while the clock runs past 26 h (series at 1 h steps: 30x = 30 h).
      { name: 'no backup for 30 hours', series: { 'kube_cronjob_status_last_successful_time{namespace="thmnayah",cronjob="keycloak-backup"}': '0x1900' }, at: '30h', alert: 'ThmnayahKeycloakBackupLate', fires: [{ labels: { severity: 'ticket', namespace: 'thmnayah' } }] },
      { name: 'backed up daily', series: { 'kube_cronjob_status_last_successful_time{namespace="thmnayah",cronjob="keycloak-backup"}': `0x1439 ${DAY}x500` }, at: '30h', alert: 'ThmnayahKeycloakBackupLate', fires: [] },
    ],
  },
];

describe.each(COMPONENTS)('$file', ({ file, cases }) => {
  const { groups, alerts } = readRules(file);

  it('each alert has a runbook section in docs/operations.md, linked from its annotation', () => {
    expect(missingRunbooks(groups)).toEqual([]);
  });

  it.runIf(promtoolAvailable)('passes promtool check rules, and each alert fires when it should and only then', () => {
    const checked = checkRules(groups);
    expect(checked.status, checked.output).toBe(0);
    const tested = testRules(groups, cases);
    expect(tested.status, tested.output).toBe(0);
    for (const alert of alerts) expect(cases.some((c) => c.alert === alert && c.fires.length > 0), alert).toBe(true);
  });
});
