// Shared by the feed tests: what a program and its episodes look like, compared across two catalogues.
import type { Queryable } from '../../src/platform/db/db.js';

export interface ComparableEpisode {
  externalId: string;
  title: string;
  description: string;
  publishAt: string;
  durationSeconds: number | null;
  season: number | null;
  number: number | null;
  episodeType: string;
  explicit: boolean;
  tags: string[];
  media: { kind: string; url: string; mimeType: string; byteSize: number | null }[];
  people: [string, string][];
}

export interface ComparableProgram {
  title: string;
  description: string;
  language: string;
  artworkUrl: string | null;
  explicit: boolean;
  tags: string[];
  people: [string, string][];
  episodes: ComparableEpisode[];
}

/** A program and its published episodes in plain values (people by name, not id), for comparisons. */
export async function comparableProgram(q: Queryable, programId: string): Promise<ComparableProgram> {
  const [p] = await q.query<{ title: string; description: string; language: string; artwork_url: string | null; explicit: boolean; tags: string[]; people: [string, string][] }>(
    `select p.title, p.description, p.language, p.artwork_url, p.explicit, p.tags,
            coalesce((select json_agg(json_build_array(pe.name, x.role) order by x.position) from program_people x join people pe on pe.id = x.person_id where x.program_id = p.id), '[]') as people
       from programs p where p.id = $1`,
    [programId],
  );
  const episodes = await q.query<{
    external_id: string; title: string; description: string; publish_at: Date; duration_seconds: number | null; season: number | null; number: number | null;
    episode_type: string; explicit: boolean; tags: string[]; media: ComparableEpisode['media']; people: [string, string][];
  }>(
    `select e.external_id, e.title, e.description, e.publish_at, e.duration_seconds, e.season, e.number, e.episode_type, e.explicit, e.tags,
            coalesce((select json_agg(json_build_object('kind', m.kind, 'url', m.url, 'mimeType', m.mime_type, 'byteSize', m.byte_size) order by m.position)
                        from episode_media m where m.episode_id = e.id), '[]') as media,
            coalesce((select json_agg(json_build_array(pe.name, x.role) order by x.position) from episode_people x join people pe on pe.id = x.person_id where x.episode_id = e.id), '[]') as people
       from episodes e where e.program_id = $1 and e.deleted_at is null and e.status = 'published' and e.publish_at <= now()
      order by e.external_id`,
    [programId],
  );
  return {
    title: p!.title, description: p!.description, language: p!.language, artworkUrl: p!.artwork_url, explicit: p!.explicit, tags: p!.tags, people: p!.people,
    episodes: episodes.map((e) => ({
      externalId: e.external_id, title: e.title, description: e.description, publishAt: e.publish_at.toISOString(), durationSeconds: e.duration_seconds,
      season: e.season, number: e.number, episodeType: e.episode_type, explicit: e.explicit, tags: e.tags, media: e.media, people: e.people,
    })),
  };
}
