-- PostgreSQL event store: one append-only table. Idempotent; applied by
-- PostgresEventStore.EnsureSchemaAsync() under an advisory lock, in file-name order.
-- Why positions look the way they do: docs/decisions/0002-event-store-positions.md.

CREATE SCHEMA IF NOT EXISTS eventstore;

CREATE TABLE IF NOT EXISTS eventstore.events (
    -- (top-level transaction id << 20) | 1-based index of the event within its append.
    -- Strictly increasing in commit-safe order, not dense. Readers of $all only return rows
    -- below the oldest running transaction, so a late commit can never be skipped.
    position        bigint      NOT NULL,
    stream_id       text        COLLATE "C" NOT NULL,
    stream_revision bigint      NOT NULL,
    event_id        uuid        NOT NULL,
    type            text        COLLATE "C" NOT NULL,
    data            jsonb,      -- NULL when the event has no data
    metadata        jsonb,      -- NULL when the event has no metadata
    created         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_pkey PRIMARY KEY (position),
    -- reading a stream, the stream's current revision, and optimistic concurrency
    CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision),
    -- idempotent retries: an event id is stored at most once
    CONSTRAINT events_event_id_key UNIQUE (event_id),
    CONSTRAINT events_stream_revision_check CHECK (stream_revision >= 0)
);
