// The PrometheusRule of components/monitoring (issue 13), tested with `promtool test rules` (Debian
// package `prometheus`) against recorded series: each alert fires on the series that should page and
// stays quiet on healthy ones. Also: each alert has its runbook section in docs/operations.md, and every
// server metric a rule reads is one the server exports.
import { describe, expect, it } from 'vitest';
import { createMetrics, registerFeedSyncMetrics, registerPoolMetrics, registerResponseCacheMetrics } from '../../src/platform/telemetry/metrics.js';
import { eventMetrics } from '../../src/events/metrics.js';
import { requireServices } from '../support/services.js';
import { metricNamesIn } from '../support/promql.js';
import { checkRules, missingRunbooks, promtoolAvailable as promtool, readRules, testRules, type AlertCase } from './promtool.js';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

if (!promtool && requireServices) throw new Error('promtool is required (apt-get install prometheus)');

const { groups, alerts } = readRules('deploy/k8s/components/monitoring/alerts.yaml');

const routeLabels = (route: string, status: string) => `{method="GET",route="${route}",status="${status}"}`;
const CASES: AlertCase[] = [
  {
    name: '5 % of requests fail for 10 minutes',
    series: { [`http_requests_total${routeLabels('/api/discovery/programs', '200')}`]: '0+570x20', [`http_requests_total${routeLabels('/api/discovery/programs', '500')}`]: '0+30x20' },
    at: '15m', alert: 'ThmnayahHighErrorRatio', fires: [{ labels: { severity: 'page' } }],
  },
  {
    name: 'errors only on probes do not page',
    series: { [`http_requests_total${routeLabels('/api/discovery/programs', '200')}`]: '0+600x20', [`http_requests_total${routeLabels('/readyz', '503')}`]: '0+60x20' },
    at: '15m', alert: 'ThmnayahHighErrorRatio', fires: [],
  },
  {
    name: 'a third of requests over 500 ms for 1 h burns the budget fast',
    series: {
      'http_request_duration_seconds_bucket{route="/api/discovery/search",le="0.5"}': '0+400x80',
      'http_request_duration_seconds_count{route="/api/discovery/search"}': '0+600x80',
    },
    at: '70m', alert: 'ThmnayahLatencyBudgetBurn', fires: [{ labels: { severity: 'page', window: 'fast' } }, { labels: { severity: 'ticket', window: 'slow' } }],
  },
  {
    name: 'half a percent over 500 ms is within the SLO',
    series: {
      'http_request_duration_seconds_bucket{route="/api/discovery/search",le="0.5"}': '0+597x80',
      'http_request_duration_seconds_count{route="/api/discovery/search"}': '0+600x80',
    },
    at: '70m', alert: 'ThmnayahLatencyBudgetBurn', fires: [],
  },
  { name: 'a consumer 5000 events behind', series: { 'thmnayah_events_consumer_lag{consumer="discovery-indexer",pod="w1"}': '5000x20' }, at: '15m', alert: 'ThmnayahConsumerLagging', fires: [{ labels: { consumer: 'discovery-indexer', severity: 'ticket' } }] },
  { name: 'an event unprocessed for 10 minutes', series: { 'thmnayah_events_consumer_oldest_unprocessed_seconds{consumer="media",pod="w1"}': '0+60x20' }, at: '15m', alert: 'ThmnayahEventWaitingTooLong', fires: [{ labels: { consumer: 'media', severity: 'page' } }] },
  { name: 'one dead letter', series: { 'thmnayah_events_dead_letters{consumer="media",pod="w1"}': '0 0 1 1', 'thmnayah_events_dead_letters{consumer="media",pod="w2"}': '0 0 1 1' }, at: '3m', alert: 'ThmnayahDeadLetters', fires: [{ labels: { consumer: 'media', severity: 'ticket' } }] },
  { name: 'no dead letter', series: { 'thmnayah_events_dead_letters{consumer="media",pod="w1"}': '0x10' }, at: '5m', alert: 'ThmnayahDeadLetters', fires: [] },
  {
    name: 'the relay stops publishing',
    series: { 'thmnayah_outbox_oldest_unpublished_seconds{pod="r1"}': '0x5 60+60x10', 'thmnayah_relay_leader{pod="r1"}': '1x15' },
    at: '12m', alert: 'ThmnayahRelayStalled', fires: [{ labels: { severity: 'page' } }],
  },
  { name: 'a busy relay keeps up', series: { 'thmnayah_outbox_oldest_unpublished_seconds{pod="r1"}': '0 1 0 2 0 1 0 0 1 0 0 0 1 0 0', 'thmnayah_relay_leader{pod="r1"}': '1x15' }, at: '12m', alert: 'ThmnayahRelayStalled', fires: [] },
  { name: 'media jobs fail', series: { 'thmnayah_media_jobs_total{kind="video",outcome="failed",pod="w1"}': '0+1x30' }, at: '25m', alert: 'ThmnayahMediaJobsFailing', fires: [{ labels: { severity: 'ticket' } }] },
  { name: 'a media job waits 20 minutes', series: { 'thmnayah_media_jobs_oldest_queued_seconds{pod="w1"}': '0+60x25' }, at: '24m', alert: 'ThmnayahMediaQueuedTooLong', fires: [{ labels: { severity: 'ticket' } }] },
  { name: 'a feed fails to sync all afternoon', series: { 'thmnayah_feed_subscriptions_failing{pod="c1"}': '2x300' }, at: '4h', alert: 'ThmnayahFeedSyncFailing', fires: [{ labels: { severity: 'ticket' } }] },
  {
    name: 'a certificate 10 days from expiry',
    series: { 'certmanager_certificate_expiration_timestamp_seconds{namespace="thmnayah",name="thmnayah-tls"}': `${10 * 24 * 3600}x120` },
    at: '90m', alert: 'ThmnayahCertificateExpiring', fires: [{ labels: { severity: 'ticket', name: 'thmnayah-tls', namespace: 'thmnayah' } }],
  },
];

