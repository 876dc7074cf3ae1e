// Which episodes may be counted, and their program: a cheap cached lookup in the Discovery read model
// (rows exist only for public content; the publish time is checked too, as every Discovery query does).
// Ingest asks this for every beacon, so answers are kept per process: public episodes for a minute,
// unknown ones briefly (an episode published a moment ago starts counting within seconds).
import { LRUCache } from 'lru-cache';
import type { Queryable } from '../platform/db/db.js';

export interface PublicEpisode {
  programId: string;
  durationSeconds: number | null;
}

const PUBLIC_TTL_MS = 60_000;
const UNKNOWN_TTL_MS = 5_000;

export class PublicEpisodes {
  private readonly answers = new LRUCache<string, { episode: PublicEpisode | null }>({ max: 100_000 });
  private readonly pending = new Map<string, Promise<PublicEpisode | null>>();

  constructor(private readonly db: Queryable) {}

  /** The episodes among `ids` that are public now (one query for all the ones not cached). */
  async lookup(ids: Iterable<string>): Promise<Map<string, PublicEpisode>> {
    const found = new Map<string, PublicEpisode>();
    const missing: string[] = [];
    const waiting: Promise<void>[] = [];
    for (const id of new Set(ids)) {
      const cached = this.answers.get(id);
      if (cached) {
        if (cached.episode) found.set(id, cached.episode);
        continue;
      }
      const running = this.pending.get(id);
      if (running) waiting.push(running.then((episode) => void (episode && found.set(id, episode))));
      else missing.push(id);
    }
    if (missing.length > 0) {
      const loading = this.load(missing);
      for (const id of missing) {
        const one = loading.then((rows) => rows.get(id) ?? null);
        this.pending.set(id, one);
        waiting.push(one.then((episode) => {
          this.answers.set(id, { episode }, { ttl: episode ? PUBLIC_TTL_MS : UNKNOWN_TTL_MS });
          if (episode) found.set(id, episode);
        }).finally(() => this.pending.delete(id)));
      }
    }
    await Promise.all(waiting);
    return found;
  }

  private async load(ids: string[]): Promise<Map<string, PublicEpisode>> {
    const rows = await this.db.query<{ id: string; program_id: string; duration_seconds: number | null }>(
      `select id, program_id, duration_seconds from discovery_episodes where id = any($1::uuid[]) and publish_at <= now()`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { programId: r.program_id, durationSeconds: r.duration_seconds }]));
  }
}
