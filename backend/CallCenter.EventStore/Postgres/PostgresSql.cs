namespace CallCenter.EventStore;

/// <summary>The SQL of the PostgreSQL adapter, in one place. Schema: eventstore/postgres/*.sql.</summary>
internal static class PostgresSql
{
    /// <summary>Taken (per transaction) while the schema scripts run, so app instances starting together don't race.</summary>
    public const long SchemaLockKey = 0x43_43_45_56_53_54_52; // "CCEVSTR"

    /// <summary>
    /// One append in one statement (one round trip, one transaction): read the stream's head revision,
    /// insert all events from arrays WITH ORDINALITY only if the expected revision holds, return the head
    /// before the append and the last position (NULL when nothing was inserted).
    /// Position = (top-level xid &lt;&lt; 20) | index within the append; see docs/decisions/0002-event-store-positions.md.
    /// $1 stream id, $2 expected revision (-2 any, -1 no stream), $3 ids, $4 types, $5 data, $6 metadata.
    /// </summary>
    public const string Append = """
        WITH head AS (
            SELECT coalesce((SELECT stream_revision FROM eventstore.events
                             WHERE stream_id = $1 ORDER BY stream_revision DESC LIMIT 1), -1) AS revision
        ), appended AS (
            INSERT INTO eventstore.events (position, stream_id, stream_revision, event_id, type, data, metadata)
            SELECT (pg_current_xact_id()::text::bigint << 20) | e.n, $1, head.revision + e.n,
                   e.event_id, e.type, e.data, e.metadata
            FROM head, unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])
                       WITH ORDINALITY AS e(event_id, type, data, metadata, n)
            WHERE $2 = -2 OR $2 = head.revision
            RETURNING position
        )
        SELECT head.revision, (SELECT max(position) FROM appended) FROM head
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
