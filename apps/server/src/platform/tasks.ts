// Administrative tasks (migrate, seed, users ...): each is one function that runs the same way
// in-process (CLI on a free data directory, or on PostgreSQL) and inside a running server: when
// PGlite's data directory is held by a server, the CLI posts the task to /api/cms/admin/tasks/:name.
import type { Static, TSchema } from 'typebox';
import type { Config } from '../config.js';
import type { Platform } from '../platform.js';

export interface TaskContext {
  platform: Platform;
  /** Reports progress: done of total, with an optional label. */
  progress(done: number, total: number, label?: string): void;
  /** Subject recorded as the actor of changes the task makes. */
  actor: string;
}

export interface Task<S extends TSchema = TSchema> {
  name: string;
  description: string;
  args: S;
  /** Largest arguments body the admin API takes for this task (default BODY_LIMIT_BYTES): a feed document, say. */
  maxBodyBytes?(config: Config): number;
  run(context: TaskContext, args: Static<S>): Promise<unknown>;
}

export function defineTask<S extends TSchema>(task: Task<S>): Task {
  return task as unknown as Task;
}
