// Alert rules under test: read a PrometheusRule file, check it with `promtool check rules`, run recorded
// series through `promtool test rules`, and check that each alert links its runbook section in
// docs/operations.md. Shared by the server's rules (alerts.test.ts) and the components' (component-alerts.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { REPO_ROOT } from './manifests.js';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RuleGroup { name: string; rules: { alert?: string; record?: string; expr: string; annotations?: Record<string, string> }[] }

export const promtoolAvailable = spawnSync('promtool', ['--version']).status === 0;

/** The groups of the PrometheusRule in a repository file, and the names of its alerts. */
export function readRules(file: string): { groups: RuleGroup[]; alerts: string[] } {
  const rule = parseAllDocuments(readFileSync(join(REPO_ROOT, file), 'utf8')).map((d) => d.toJS() as Any)[0];
  const groups = rule.spec.groups as RuleGroup[];
  return { groups, alerts: [...new Set(groups.flatMap((g) => g.rules.map((r) => r.alert).filter((a): a is string => a !== undefined)))] };
}

/** A promtool unit test: input series (promtool's expanding notation), and the alerts expected at a time. */
export interface AlertCase {
  name: string;
  series: Record<string, string>;
  at: string;
  alert: string;
  fires: { labels?: Record<string, string> }[];
}

/** `promtool check rules`; returns its exit status and output. */
export function checkRules(groups: RuleGroup[]): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'thmnayah-rules-'));
  try {
    writeFileSync(join(dir, 'rules.yaml'), stringify({ groups }));
    const out = spawnSync('promtool', ['check', 'rules', join(dir, 'rules.yaml')], { encoding: 'utf8' });
    return { status: out.status, output: out.stdout + out.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `promtool test rules` over the cases; returns its exit status and output. */
export function testRules(groups: RuleGroup[], cases: AlertCase[]): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'thmnayah-rules-'));
  try {
    // promtool compares annotations exactly: the unit tests leave them out (check rules parses their templates).
    const bare = groups.map((g) => ({ ...g, rules: g.rules.map(({ annotations: _, ...r }) => r) }));
    writeFileSync(join(dir, 'rules.yaml'), stringify({ groups: bare }));
    const tests = cases.map((c) => ({
      name: c.name,
      interval: '1m',
      input_series: Object.entries(c.series).map(([series, values]) => ({ series, values })),
      alert_rule_test: [{
        eval_time: c.at,
        alertname: c.alert,
        // promtool compares labels exactly: the alert's own labels plus the series' that survive the expression.
        exp_alerts: c.fires.map((f) => ({ exp_labels: f.labels ?? {} })),
      }],
    }));
    writeFileSync(join(dir, 'tests.yaml'), stringify({ rule_files: ['rules.yaml'], evaluation_interval: '1m', tests }));
    const out = spawnSync('promtool', ['test', 'rules', join(dir, 'tests.yaml')], { encoding: 'utf8', cwd: dir });
    return { status: out.status, output: out.stdout + out.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Alerts whose `runbook` annotation is not docs/operations.md#<alert, lower case> with such a section. */
export function missingRunbooks(groups: RuleGroup[]): string[] {
  const doc = readFileSync(join(REPO_ROOT, 'docs/operations.md'), 'utf8');
  const headings = new Set([...doc.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1]!.trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
  const missing: string[] = [];
  for (const r of groups.flatMap((g) => g.rules).filter((x) => x.alert)) {
    const anchor = r.annotations?.runbook?.split('#')[1];
    if (anchor !== r.alert!.toLowerCase() || !headings.has(anchor)) missing.push(r.alert!);
  }
  return missing;
}
