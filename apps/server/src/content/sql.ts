// Small SQL helpers the content repositories share.
import type { Queryable } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';

export interface AuditRow {
  version: number;
  created_at: Date;
  updated_at: Date;
  created_by: string;
  updated_by: string;
  deleted_at: Date | null;
}

/** The bookkeeping columns every content table has, in API shape. */
export function auditFields(r: AuditRow) {
  return {
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    deletedAt: r.deleted_at?.toISOString() ?? null,
  };
}

/** `update table set col = $n ...` for the fields present in a patch (undefined = not given). */
export async function updateColumns<P extends object>(
  tx: Queryable,
  table: string,
  id: string,
  patch: P,
  columns: { [K in keyof P]?: string },
): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, column] of Object.entries(columns) as [keyof P, string][]) {
    const value = patch[key];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  if (sets.length > 0) await tx.query(`update ${table} set ${sets.join(', ')} where id = $1`, params);
}

export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, '\\$&');
}

export interface PersonLink {
  personId: string;
  role: 'host' | 'co-host' | 'guest' | 'producer' | 'narrator' | 'editor';
}

/** Replaces the people linked to a program or an episode, keeping the given order. */
export async function replacePeople(tx: Queryable, table: 'program_people' | 'episode_people', ownerColumn: 'program_id' | 'episode_id', ownerId: string, people: PersonLink[]) {
  await tx.query(`delete from ${table} where ${ownerColumn} = $1`, [ownerId]);
  if (people.length === 0) return;
  const known = await tx.query<{ id: string }>('select id from people where id = any($1::uuid[]) and deleted_at is null', [people.map((p) => p.personId)]);
  const knownIds = new Set(known.map((r) => r.id));
  const missing = people.filter((p) => !knownIds.has(p.personId)).map((p) => p.personId);
  if (missing.length > 0) {
    throw new HttpProblem('validation-failed', `people: unknown person id(s) ${[...new Set(missing)].join(', ')}`, {
      errors: [{ in: 'body', pointer: '/people', message: 'unknown person id' }],
    });
  }
  await tx.query(
    `insert into ${table} (${ownerColumn}, person_id, role, position)
     select $1, (p->>'personId')::uuid, p->>'role', ordinality - 1
       from jsonb_array_elements($2::jsonb) with ordinality as x(p, ordinality)
     on conflict do nothing`,
    [ownerId, JSON.stringify(people)],
  );
}

/** SQL for a json array of {personId, role} of an owner row, for select lists. */
export function peopleJson(table: 'program_people' | 'episode_people', ownerColumn: string, ownerRef: string) {
  return `coalesce((select json_agg(json_build_object('personId', x.person_id, 'role', x.role) order by x.position)
                      from ${table} x where x.${ownerColumn} = ${ownerRef}), '[]'::json)`;
}
