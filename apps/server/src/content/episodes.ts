// Episodes: the units listeners play. Status and publish time move only through the workflow
// (workflow.ts); editing fields never publishes anything by accident.
import { Type, type Static } from 'typebox';
import type { Queryable } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';
import { updateUndeletedEntityIn, type EntityKind } from './entity.js';
import type { ChangeContext } from '../platform/http/change-context.js';
import { fetchPage, parseSort, type SortField } from '../platform/db/pagination.js';
import { PeopleLinks } from './programs.js';
import { Audit, HttpUrl, Language, ListQueryBase, Nullable, NullableTimestamp, StringEnum, Tags, Timestamp, Uuid } from '../platform/http/schemas.js';
import { auditFields, escapeLike, peopleJson, replacePeople, updateColumns, type AuditRow, type PersonLink } from './sql.js';

const EpisodeStatus = StringEnum(['draft', 'scheduled', 'published', 'archived']);
const EpisodeType = StringEnum(['full', 'trailer', 'bonus']);
export const MediaKind = StringEnum(['audio', 'video', 'image', 'transcript', 'chapters']);

const MediaRefInput = Type.Object(
  {
    kind: MediaKind,
    url: HttpUrl,
    mimeType: Type.String({ pattern: '^[a-z]+/[a-zA-Z0-9.+_-]+$', maxLength: 100, examples: ['audio/mpeg'] }),
    byteSize: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  },
  { additionalProperties: false },
);
const MediaRef = Type.Object({
  id: Uuid,
  kind: MediaKind,
  url: Type.String(),
  mimeType: Type.String(),
  byteSize: Nullable(Type.Integer()),
});
export type MediaRefIn = Static<typeof MediaRefInput>;

export const EpisodeSchema = Type.Object(
  {
    id: Uuid,
    programId: Uuid,
    season: Nullable(Type.Integer()),
    number: Nullable(Type.Integer()),
    episodeType: EpisodeType,
    title: Type.String(),
    description: Type.String(),
    language: Language,
    durationSeconds: Nullable(Type.Integer()),
    explicit: Type.Boolean(),
    tags: Type.Array(Type.String()),
    people: PeopleLinks,
    media: Type.Array(MediaRef),
    status: EpisodeStatus,
    publishAt: NullableTimestamp,
    externalId: Nullable(Type.String()),
    ...Audit,
  },
  { description: 'Episode' },
);
export type Episode = Static<typeof EpisodeSchema>;

const editable = {
  season: Nullable(Type.Integer({ minimum: 1, maximum: 10000 })),
  number: Nullable(Type.Integer({ minimum: 0, maximum: 1000000 })),
  episodeType: EpisodeType,
  title: Type.String({ minLength: 1, maxLength: 300, examples: ['الحلقة الأولى: البدايات'] }),
  description: Type.String({ maxLength: 50000 }),
  language: Language,
  durationSeconds: Nullable(Type.Integer({ minimum: 0, maximum: 7 * 24 * 3600 })),
  explicit: Type.Boolean(),
  tags: Tags,
  people: PeopleLinks,
  media: Type.Array(MediaRefInput, { maxItems: 20 }),
};

export const EpisodeCreateSchema = Type.Object(
  {
    programId: Uuid,
    title: editable.title,
    language: Type.Optional(Language),
    season: Type.Optional(editable.season),
    number: Type.Optional(editable.number),
    episodeType: Type.Optional(editable.episodeType),
    description: Type.Optional(editable.description),
    durationSeconds: Type.Optional(editable.durationSeconds),
    explicit: Type.Optional(editable.explicit),
    tags: Type.Optional(editable.tags),
    people: Type.Optional(editable.people),
    media: Type.Optional(editable.media),
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: "The episode's id at the program's source (guid)" })),
  },
  {
    additionalProperties: false,
    examples: [{ programId: '0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61', title: 'الحلقة الأولى', season: 1, number: 1, durationSeconds: 1800 }],
  },
);
export type EpisodeCreate = Static<typeof EpisodeCreateSchema>;

export const EpisodePatchSchema = Type.Partial(Type.Object(editable), { additionalProperties: false, minProperties: 1, examples: [{ title: 'عنوان جديد' }] });
export type EpisodePatch = Static<typeof EpisodePatchSchema>;

