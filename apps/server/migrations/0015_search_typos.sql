-- Typo tolerance on every word (issue 16): a dictionary of the index's words (their exact, normalised
-- forms from every field, bare of an Arabic article) with, for each, the strings made by deleting one or two of its letters
-- (SymSpell). A typed word's own deletes find, through the GIN index on the arrays, every word within
-- one or two edits (insertions, deletions, substitutions, transpositions); the server checks each
-- candidate's Damerau–Levenshtein distance. `docs` counts the documents that have the word, kept by
-- the index writer in the projection's transaction; a word at 0 is ignored and pruned by reindex.

-- Words are kept bare: without an Arabic article when 3 letters remain (البودكاست → بودكاست), so that a
-- typed «بودكسات» is one edit away. Same rule as bareWord() in search/typos/edit-distance.ts. Regular
-- expressions of PostgreSQL and PGlite alike; the articles exclude one another at the start of a word.
create function search_word_bare(w text) returns text
  language sql immutable parallel safe
  return regexp_replace(w, '^(وبال|وكال|فبال|ولل|فلل|وال|فال|بال|كال|لل|ال)(?=...)', '');

-- Letters only, 4 to 30 of them: shorter words get no typo tolerance (one edit needs 5 letters), longer
-- ones are not words. Same rule as dictionaryWord() in search/typos/edit-distance.ts.
create function search_word_indexable(w text) returns boolean
  language sql immutable parallel safe
  return char_length(w) between 4 and 30 and w !~ '[0-9]';

-- The word and its deletes: one letter from 4 letters, two from 7 (a typed word of 9+ letters may have
-- two edits, and is within two only of words of 7+). Same rule as deletes(dictionaryDepth()) in
-- search/typos/edit-distance.ts.
create function search_word_deletes(w text) returns text[]
  language sql immutable parallel safe
  return array(
    select distinct d from (
      select w as d
      union all
      select overlay(w placing '' from i for 1) from generate_series(1, char_length(w)) i where char_length(w) >= 4
      union all
      select overlay(overlay(w placing '' from i for 1) placing '' from j for 1)
        from generate_series(1, char_length(w)) i, generate_series(1, char_length(w) - 1) j
       where char_length(w) >= 7
    ) x
  );

create table search_words (
  word    text collate "C" primary key,
  docs    integer not null,
  deletes text[] not null
);
create index search_words_deletes on search_words using gin (deletes);

-- Words of documents indexed before this migration.
insert into search_words (word, docs, deletes)
select b, count(*)::int, search_word_deletes(b)
  from (select distinct x.id, search_word_bare(w) as b from search_exact x, unnest(tsvector_to_array(x.exact)) w) words
 where search_word_indexable(b)
 group by b;
