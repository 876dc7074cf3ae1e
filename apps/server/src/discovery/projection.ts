// Keeps the Discovery read model in step with content: given an event's entity, rewrite the public
// documents it affects (or remove them when they stop being public). Idempotent — projecting the same
// entity twice changes nothing the second time — so redelivered events are harmless.
import type { Queryable } from '../platform/db/db.js';
import { dependents } from '../content/publication.js';
import {
  loadPublicCategory, loadPublicEpisode, loadPublicPerson, loadPublicProgram, type PublicEpisode, type PublicProgram,
} from './documents.js';

import { GENERATION_NOTIFY_SQL, generationBumped } from '../events/wakeups.js';

export type EntityRef = { type: 'program' | 'episode' | 'category' | 'person'; id: string };

/** Told about every document that appears, changes or disappears (the search index listens). */
export interface DocumentListener {
  program(tx: Queryable, id: string, doc: PublicProgram | null): Promise<void>;
  episode(tx: Queryable, id: string, doc: PublicEpisode | null): Promise<void>;
}

export class Projector {
  constructor(private readonly listener?: DocumentListener) {}

  /** Applies the change of one entity; returns whether the read model changed. */
  async project(tx: Queryable, entity: EntityRef): Promise<boolean> {
    const deps = await dependents(tx, entity);
    let changed = false;
    // Dependent documents embed this entity (a program's title in its episodes, a person's name in
    // programs), so they are rewritten only when this entity's own document changed.
    switch (entity.type) {
      case 'program':
        changed = await this.writeProgram(tx, entity.id);
        if (changed) for (const id of deps.episodes) await this.writeEpisode(tx, id);
        changed = (await refreshProgramStats(tx, entity.id)) || changed;
        for (const id of deps.people) changed = (await writePerson(tx, id)) || changed;
        break;
      case 'episode':
        changed = await this.writeEpisode(tx, entity.id);
        for (const id of deps.programs) changed = (await refreshProgramStats(tx, id)) || changed;
        for (const id of deps.people) changed = (await writePerson(tx, id)) || changed;
        break;
      case 'category':
        changed = await writeCategory(tx, entity.id);
        if (changed) for (const id of deps.programs) await this.writeProgram(tx, id);
        break;
      case 'person':
        changed = await writePerson(tx, entity.id);
        if (changed) {
          for (const id of deps.programs) await this.writeProgram(tx, id);
          for (const id of deps.episodes) await this.writeEpisode(tx, id);
        }
        break;
    }
    if (changed) await bumpGeneration(tx);
    return changed;
  }

  async writeProgram(tx: Queryable, id: string): Promise<boolean> {
    const doc = await loadPublicProgram(tx, id);
    let changed: boolean;
    if (!doc) {
      changed = await deleteRow(tx, 'discovery_programs', id);
    } else {
      changed = await upsertRow(tx, 'discovery_programs', {
        id, slug: doc.slug, kind: doc.kind, language: doc.language, category_id: doc.category?.id ?? null, title: doc.title,
        published_at: doc.publishedAt, document: doc,
      });
      if (changed) await replaceCredits(tx, { programId: id, episodeId: null }, doc.people);
    }
    if (changed) await this.listener?.program(tx, id, doc);
    return changed;
  }

  refreshStats(tx: Queryable, programId: string): Promise<boolean> {
    return refreshProgramStats(tx, programId);
  }

  async writeEpisode(tx: Queryable, id: string): Promise<boolean> {
    const doc = await loadPublicEpisode(tx, id);
    let changed: boolean;
    if (!doc) {
      changed = await deleteRow(tx, 'discovery_episodes', id);
    } else {
      // Its program is public (or the episode would not be); project it first if this event came first.
      const programRow = await tx.query('select 1 from discovery_programs where id = $1', [doc.program.id]);
      if (programRow.length === 0) await this.writeProgram(tx, doc.program.id);
      changed = await upsertRow(tx, 'discovery_episodes', {
        id, program_id: doc.program.id, kind: doc.program.kind, language: doc.language, category_id: doc.program.categoryId,
        duration_seconds: doc.durationSeconds, publish_at: doc.publishAt, document: doc,
      });
      if (changed) await replaceCredits(tx, { programId: doc.program.id, episodeId: id }, doc.people);
    }
    if (changed) await this.listener?.episode(tx, id, doc);
    return changed;
  }
}

