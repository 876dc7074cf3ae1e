// Status and progress of assets as a stream of events, for the CMS's server-sent events route.
//
// One mechanism everywhere: the database. The worker that runs a job may be another process (another
// pod) than the one holding an editor's event stream, and it writes the job's status and progress to
// the database anyway (heartbeat, every 250 ms while the percentage moves), so each server polls the
// rows of the assets someone is watching — one query for all of them, every 250 ms, only while someone
// watches. Polling can miss a short-lived state between two reads, so events are derived from the job
// rows, which keep their history: a job has always been queued before it ran, and a job seen running
// or finished for the first time is reported as queued, then processing. The sequence a client sees
// is therefore complete and in order (queued → processing … → ready), whatever the timing.
import type { Queryable } from '../../platform/db/db.js';
import { SETTLED, type AssetStatus, type JobStatus } from './assets.js';

export interface AssetState {
  status: AssetStatus;
  error: { code: string; message: string } | null;
  job: { id: string; attempt: number; status: JobStatus; started: boolean; percent: number; phase: string } | null;
}

export interface AssetEvent {
  assetId: string;
  status: AssetStatus;
  percent: number;
  phase: string;
  jobId: string | null;
  attempt: number | null;
  error: { code: string; message: string } | null;
}

/** Turns successive snapshots of one asset into the events a client should see. */
export class AssetEventSequence {
  done = false;
  private first = true;
  private tracked: string | undefined;
  private stage: 'queued' | 'processing' | undefined;
  private lastPercent = -1;
  private lastStatus: AssetStatus | undefined;

  constructor(private readonly assetId: string) {}

  next(state: AssetState): AssetEvent[] {
    if (this.done) return [];
    const events: AssetEvent[] = [];
    const job = state.job;
    const event = (status: AssetStatus, extra: Partial<AssetEvent> = {}): AssetEvent => ({
      assetId: this.assetId, status, percent: 0, phase: '', jobId: job?.id ?? null, attempt: job?.attempt ?? null, error: null, ...extra,
    });
    const settled = SETTLED.includes(state.status);
    const jobActive = job !== null && (job.status === 'queued' || job.status === 'running');
    if (this.first) {
      this.first = false;
      // Connected to a settled asset: say how it ended, and stop. Otherwise a finished job is an earlier
      // request's (the asset waits for a new one): not part of this stream.
      if (!settled && job && !jobActive) this.tracked = job.id;
    }
    if (job && job.id !== this.tracked && (jobActive || (settled && this.lastStatus !== undefined))) {
      this.tracked = job.id;
      this.stage = 'queued';
      this.lastPercent = -1;
      events.push(event('queued'));
    }
    if (job && job.id === this.tracked && this.stage && job.started) {
      const percent = Math.min(100, job.percent);
      if (this.stage === 'queued' || percent > this.lastPercent) {
        this.stage = 'processing';
        this.lastPercent = percent;
        events.push(event('processing', { percent, phase: job.phase }));
      }
    }
    if (settled) {
      events.push(event(state.status, { percent: state.status === 'ready' ? 100 : this.lastPercent < 0 ? 0 : this.lastPercent, error: state.error }));
      this.done = true;
    } else if ((state.status === 'pending-upload' || state.status === 'uploaded') && this.lastStatus !== state.status) {
      events.push(event(state.status, { jobId: null, attempt: null }));
    }
    this.lastStatus = state.status;
    return events;
  }
}

type Listener = (state: AssetState | undefined) => void;

/** Polls the watched assets (one query for all) while anyone watches. */
export class AssetWatcher {
  private readonly listeners = new Map<string, Set<Listener>>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private closed = false;

  constructor(private readonly db: Queryable, private readonly intervalMs = 250, private readonly onError: (error: unknown) => void = () => {}) {}

  watch(assetId: string, listener: Listener): () => void {
    let set = this.listeners.get(assetId);
    if (!set) this.listeners.set(assetId, (set = new Set()));
    set.add(listener);
    this.schedule(0);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(assetId);
    };
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private schedule(ms: number) {
    if (this.closed || this.polling || (this.timer && ms > 0)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), ms);
  }

  private async poll() {
    this.timer = undefined;
    if (this.listeners.size === 0) return;
    this.polling = true;
    try {
      const ids = [...this.listeners.keys()];
      const rows = await this.db.query<{
        id: string; status: AssetStatus; error_code: string | null; error_message: string | null;
        job_id: string | null; attempt: number | null; job_status: JobStatus | null; started: boolean | null; progress: number | null; phase: string | null;
      }>(
        `select a.id, a.status, a.error_code, a.error_message,
                j.id as job_id, j.attempt, j.status as job_status, j.started_at is not null as started, j.progress, j.phase
           from media_assets a
           left join lateral (select * from media_jobs where asset_id = a.id order by queued_at desc, attempt desc limit 1) j on true
          where a.id = any($1::uuid[]) and a.deleted_at is null`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of ids) {
        const row = byId.get(id);
        const state: AssetState | undefined = row && {
          status: row.status,
          error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
          job: row.job_id
            ? { id: row.job_id, attempt: row.attempt!, status: row.job_status!, started: row.started!, percent: Math.round(Number(row.progress) * 100) / 100, phase: row.phase ?? '' }
            : null,
        };
        for (const listener of [...(this.listeners.get(id) ?? [])]) listener(state);
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.polling = false;
    }
    if (this.listeners.size > 0) this.schedule(this.intervalMs);
  }
}
