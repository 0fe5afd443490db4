namespace CallCenter.EventStore;

/// <summary>The SQL of the PostgreSQL adapter, in one place. Schema: eventstore/postgres/*.sql.</summary>
internal static class PostgresSql
{
    /// <summary>Taken (per transaction) while the schema scripts run, so app instances starting together don't race.</summary>
    public const long SchemaLockKey = 0x43_43_45_56_53_54_52; // "CCEVSTR"

    /// <summary>
    /// One append in one statement (the common case, cheaper than <see cref="AppendMany"/>): read the stream's head,
    /// insert the events only if the expected revision holds, return the head before and the last position (NULL
    /// when not written). $1 stream id, $2 expected revision (-2 any, -1 no stream), $3 ids, $4 types, $5 data, $6 metadata.
    /// </summary>
    public const string AppendOne = """
        WITH head AS (
            SELECT coalesce((SELECT stream_revision FROM eventstore.events
                             WHERE stream_id = $1 ORDER BY stream_revision DESC LIMIT 1), -1) AS revision
        ), inserted AS (
            INSERT INTO eventstore.events (position, stream_id, stream_revision, event_id, type, data, metadata)
            SELECT (pg_current_xact_id()::text::bigint << 20) | e.n, $1, head.revision + e.n,
                   e.event_id, e.type, e.data, e.metadata
            FROM head, unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])
                       WITH ORDINALITY AS e(event_id, type, data, metadata, n)
            WHERE $2 = -2 OR $2 = head.revision
            RETURNING position
        )
        SELECT head.revision, (SELECT max(position) FROM inserted) FROM head
        """;

    /// <summary>
    /// Appends to distinct streams in one statement (one round trip, one transaction): per append, read the
    /// stream's head revision; insert its events only if its expected revision holds; return per append (in order)
    /// the head before and the position of its last event (NULL when not written).
    /// Position = (top-level xid &lt;&lt; 20) | index of the event in the statement; see docs/decisions/0002-event-store-positions.md.
    /// Rows are inserted in the order given, so callers pass streams in one global order (no deadlocks between batches).
    /// Per append: $1 stream ids, $2 expected revisions (-2 any, -1 no stream). Per event: $3 its append's number
    /// (1-based), $4 its index within the append (1-based), $5 ids, $6 types, $7 data, $8 metadata.
    /// </summary>
    public const string AppendMany = """
        WITH appends AS (
            SELECT a.append_no, a.stream_id, a.expected,
                   coalesce((SELECT e.stream_revision FROM eventstore.events e
                             WHERE e.stream_id = a.stream_id ORDER BY e.stream_revision DESC LIMIT 1), -1) AS head
            FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS a(stream_id, expected, append_no)
        ), inserted AS (
            INSERT INTO eventstore.events (position, stream_id, stream_revision, event_id, type, data, metadata)
            SELECT (pg_current_xact_id()::text::bigint << 20) | ev.n, a.stream_id, a.head + ev.k,
                   ev.event_id, ev.type, ev.data, ev.metadata
            FROM unnest($3::int[], $4::int[], $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[])
                     WITH ORDINALITY AS ev(append_no, k, event_id, type, data, metadata, n)
            JOIN appends a ON a.append_no = ev.append_no
            WHERE a.expected = -2 OR a.expected = a.head
            ORDER BY ev.n
            RETURNING stream_id, position
        )
        SELECT a.head, i.last_position
        FROM appends a
        LEFT JOIN (SELECT stream_id, max(position) AS last_position FROM inserted GROUP BY stream_id) i USING (stream_id)
        ORDER BY a.append_no
        """;

    /// <summary>After an append did not go in: the stream's head, and which of the append's event ids
    /// ($2) are already stored in this stream ($1), with the revision and position of the last of them.</summary>
    public const string FindStoredEvents = """
        SELECT (SELECT coalesce(max(stream_revision), -1) FROM eventstore.events WHERE stream_id = $1),
               count(*) FILTER (WHERE stream_id = $1),
               count(*),
               max(stream_revision) FILTER (WHERE stream_id = $1),
               max(position) FILTER (WHERE stream_id = $1)
        FROM eventstore.events WHERE event_id = ANY($2)
        """;

    public const string StreamHead = """
        SELECT stream_revision, position FROM eventstore.events
        WHERE stream_id = $1 ORDER BY stream_revision DESC LIMIT 1
        """;

    /// <summary>The columns <see cref="PostgresEventStore"/> reads an event from, in this order.</summary>
    const string Columns = "position, stream_id, stream_revision, event_id, type, data, metadata, created";

    /// <summary>$1 stream id, $2 first revision (inclusive), $3 limit.</summary>
    public const string ReadStreamForwards = $"""
        SELECT {Columns} FROM eventstore.events
        WHERE stream_id = $1 AND stream_revision >= $2 ORDER BY stream_revision LIMIT $3
        """;

    /// <summary>$1 stream id, $2 first revision (inclusive, going down), $3 limit.</summary>
    public const string ReadStreamBackwards = $"""
        SELECT {Columns} FROM eventstore.events
        WHERE stream_id = $1 AND stream_revision <= $2 ORDER BY stream_revision DESC LIMIT $3
        """;

    /// <summary>Whole streams $1 (text[]), in the order given, each by revision.</summary>
    public const string ReadStreams = $"""
        SELECT {Columns} FROM unnest($1::text[]) WITH ORDINALITY AS s(stream_id, n)
        JOIN eventstore.events USING (stream_id)
        ORDER BY s.n, stream_revision
        """;

    /// <summary>
    /// A page of $all after $1 (exclusive), at most $2 events, in position order, plus (on every row,
    /// also on the single all-NULL row of an empty page) the horizon and whether committed events wait above it.
    /// The horizon is the oldest transaction still running, shifted like positions: every transaction below
    /// it has ended, so rows below it can no longer appear, and any row that appears later is above it.
    /// Horizon and rows come from the same statement snapshot. /*filter*/ is replaced by filter conditions on $3, $4.
    /// </summary>
    public const string ReadAllPage = $"""
        WITH h AS MATERIALIZED (
            SELECT s.horizon,
                   EXISTS (SELECT 1 FROM eventstore.events WHERE position >= s.horizon) AS pending
            FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20 AS horizon) s
        )
        SELECT h.horizon, h.pending, e.* FROM h LEFT JOIN LATERAL (
            SELECT {Columns} FROM eventstore.events
            WHERE position > $1 AND position < h.horizon /*filter*/
            ORDER BY position LIMIT $2
        ) e ON true
        ORDER BY e.position
        """;

    public const string StreamPrefixCondition = "AND stream_id LIKE ANY($3)";
    public const string TypePrefixCondition = "AND type LIKE ANY($4)";

    /// <summary>"a_b%" for prefix "a_b": LIKE's metacharacters escaped with its default escape, backslash.</summary>
    public static string LikePrefix(string prefix) =>
        prefix.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
}
