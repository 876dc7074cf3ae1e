// The documents of Discovery's read model: what the public API, feeds, search and recommendations show
// of a program, an episode, a person or a category. Discovery builds them from the editor tables, but
// only from rows content/publication.ts calls public (its predicates are the one definition of that).
import { Type, type Static } from 'typebox';
import type { Queryable } from '../platform/db/db.js';
import { EPISODE_IS_PUBLIC, PROGRAM_IS_PUBLIC } from '../content/publication.js';
import { Language, Nullable, StringEnum, Timestamp, Uuid } from '../platform/http/schemas.js';

const PublicCategoryRefSchema = Type.Object({ id: Uuid, slug: Type.String(), nameAr: Type.String(), nameEn: Type.String() });
export type PublicCategoryRef = Static<typeof PublicCategoryRefSchema>;

const PublicPersonRefSchema = Type.Object({ id: Uuid, slug: Type.String(), name: Type.String(), role: Type.String({ examples: ['host'] }) });
export type PublicPersonRef = Static<typeof PublicPersonRefSchema>;

export const PublicProgramSchema = Type.Object({
  id: Uuid,
  slug: Type.String(),
  kind: StringEnum(['podcast', 'series', 'documentary']),
  title: Type.String(),
  description: Type.String(),
  language: Language,
  category: Nullable(PublicCategoryRefSchema),
  artworkUrl: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  explicit: Type.Boolean(),
  people: Type.Array(PublicPersonRefSchema),
  publishedAt: Timestamp,
  updatedAt: Timestamp,
}, { description: 'A public program' });
export type PublicProgram = Static<typeof PublicProgramSchema>;

const PublicMediaSchema = Type.Object({
  kind: Type.String({ examples: ['audio'] }),
  url: Type.String(),
  mimeType: Type.String({ examples: ['audio/mpeg'] }),
  byteSize: Nullable(Type.Integer()),
});
export type PublicMedia = Static<typeof PublicMediaSchema>;

export const PublicEpisodeSchema = Type.Object({
  id: Uuid,
  program: Type.Object({ id: Uuid, slug: Type.String(), title: Type.String(), kind: Type.String(), artworkUrl: Nullable(Type.String()), categoryId: Nullable(Uuid) }),
  season: Nullable(Type.Integer()),
  number: Nullable(Type.Integer()),
  episodeType: StringEnum(['full', 'trailer', 'bonus']),
  title: Type.String(),
  description: Type.String(),
  language: Language,
  durationSeconds: Nullable(Type.Integer()),
  publishAt: Timestamp,
  explicit: Type.Boolean(),
  tags: Type.Array(Type.String()),
  people: Type.Array(PublicPersonRefSchema),
  media: Type.Array(PublicMediaSchema),
  guid: Type.String({ description: "Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes" }),
  updatedAt: Timestamp,
}, { description: 'A public episode' });
export type PublicEpisode = Static<typeof PublicEpisodeSchema>;

export const PublicPersonSchema = Type.Object({ id: Uuid, slug: Type.String(), name: Type.String(), bio: Type.String(), imageUrl: Nullable(Type.String()) });
export type PublicPerson = Static<typeof PublicPersonSchema>;

export const PublicCategorySchema = Type.Object({
  id: Uuid, slug: Type.String(), nameAr: Type.String(), nameEn: Type.String(), parentId: Nullable(Uuid), position: Type.Integer(),
});
export type PublicCategory = Static<typeof PublicCategorySchema>;


const peopleOf = (table: string, owner: string, ref: string) => `coalesce((
  select json_agg(json_build_object('id', pe.id, 'slug', pe.slug, 'name', pe.name, 'role', x.role) order by x.position)
    from ${table} x join people pe on pe.id = x.person_id and pe.deleted_at is null
   where x.${owner} = ${ref}), '[]'::json)`;

const iso = (value: Date) => value.toISOString();

/**
 * `draft`: the item as the public page WILL show it, whatever its status (a preview, content/preview-tokens.ts);
 * deleted items stay invisible. A draft never published takes its last change as its date.
 */
export interface LoadOptions {
  draft?: boolean;
}

