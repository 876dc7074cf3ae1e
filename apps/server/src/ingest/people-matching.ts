// People named in a feed (podcast:person) become CMS people. A name is matched to a live person by
// exact name first, then case-insensitively, then by slug (so "Adam Curry" finds the person an editor
// created as "adam curry" or with slug adam-curry); only when none matches is a person created, through
// the content layer (revision, audit entry, person.created event). Creating people is not undone when
// an episode naming them fails: the person is real either way, and the next import finds them.
import type { Db } from '../platform/db/db.js';
import type { ChangeContext } from '../platform/http/change-context.js';
import { createEntity } from '../content/entity.js';
import { insertPerson, personKind } from '../content/people.js';
import { slugify } from '../content/slug.js';
import type { PersonLink } from '../content/sql.js';
import type { PersonDraft } from './draft.js';

/** The CMS allows at most this many people on a program or an episode. */
const MAX_LINKS = 50;

export class PeopleDirectory {
  private readonly ids = new Map<string, string>();
  created = 0;

  /**
   * `dryRun` (an import preview): nobody is created; a person who would be gets a placeholder id, so
   * what links to them compares as changed, and is counted in `created`.
   */
  constructor(private readonly db: Db, private readonly context: ChangeContext, private readonly options: { dryRun?: boolean } = {}) {}

  /** Finds or creates everyone named (with a CMS role) in these drafts, in one query for the lookups. */
  async resolve(drafts: PersonDraft[]): Promise<void> {
    const wanted = [...new Set(drafts.filter((p) => p.role !== null).map((p) => p.name))].filter((name) => !this.ids.has(name));
    if (wanted.length === 0) return;
    const rows = await this.db.query<{ id: string; name: string; slug: string }>(
      `select id, name, slug from people
        where deleted_at is null and (name = any($1::text[]) or lower(name) = any($2::text[]) or slug = any($3::text[]))
        order by created_at, id`,
      [wanted, wanted.map((n) => n.toLowerCase()), wanted.map((n) => slugify(n))],
    );
    for (const name of wanted) {
      const match = rows.find((r) => r.name === name)
        ?? rows.find((r) => r.name.toLowerCase() === name.toLowerCase())
        ?? rows.find((r) => r.slug === slugify(name));
      if (match) {
        this.ids.set(name, match.id);
        continue;
      }
      if (this.options.dryRun) {
        this.ids.set(name, `to-create:${name}`);
        this.created += 1;
        continue;
      }
      const image = drafts.find((p) => p.name === name && p.imageUrl)?.imageUrl;
      const person = await createEntity(this.db, personKind, this.context, (tx) =>
        insertPerson(tx, { name, ...(image ? { imageUrl: image } : {}) }, this.context.actor));
      this.ids.set(name, person.id);
      this.created += 1;
    }
  }

  /** The CMS links for these drafts (resolve them first): people without a CMS role are left out. */
  links(drafts: PersonDraft[]): PersonLink[] {
    const links: PersonLink[] = [];
    const seen = new Set<string>();
    for (const draft of drafts) {
      if (draft.role === null) continue;
      const personId = this.ids.get(draft.name);
      if (!personId) throw new Error(`person "${draft.name}" was not resolved`);
      const key = `${personId} ${draft.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ personId, role: draft.role });
      if (links.length === MAX_LINKS) break;
    }
    return links;
  }
}
