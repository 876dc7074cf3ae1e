-- Imports started through the API resume when their process dies (kill -9, OOM, a lost node): the run
-- row names the process that runs it and keeps what is needed to run it again. A URL run is read from
-- the URL again; a posted document is kept here until the run ends (then cleared). Imports are
-- idempotent, so a resumed run finds what the dead one wrote and only adds the rest.
alter table ingest_runs add column runner text;
alter table ingest_runs add column document bytea;
alter table ingest_runs add column document_type text;
alter table ingest_runs add column resumed integer not null default 0;