export async function loadPublicProgram(q: Queryable, id: string, options: LoadOptions = {}): Promise<PublicProgram | null> {
  const [row] = await q.query<{
    id: string; slug: string; kind: PublicProgram['kind']; title: string; description: string; language: PublicProgram['language'];
    artwork_url: string | null; tags: string[]; explicit: boolean; published_at: Date; updated_at: Date;
    category: PublicCategoryRef | null; people: PublicPersonRef[];
  }>(
    `select p.id, p.slug, p.kind, p.title, p.description, p.language, p.artwork_url, p.tags, p.explicit, coalesce(p.published_at, p.updated_at) as published_at, p.updated_at,
            case when c.id is not null then json_build_object('id', c.id, 'slug', c.slug, 'nameAr', c.name_ar, 'nameEn', c.name_en) end as category,
            ${peopleOf('program_people', 'program_id', 'p.id')} as people
       from programs p left join categories c on c.id = p.category_id and c.deleted_at is null
      where p.id = $1 and ${options.draft ? 'p.deleted_at is null' : PROGRAM_IS_PUBLIC}`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id, slug: row.slug, kind: row.kind, title: row.title, description: row.description, language: row.language,
    category: row.category, artworkUrl: row.artwork_url, tags: row.tags, explicit: row.explicit, people: row.people,
    publishedAt: iso(row.published_at), updatedAt: iso(row.updated_at),
  };
}

export async function loadPublicEpisode(q: Queryable, id: string, options: LoadOptions = {}): Promise<PublicEpisode | null> {
  const [row] = await q.query<{
    id: string; season: number | null; number: number | null; episode_type: PublicEpisode['episodeType']; title: string; description: string;
    language: PublicEpisode['language']; duration_seconds: number | null; publish_at: Date; explicit: boolean; tags: string[]; updated_at: Date;
    program: PublicEpisode['program']; people: PublicPersonRef[]; media: PublicMedia[]; guid: string;
  }>(
    `select e.id, e.season, e.number, e.episode_type, e.title, e.description, e.language, e.duration_seconds, coalesce(e.publish_at, e.updated_at) as publish_at, e.explicit, e.tags, e.updated_at,
            coalesce(e.external_id, 'urn:uuid:' || e.id) as guid,
            json_build_object('id', p.id, 'slug', p.slug, 'title', p.title, 'kind', p.kind, 'artworkUrl', p.artwork_url, 'categoryId', p.category_id) as program,
            ${peopleOf('episode_people', 'episode_id', 'e.id')} as people,
            coalesce((select json_agg(json_build_object('kind', m.kind, 'url', m.url, 'mimeType', m.mime_type, 'byteSize', m.byte_size) order by m.position)
                        from episode_media m where m.episode_id = e.id), '[]'::json) as media
       from episodes e join programs p on p.id = e.program_id
      where e.id = $1 and ${options.draft ? 'e.deleted_at is null and p.deleted_at is null' : `${EPISODE_IS_PUBLIC} and ${PROGRAM_IS_PUBLIC}`}`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id, program: row.program, season: row.season, number: row.number, episodeType: row.episode_type, title: row.title,
    description: row.description, language: row.language, durationSeconds: row.duration_seconds, publishAt: iso(row.publish_at),
    explicit: row.explicit, tags: row.tags, people: row.people, media: row.media, guid: row.guid, updatedAt: iso(row.updated_at),
  };
}

/** A person is public while live and linked to at least one public program or episode. */
export async function loadPublicPerson(q: Queryable, id: string): Promise<PublicPerson | null> {
  const [row] = await q.query<{ id: string; slug: string; name: string; bio: string; image_url: string | null }>(
    `select pe.id, pe.slug, pe.name, pe.bio, pe.image_url from people pe
      where pe.id = $1 and pe.deleted_at is null and (
        exists (select 1 from program_people x join programs p on p.id = x.program_id where x.person_id = pe.id and ${PROGRAM_IS_PUBLIC})
        or exists (select 1 from episode_people x join episodes e on e.id = x.episode_id join programs p on p.id = e.program_id
                    where x.person_id = pe.id and ${EPISODE_IS_PUBLIC} and ${PROGRAM_IS_PUBLIC}))`,
    [id],
  );
  return row ? { id: row.id, slug: row.slug, name: row.name, bio: row.bio, imageUrl: row.image_url } : null;
}

export async function loadPublicCategory(q: Queryable, id: string): Promise<PublicCategory | null> {
  const [row] = await q.query<{ id: string; slug: string; name_ar: string; name_en: string; parent_id: string | null; position: number }>(
    'select id, slug, name_ar, name_en, parent_id, position from categories where id = $1 and deleted_at is null',
    [id],
  );
  return row ? { id: row.id, slug: row.slug, nameAr: row.name_ar, nameEn: row.name_en, parentId: row.parent_id, position: row.position } : null;
}
