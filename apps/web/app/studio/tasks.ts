// Running an administrative task through POST /api/cms/admin/tasks/:name: the answer is NDJSON, progress
// lines then one `result` (or `error`) line, read as it streams so the screen shows progress live.
import { authorizedFetch, type Problem } from './cms';
import type { paths } from '../api/schema';

export type TaskInfo = paths['/api/cms/admin/tasks']['get']['responses'][200]['content']['application/json']['tasks'][number];

export type TaskLine =
  | { type: 'progress'; done: number; total: number; label?: string }
  | { type: 'result'; result: unknown }
  | { type: 'error'; problem: Problem };

/** Runs a task; `onLine` sees every line as it arrives. Resolves with the result, rejects with the problem. */
export async function runTask(name: string, args: Record<string, unknown>, onLine: (line: TaskLine) => void = () => {}): Promise<unknown> {
  const response = await authorizedFetch(`/api/cms/admin/tasks/${encodeURIComponent(name)}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args),
  });
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
    throw problem ?? { status: response.status };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let end: TaskLine | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as TaskLine;
      onLine(line);
      if (line.type !== 'progress') end = line;
    }
    if (done) break;
  }
  if (end?.type === 'result') return end.result;
  throw end?.type === 'error' ? end.problem : { status: 0, detail: 'the task ended without a result' };
}
