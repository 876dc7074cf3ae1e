// The term dictionary that typo tolerance looks candidates up in (search_words, migration 0015): every
// exact word form of the indexed documents (bare of an Arabic article) with the number of documents that have it. The index writer
// calls these in the same transaction as its own writes, so the dictionary always describes the index:
// the forms of a document are forgotten before it is replaced or removed, and counted after it is written.
import type { Queryable } from '../../platform/db/db.js';
import { deletes, dictionaryDepth } from './edit-distance.js';

// A document counts once per bare word (الكتاب and كتاب are one entry).
const wordsOf = `select w, count(*)::int as n
                   from (select distinct x.id, search_word_bare(e) as w
                           from search_exact x, unnest(tsvector_to_array(x.exact)) e where x.id = any($1::uuid[])) b
                  where search_word_indexable(w) group by w`;

/** Before the documents' exact forms change or go: their words count one document less each. */
export async function forgetWords(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(`update search_words s set docs = s.docs - c.n from (${wordsOf}) c where s.word = c.w`, [ids]);
}

/**
 * After the documents are written: their words count one document more each. A new word gets its
 * deletes, computed here rather than by search_word_deletes() in SQL: the same strings (a test compares
 * them), about 14× cheaper on PGlite, where every statement shares one WebAssembly process.
 */
export async function countWords(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const fresh = await tx.query<{ w: string; n: number }>(
    `with c as (${wordsOf}),
     known as (update search_words s set docs = s.docs + c.n from c where s.word = c.w returning s.word)
     select c.w, c.n from c where c.w not in (select word from known)`,
    [ids],
  );
  if (fresh.length === 0) return;
  const rows = fresh.map((r) => ({ word: r.w, docs: r.n, deletes: deletes(r.w, dictionaryDepth(r.w)) }));
  // Another transaction may have added the same word meanwhile: then it counts on.
  await tx.query(
    `insert into search_words (word, docs, deletes)
     select x.word, x.docs, x.deletes from jsonb_to_recordset($1::jsonb) as x(word text, docs int, deletes text[])
     on conflict (word) do update set docs = search_words.docs + excluded.docs`,
    [JSON.stringify(rows)],
  );
}

/** Drops words no document has any more (reindex): they are ignored by lookups, only their space is won. */
export async function pruneWords(tx: Queryable): Promise<number> {
  return (await tx.query('delete from search_words where docs <= 0 returning word')).length;
}