async function replaceCredits(tx: Queryable, owner: { programId: string; episodeId: string | null }, people: { id: string; role: string }[]) {
  if (owner.episodeId) await tx.query('delete from discovery_credits where episode_id = $1', [owner.episodeId]);
  else await tx.query('delete from discovery_credits where program_id = $1 and episode_id is null', [owner.programId]);
  if (people.length === 0) return;
  await tx.query(
    `insert into discovery_credits (person_id, program_id, episode_id, role)
     select (c->>'id')::uuid, $1, $2, c->>'role' from jsonb_array_elements($3::jsonb) as x(c)`,
    [owner.programId, owner.episodeId, JSON.stringify(people)],
  );
}

async function refreshProgramStats(tx: Queryable, programId: string): Promise<boolean> {
  const rows = await tx.query(
    `update discovery_programs p set episode_count = s.count, latest_episode_at = s.latest
       from (select count(*)::int as count, max(publish_at) as latest from discovery_episodes where program_id = $1) s
      where p.id = $1 and (p.episode_count, p.latest_episode_at) is distinct from (s.count, s.latest)
      returning p.id`,
    [programId],
  );
  return rows.length > 0;
}

async function writePerson(tx: Queryable, id: string): Promise<boolean> {
  const doc = await loadPublicPerson(tx, id);
  if (!doc) return deleteRow(tx, 'discovery_people', id);
  return upsertRow(tx, 'discovery_people', { id, slug: doc.slug, name: doc.name, document: doc });
}

async function writeCategory(tx: Queryable, id: string): Promise<boolean> {
  const doc = await loadPublicCategory(tx, id);
  if (!doc) return deleteRow(tx, 'discovery_categories', id);
  return upsertRow(tx, 'discovery_categories', { id, slug: doc.slug, parent_id: doc.parentId, position: doc.position, document: doc });
}

type ReadModelTable = 'discovery_programs' | 'discovery_episodes' | 'discovery_people' | 'discovery_categories';

/** Inserts or updates a read-model row; returns false when the stored document was already this one. */
async function upsertRow(tx: Queryable, table: ReadModelTable, row: Record<string, unknown> & { id: string; document: unknown }): Promise<boolean> {
  const columns = Object.keys(row);
  const values = columns.map((c) => (c === 'document' ? JSON.stringify(row.document) : row[c]));
  const rows = await tx.query(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     on conflict (id) do update set ${columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}
     where ${table}.document is distinct from excluded.document
     returning id`,
    values,
  );
  return rows.length > 0;
}

async function deleteRow(tx: Queryable, table: ReadModelTable, id: string): Promise<boolean> {
  return (await tx.query(`delete from ${table} where id = $1 returning id`, [id])).length > 0;
}

/**
 * Moves the read model's generation, and tells Discovery servers so their response caches turn over at
 * once rather than at their next poll: NOTIFY (delivered on commit) reaches other processes on
 * PostgreSQL; this process hears it directly (on PGlite its re-read waits for this transaction to end).
 */
export async function bumpGeneration(tx: Queryable) {
  await tx.query(`update discovery_state set value = value + 1 where key = 'generation'`);
  await tx.query(GENERATION_NOTIFY_SQL);
  generationBumped.emit('bumped');
}

export async function currentGeneration(q: Queryable): Promise<number> {
  const [row] = await q.query<{ value: number }>(`select value from discovery_state where key = 'generation'`);
  return row?.value ?? 0;
}