describe.runIf(promtool)('alert rules (promtool test rules)', () => {
  it('the rule file passes promtool check rules', () => {
    const out = checkRules(groups);
    expect(out.status, out.output).toBe(0);
  });

  it('each alert fires on the series that should page, and stays quiet on healthy ones', () => {
    const out = testRules(groups, CASES);
    expect(out.status, out.output).toBe(0);
    // Every alert is exercised firing at least once.
    for (const alert of alerts) expect(CASES.some((c) => c.alert === alert && c.fires.length > 0), alert).toBe(true);
  });
});

describe('alert rules and their runbooks', () => {
  it('each alert has a runbook section in docs/operations.md, linked from its annotation', () => {
    expect(missingRunbooks(groups)).toEqual([]);
  });

  it('reads only metrics the server exports (and cert-manager\'s)', async () => {
    const metrics = createMetrics({ defaultMetrics: true });
    eventMetrics(metrics.registry);
    registerFeedSyncMetrics(metrics.registry, { query: async () => [] } as Any);
    registerPoolMetrics(metrics.registry, { poolStats: () => ({ total: 0, idle: 0, waiting: 0, max: 0 }) } as Any);
    registerResponseCacheMetrics(metrics.registry, { hits: 0, misses: 0 });
    const { mediaMetricNames } = await import('../../src/media/jobs/job-worker.js');
    const exported = new Set([...(await metrics.registry.getMetricsAsJSON()).map((m) => m.name), ...mediaMetricNames(), 'certmanager_certificate_expiration_timestamp_seconds']);
    const recorded = new Set(groups.flatMap((g) => g.rules.map((r) => r.record).filter(Boolean)));
    for (const group of groups) {
      for (const r of group.rules) {
        for (const name of metricNamesIn(r.expr)) {
          if (recorded.has(name)) continue;
          expect(exported, `${r.alert ?? r.record} reads ${name}`).toContain(name.replace(/_(bucket|sum|count)$/, ''));
        }
      }
    }
  });
});
