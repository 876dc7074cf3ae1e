// Every administrative task the CLI and the admin API know.
import type { Task } from '../platform/tasks.js';
import { migrateTask, usersAddTask, usersDisableTask, usersEnableTask, usersListTask } from './core.tasks.js';
import { seedTask } from '../seed/seed.task.js';
import { deadLettersTask, replayTask, trimTask } from '../events/events.tasks.js';
import { importTask, syncFeedsTask } from '../ingest/import.task.js';
import { reindexTask } from '../discovery/search-index/reindex.task.js';
import { aggregateListeningTask, forgetListenerTask, trimListeningTask } from '../listening/listening.tasks.js';
import { RECS_TASKS } from '../recommendations/recs.tasks.js';

export const TASKS: Task[] = [
  migrateTask, seedTask, reindexTask, usersListTask, usersAddTask, usersDisableTask, usersEnableTask,
  deadLettersTask, replayTask, trimTask, importTask, syncFeedsTask, forgetListenerTask, trimListeningTask, aggregateListeningTask, ...RECS_TASKS,
];
