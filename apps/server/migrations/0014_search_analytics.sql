-- Search analytics (issue 14, item 5): what listeners search for, what they find, and what they click.
-- One row per hour and normalised query (the analyzer's terms joined by spaces, so «المكتبة» and مكتبه
-- share a row). Only query text and counts are stored: no listener id, address or user agent, ever.
-- Discovery pods add their in-memory counts every few seconds (an upsert that adds), so a row is the
-- sum over every pod. Trimmed past SEARCH_ANALYTICS_RETENTION_DAYS by the relay's hourly housekeeping.
create table search_queries_hourly (
  hour             timestamptz not null,
  query            text not null,                      -- normalised terms (the grouping key)
  sample           text not null,                      -- one form of it as typed, for people to read
  searches         bigint not null default 0,          -- first pages answered (cached or not)
  zero_results     bigint not null default 0,          -- of which found nothing
  results_sum      bigint not null default 0,          -- sum of result counts (mean = results_sum / searches)
  latency_ms_sum   double precision not null default 0,
  latency_ms_max   double precision not null default 0,
  clicks           bigint not null default 0,          -- clicks on a result, from the site's beacon
  clicks_first     bigint not null default 0,          -- of which on the first result
  click_rank_sum   bigint not null default 0,          -- sum of ranks clicked (mean = click_rank_sum / clicks)
  primary key (hour, query)
);
-- Periods are read across queries (top queries of a week), and trimmed by hour.
create index search_queries_hourly_hour on search_queries_hourly (hour);
