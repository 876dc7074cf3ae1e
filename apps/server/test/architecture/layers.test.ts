// The server's layer rules (.dependency-cruiser.cjs, docs/architecture.md "Layers") hold for the real
// source tree, and each rule really fires: a small tree in a temp dir breaks every rule once.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const CLI = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

interface Violation { rule: { name: string }; from: string; to: string }

async function cruise(cwd: string): Promise<{ violations: Violation[]; modules: number }> {
  // Exit code 1 means "violations found": the JSON report is on stdout either way.
  const result = await run(process.execPath, [CLI, 'apps/server/src/**/*.ts', '--config', CONFIG, '--output-type', 'json'], { cwd, maxBuffer: 64 * 1024 * 1024 })
    .catch((error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`dependency-cruiser failed: ${error.stderr ?? String(error)}`);
      return { stdout: error.stdout };
    });
  const report = JSON.parse(result.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: report.summary.violations, modules: report.summary.totalCruised };
}

describe('layers', () => {
  it('the source tree breaks no layer rule', async () => {
    const { violations, modules } = await cruise(ROOT);
    expect(modules).toBeGreaterThan(200); // really cruised the tree, not an empty glob
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 120_000);

  it('each rule fires on an import that breaks it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'thmnayah-layers-'));
    try {
      await copyFile(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
      const files: Record<string, string> = {
        'search/analysis/a.ts': "import { b } from '../../discovery/b.js';\nimport { p } from '../../platform/http/problem.js';\nexport const a = b + p;\n",
        'discovery/b.ts': "import { t } from '../admin/tasks.js';\nexport const b = t;\n",
        'admin/tasks.ts': 'export const t = 1;\n',
        'platform/http/problem.ts': "import { c } from '../../content/c.js';\nexport const p = c;\n",
        'content/c.ts': "import { d } from '../feeds/d.js';\nexport const c = 1;\nexport const e = d;\n",
        'feeds/d.ts': "import { e } from '../content/c.js';\nexport const d = 2;\nexport const f = e;\n",
      };
      for (const [file, text] of Object.entries(files)) {
        const full = path.join(dir, 'apps/server/src', file);
        await mkdir(path.dirname(full), { recursive: true });
        await writeFile(full, text);
      }
      const { violations } = await cruise(dir);
      const seen = violations.map((v) => `${v.rule.name}: ${v.from.replace('apps/server/src/', '')} → ${v.to.replace('apps/server/src/', '')}`);
      expect(seen).toEqual(expect.arrayContaining([
        'search-is-a-library: search/analysis/a.ts → discovery/b.ts',
        'search-is-a-library: search/analysis/a.ts → platform/http/problem.ts',
        'no-domain-imports-admin: discovery/b.ts → admin/tasks.ts',
        'platform-imports-no-domain: platform/http/problem.ts → content/c.ts',
      ]));
      // A cycle is reported once, at whichever of its edges the cruiser meets first.
      expect(seen.filter((v) => v.startsWith('no-cycle-across-folders: ')).length).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
