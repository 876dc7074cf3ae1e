// Administrative tasks of trending and recommendations (platform/tasks.ts): `thmnayah task trending.refresh`,
// `thmnayah task recs.rebuild`, `recs.versions`, `recs.activate`, `recs.rollback`; the same through
// POST /api/cms/admin/tasks/:name. The cron role runs the first two on intervals (cron.ts).
import { Type } from 'typebox';
import { defineTask } from '../platform/tasks.js';
import type { Config } from '../config.js';
import { refreshTrending } from './trending.js';
import { DEFAULT_BUILD, rebuild, type BuildParams } from './build.js';
import { activate, listVersions, rollback } from './models.js';

const At = Type.Optional(Type.String({ format: 'date-time', description: 'Compute as of this time instead of now (replays, tests)' }));

export const trendingRefreshTask = defineTask({
  name: 'trending.refresh',
  description: 'Recompute the time-decayed trending scores (popularity) from hourly listening',
  args: Type.Object({ at: At, halfLifeHours: Type.Optional(Type.Number({ minimum: 0.1, maximum: 24 * 365 })) }, { additionalProperties: false }),
  run: ({ platform }, args) => refreshTrending(platform.db, {
    halfLifeHours: args.halfLifeHours ?? platform.config.trendingHalfLifeHours,
    ...(args.at ? { now: new Date(args.at) } : {}),
  }),
});

export function buildParams(config: Config, args: Partial<Omit<BuildParams, 'now'>> & { at?: string | undefined } = {}): BuildParams {
  return {
    k: args.k ?? config.recsNeighbours,
    minCommon: args.minCommon ?? DEFAULT_BUILD.minCommon,
    shrink: args.shrink ?? DEFAULT_BUILD.shrink,
    trainingDays: args.trainingDays ?? config.recsTrainingDays,
    holdout: args.holdout ?? DEFAULT_BUILD.holdout,
    evalListeners: args.evalListeners ?? DEFAULT_BUILD.evalListeners,
    keepVersions: args.keepVersions ?? config.recsKeepVersions,
    activate: args.activate ?? DEFAULT_BUILD.activate,
    now: args.at ? new Date(args.at) : undefined,
  };
}

export const recsRebuildTask = defineTask({
  name: 'recs.rebuild',
  description: 'Build the co-listening neighbours from the training window, record the model version with offline metrics, and activate it',
  args: Type.Object({
    at: At,
    k: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'Neighbours per episode (default RECS_NEIGHBOURS)' })),
    minCommon: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Listeners a pair needs in common' })),
    shrink: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, description: 'Damping of rare pairs: c / (c + shrink)' })),
    trainingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    holdout: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'Last listens held out per evaluated listener' })),
    evalListeners: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    activate: Type.Optional(Type.Boolean({ description: 'Serve the new version at once (default true)' })),
  }, { additionalProperties: false }),
  run: ({ platform, progress }, args) => rebuild(platform.db, buildParams(platform.config, args), progress),
});

export const recsVersionsTask = defineTask({
  name: 'recs.versions',
  description: 'List recommendation model versions with their parameters, window, counts and metrics',
  args: Type.Object({}, { additionalProperties: false }),
  run: async ({ platform }) => ({ versions: await listVersions(platform.db) }),
});

export const recsActivateTask = defineTask({
  name: 'recs.activate',
  description: 'Serve one recorded recommendation model version',
  args: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  run: ({ platform }, args) => activate(platform.db, args.version),
});

export const recsRollbackTask = defineTask({
  name: 'recs.rollback',
  description: 'Serve the recommendation model version before the active one',
  args: Type.Object({}, { additionalProperties: false }),
  run: ({ platform }) => rollback(platform.db),
});

export const RECS_TASKS = [trendingRefreshTask, recsRebuildTask, recsVersionsTask, recsActivateTask, recsRollbackTask];
