-- search_documents.title_norm and its trigram index served the first typo tolerance (titles only, by
-- trigram similarity). The typo dictionary (0015, search_words) replaced it for every word, and nothing
-- reads the column since; it still cost a GIN trigram update on every indexed document.
-- The pg_trgm extension stays installed: dropping an extension is an operator's decision, and keeping it
-- costs nothing.
drop index if exists search_documents_title_trgm;
alter table search_documents drop column if exists title_norm;