export const EpisodeListQuerySchema = Type.Object(
  {
    ...ListQueryBase,
    programId: Type.Optional(Uuid),
    status: Type.Optional(EpisodeStatus),
    language: Type.Optional(Language),
    season: Type.Optional(Type.Integer({ minimum: 1 })),
    episodeType: Type.Optional(EpisodeType),
    tag: Type.Optional(Type.String({ maxLength: 60 })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Substring of the title' })),
    publishedFrom: Type.Optional(Timestamp),
    publishedTo: Type.Optional(Timestamp),
    sort: Type.Optional(Type.String({ description: 'updatedAt, createdAt, publishAt, title, number; prefix - for descending', default: '-updatedAt' })),
  },
  { additionalProperties: false },
);
export type EpisodeListQuery = Static<typeof EpisodeListQuerySchema>;

interface EpisodeRow extends AuditRow, Record<string, unknown> {
  id: string; program_id: string; season: number | null; number: number | null; episode_type: Episode['episodeType'];
  title: string; description: string; language: Episode['language']; duration_seconds: number | null; explicit: boolean;
  tags: string[]; people: PersonLink[]; media: Episode['media']; status: Episode['status']; publish_at: Date | null; external_id: string | null;
}

const SELECT = `e.*, ${peopleJson('episode_people', 'episode_id', 'e.id')} as people,
  coalesce((select json_agg(json_build_object('id', m.id, 'kind', m.kind, 'url', m.url, 'mimeType', m.mime_type, 'byteSize', m.byte_size) order by m.position)
              from episode_media m where m.episode_id = e.id), '[]'::json) as media`;

function toEpisode(r: EpisodeRow): Episode {
  return {
    id: r.id, programId: r.program_id, season: r.season, number: r.number, episodeType: r.episode_type, title: r.title,
    description: r.description, language: r.language, durationSeconds: r.duration_seconds, explicit: r.explicit, tags: r.tags,
    people: r.people, media: r.media, status: r.status, publishAt: r.publish_at?.toISOString() ?? null, externalId: r.external_id,
    ...auditFields(r),
  };
}

async function replaceMedia(tx: Queryable, episodeId: string, media: MediaRefIn[]) {
  await tx.query('delete from episode_media where episode_id = $1', [episodeId]);
  if (media.length === 0) return;
  await tx.query(
    `insert into episode_media (episode_id, kind, url, mime_type, byte_size, position)
     select $1, m->>'kind', m->>'url', m->>'mimeType', (m->>'byteSize')::bigint, ordinality - 1
       from jsonb_array_elements($2::jsonb) with ordinality as x(m, ordinality)`,
    [episodeId, JSON.stringify(media)],
  );
}

const COLUMNS = {
  season: 'season', number: 'number', episodeType: 'episode_type', title: 'title', description: 'description', language: 'language',
  durationSeconds: 'duration_seconds', explicit: 'explicit', tags: 'tags',
} as const;

export const episodeKind: EntityKind<Episode, EpisodePatch> = {
  type: 'episode',
  table: 'episodes',
  label: 'Episode',
  async loadMany(q, ids) {
    const rows = await q.query<EpisodeRow>(`select ${SELECT} from episodes e where e.id = any($1::uuid[])`, [ids]);
    return rows.map(toEpisode);
  },
  async applyPatch(tx, id, patch) {
    await updateColumns(tx, 'episodes', id, patch, COLUMNS);
    if (patch.people) await replacePeople(tx, 'episode_people', 'episode_id', id, patch.people);
    if (patch.media) await replaceMedia(tx, id, patch.media);
  },
  editable: (s) => ({
    season: s.season, number: s.number, episodeType: s.episodeType, title: s.title, description: s.description, language: s.language,
    durationSeconds: s.durationSeconds, explicit: s.explicit, tags: s.tags, people: s.people,
    media: s.media.map((m) => ({ kind: m.kind, url: m.url, mimeType: m.mimeType, byteSize: m.byteSize })),
  }),
  eventData: (e) => ({ id: e.id, version: e.version, programId: e.programId, status: e.status, publishAt: e.publishAt }),
};

/**
 * Media processing's change to an episode, in the caller's transaction and as a versioned change
 * (revision, audit entry, episode.updated event): the references of the given media kinds are replaced
 * by a processed asset's renditions (first in the list, so players pick them), and the duration becomes
 * the one measured from the file. A deleted episode is left alone (undefined).
 */
export async function applyProcessedMedia(
  tx: Queryable,
  episodeId: string,
  media: { kinds: Static<typeof MediaKind>[]; refs: MediaRefIn[]; durationSeconds?: number | undefined },
  context: ChangeContext,
): Promise<Episode | undefined> {
  return updateUndeletedEntityIn(tx, episodeKind, episodeId, context, async (q, current) => {
    const kept = current.media.filter((m) => !media.kinds.includes(m.kind)).map(refIn);
    await replaceMedia(q, episodeId, [...media.refs, ...kept]);
    if (media.durationSeconds !== undefined) await q.query('update episodes set duration_seconds = $2 where id = $1', [episodeId, media.durationSeconds]);
  });
}

/**
 * The media pipeline's side of deleting an asset: the episode stops pointing at any of `urls` (one
 * versioned change, so it can be seen in the revisions and undone by restoring one). Unchanged when it
 * pointed at none of them.
 */
export async function detachMediaUrls(tx: Queryable, episodeId: string, urls: readonly string[], context: ChangeContext): Promise<Episode | undefined> {
  if (urls.length === 0) return undefined;
  return updateUndeletedEntityIn(tx, episodeKind, episodeId, context, async (q, current) => {
    if (!current.media.some((m) => urls.includes(m.url))) return 'unchanged';
    await replaceMedia(q, episodeId, current.media.filter((m) => !urls.includes(m.url)).map(refIn));
  });
}

/** A media reference as stored, back in the shape replaceMedia takes. */
const refIn = (m: Episode['media'][number]): MediaRefIn => ({ kind: m.kind, url: m.url, mimeType: m.mimeType, byteSize: m.byteSize });

export interface InsertEpisodeOptions {
  /** Imports and the seed may create episodes already published at their original date, or scheduled. */
  status?: 'draft' | 'published' | 'scheduled';
  publishAt?: Date | null;
}

export async function insertEpisode(tx: Queryable, input: EpisodeCreate, actor: string, options: InsertEpisodeOptions = {}): Promise<string> {
  const [program] = await tx.query<{ language: string }>('select language from programs where id = $1 and deleted_at is null', [input.programId]);
  if (!program) {
    throw new HttpProblem('validation-failed', `programId ${input.programId} is not a program`, { errors: [{ in: 'body', pointer: '/programId', message: 'unknown program' }] });
  }
  const status = options.status ?? 'draft';
  const publishAt = options.publishAt ?? (status === 'draft' ? null : new Date());
  const [row] = await tx.query<{ id: string }>(
    `insert into episodes (program_id, season, number, episode_type, title, description, language, duration_seconds, explicit, tags,
                           external_id, status, publish_at, created_by, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) returning id`,
    [input.programId, input.season ?? null, input.number ?? null, input.episodeType ?? 'full', input.title, input.description ?? '',
      input.language ?? program.language, input.durationSeconds ?? null, input.explicit ?? false, input.tags ?? [], input.externalId ?? null,
      status, publishAt, actor],
  );
  const id = row!.id;
  if (input.people?.length) await replacePeople(tx, 'episode_people', 'episode_id', id, input.people);
  if (input.media?.length) await replaceMedia(tx, id, input.media);
  return id;
}

const SORTS: Record<string, SortField> = {
  updatedAt: { expr: 'e.updated_at', type: 'timestamptz' },
  createdAt: { expr: 'e.created_at', type: 'timestamptz' },
  publishAt: { expr: "coalesce(e.publish_at, '-infinity'::timestamptz)", type: 'timestamptz' },
  title: { expr: 'e.title', type: 'text' },
  number: { expr: 'coalesce(e.number, -1)', type: 'integer' },
};

export function listEpisodes(q: Queryable, query: EpisodeListQuery) {
  const order = parseSort(query.sort, SORTS, '-updatedAt');
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.deletedOnly) where.push('e.deleted_at is not null');
  else if (!query.includeDeleted) where.push('e.deleted_at is null');
  if (query.programId) where.push(`e.program_id = $${params.push(query.programId)}`);
  if (query.status) where.push(`e.status = $${params.push(query.status)}`);
  if (query.language) where.push(`e.language = $${params.push(query.language)}`);
  if (query.season) where.push(`e.season = $${params.push(query.season)}`);
  if (query.episodeType) where.push(`e.episode_type = $${params.push(query.episodeType)}`);
  if (query.tag) where.push(`$${params.push(query.tag)} = any(e.tags)`);
  if (query.q) where.push(`e.title ilike $${params.push(`%${escapeLike(query.q)}%`)}`);
  if (query.publishedFrom) where.push(`e.publish_at >= $${params.push(query.publishedFrom)}::timestamptz`);
  if (query.publishedTo) where.push(`e.publish_at < $${params.push(query.publishedTo)}::timestamptz`);
  return fetchPage<EpisodeRow, Episode>(q, {
    select: SELECT, from: 'episodes e', idColumn: 'e.id', where, params, order, cursor: query.cursor, limit: query.limit ?? 50, map: toEpisode,
  });
}
