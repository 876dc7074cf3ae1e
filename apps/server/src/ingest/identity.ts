// Whether an import may write into the program its feed claims to be (issue 15, defect 2).
//
// A feed names its program with values its author writes: `podcast:guid`, `itunes:new-feed-url`, its self
// link, its `<link>`. Matching those to an existing program is how a re-import finds what it made before,
// but taken on trust it let a second feed that copied a published program's guid rename that program and
// flag its episodes missing. So a match is used silently only when it is proven by where the document was
// read from, which the author of a copied feed does not control:
//   - the URL it was fetched from (or permanently redirected to) is the program's subscribed feed or one the
//     subscription moved from (moves are recorded only when the old feed announced them itself, by
//     `itunes:new-feed-url` or a permanent redirect: subscriptions.ts, sync.ts);
//   - or the program's id is that URL itself (the id rule "feed-url");
//   - or an earlier successful import of that URL wrote this program (`--no-subscribe` imports).
// An uploaded document proves nothing about where it came from. It may update a program that only documents
// ever fed (no subscription, no import from a URL): that program's identity rests on the same kind of claim,
// and re-importing a file is how such a program is kept current (`thmnayah import file.xml` again). A program
// that a feed URL feeds is never updated from a document by its claim alone.
// Anything else (a different URL, a document for a URL-fed program) is refused with a conflict that names
// the program, and the editor confirms by importing into it explicitly (`programSlug`, `--program`).
// The cron role's syncs always import into their subscription's program (a target), so never reach this.
import type { Queryable } from '../platform/db/db.js';
import { conflict } from '../platform/http/problem.js';
import type { ProgramIdRule } from './draft.js';
import { canonicalUrl } from './ids.js';

/** Where the document came from: the URLs it was fetched from, or nothing for an uploaded document. */
export interface DocumentOrigin {
  fetchedFrom: string[];
}

const CLAIMS: Partial<Record<ProgramIdRule, string>> = {
  'podcast-guid': 'podcast:guid',
  'new-feed-url': 'itunes:new-feed-url',
  'self-link': 'atom:link rel="self"',
  link: 'channel <link>',
  hash: 'title',
  'youtube-channel': 'YouTube channel id',
  'youtube-playlist': 'YouTube playlist id',
  'feed-url': 'feed URL',
};

/** Throws a 409 conflict unless the origin proves the document belongs to the program it matched. */
export async function assertIdentityProven(
  q: Queryable,
  program: { id: string; externalId: string | null },
  claim: { externalId: string; rule: ProgramIdRule },
  origin: DocumentOrigin | undefined,
): Promise<void> {
  const urls = [...new Set((origin?.fetchedFrom ?? []).flatMap((u) => [u, canonicalUrl(u) ?? u]))];
  if (urls.length > 0) {
    if (program.externalId !== null && urls.includes(program.externalId)) return;
    const [known] = await q.query<{ yes: boolean }>(
      `select exists (select 1 from ingest_subscriptions s where s.program_id = $1 and (s.feed_url = any($2::text[]) or s.previous_urls && $2::text[]))
           or exists (select 1 from ingest_runs r where r.program_id = $1 and r.status = 'succeeded' and r.source = any($2::text[])) as yes`,
      [program.id, urls],
    );
    if (known?.yes) return;
  } else {
    const [fedByUrl] = await q.query<{ yes: boolean }>(
      `select exists (select 1 from ingest_subscriptions s where s.program_id = $1)
           or exists (select 1 from ingest_runs r where r.program_id = $1 and r.status = 'succeeded' and jsonb_typeof(r.summary->'feed') = 'object') as yes`,
      [program.id],
    );
    if (!fedByUrl?.yes) return;
  }
  const [row] = await q.query<{ slug: string; title: string }>('select slug, title from programs where id = $1', [program.id]);
  const from = urls.length > 0 ? `read from ${origin!.fetchedFrom[0]}` : 'uploaded as a document';
  throw conflict(
    `This feed (${from}) claims by its ${CLAIMS[claim.rule] ?? claim.rule} "${claim.externalId}" to be the program "${row?.title}" (${row?.slug}), ` +
      `which ${urls.length > 0 ? 'was imported from another feed' : 'a feed URL keeps current'}. A feed's author writes those values, so they do not prove it is the same program. ` +
      `If it is (for example a move its old feed does not announce), import it into that program explicitly: programSlug "${row?.slug}".`,
    { programId: program.id, programSlug: row?.slug },
  );
}
