-- W3C trace context of the operation that wrote the event ({"traceparent": ..., "tracestate": ...}),
-- present only when tracing is on. The relay continues that trace when it publishes the event, and
-- consumers continue the relay's (docs/operations.md, Tracing).
alter table outbox add column trace_context jsonb;

-- The same for a media job: the worker that claims it (or the Kubernetes Job it starts, through
-- TRACEPARENT) continues the trace of the upload that asked for it.
alter table media_jobs add column trace_context jsonb;
