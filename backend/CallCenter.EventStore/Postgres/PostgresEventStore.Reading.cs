using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.EventStore;

// Reading a stream, reading $all, and the catch-up subscription.
public sealed partial class PostgresEventStore
{
    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, ReadDirection direction = ReadDirection.Forwards,
        long fromRevision = 0, int maxCount = int.MaxValue, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var forwards = direction == ReadDirection.Forwards;
        var next = forwards ? Math.Max(fromRevision, 0) : fromRevision;
        var remaining = maxCount;
        // A stream's revisions become visible without gaps (an append needs the previous revision committed),
        // so plain paging by revision is safe here.
        while (remaining > 0 && next >= 0)
        {
            var limit = Math.Min(_options.PageSize, remaining);
            var page = await ReadStreamPageAsync(streamId, forwards, next, limit, ct);
            foreach (var e in page) yield return e;
            if (page.Count < limit) yield break;
            remaining -= page.Count;
            next = forwards ? page[^1].StreamRevision + 1 : page[^1].StreamRevision - 1;
        }
    }

    async Task<List<RecordedEvent>> ReadStreamPageAsync(string streamId, bool forwards, long from, int limit, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(forwards ? PostgresSql.ReadStreamForwards : PostgresSql.ReadStreamBackwards);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = limit });
        var page = new List<RecordedEvent>(Math.Min(limit, 256));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) page.Add(ReadEvent(reader, 0));
        return page;
    }

    /// <summary>One statement per <see cref="PostgresEventStoreOptions.PageSize"/> streams (streams are short: calls).</summary>
    public async IAsyncEnumerable<RecordedEvent> ReadStreamsAsync(IReadOnlyList<string> streamIds,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var chunk in streamIds.Chunk(_options.PageSize))
        {
            await using var command = _dataSource.CreateCommand(PostgresSql.ReadStreams);
            command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = chunk });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) yield return ReadEvent(reader, 0);
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(ulong? afterPosition, EventFilter? filter = null,
        int maxCount = int.MaxValue, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var cursor = ToCursor(afterPosition);
        var remaining = maxCount;
        while (remaining > 0)
        {
            var limit = Math.Min(_options.PageSize, remaining);
            var page = await ReadAllPageAsync(cursor, filter, limit, ct);
            foreach (var e in page.Events) yield return e;
            if (page.Events.Count < limit) yield break; // reached the horizon: the rest is not readable yet
            remaining -= page.Events.Count;
            cursor = page.NextCursor;
        }
    }

    public async IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(ulong? afterPosition, EventFilter? filter = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var cursor = ToCursor(afterPosition);
        var inFlightWait = _options.InFlightPollInterval;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var wake = _appended.Next; // taken before reading, so an append finishing during the read is not missed
            var page = await ReadAllPageAsync(cursor, filter, _options.PageSize, ct);
            foreach (var e in page.Events) yield return e;
            cursor = page.NextCursor;
            if (page.Events.Count == _options.PageSize) continue; // catching up

            // Caught up with the horizon. Committed events waiting behind a running transaction become readable
            // when it ends, which nothing signals: look again soon (backing off while that transaction lasts).
            // Otherwise wait for an append of this instance, or poll for appends of other processes.
            if (page.Events.Count > 0) inFlightWait = _options.InFlightPollInterval;
            var wait = _options.PollInterval;
            if (page.EventsWaitingAboveHorizon)
            {
                wait = inFlightWait;
                inFlightWait = TimeSpan.FromTicks(Math.Min(inFlightWait.Ticks * 2, _options.InFlightPollLimit.Ticks));
            }
            await WakeUpSignal.WaitAsync(wake, wait, ct);
        }
    }

    /// <param name="NextCursor">Where the next page starts (exclusive): the last event's position, or when the page
    /// was not full, just below the horizon (everything below it has been seen; this skips filtered-out rows).</param>
    sealed record AllPage(List<RecordedEvent> Events, long NextCursor, bool EventsWaitingAboveHorizon);

    async Task<AllPage> ReadAllPageAsync(long after, EventFilter? filter, int limit, CancellationToken ct)
    {
        var sql = PostgresSql.ReadAllPage.Replace("/*filter*/",
            (filter?.StreamPrefixes is null ? "" : PostgresSql.StreamPrefixCondition) + " " +
            (filter?.EventTypePrefixes is null ? "" : PostgresSql.TypePrefixCondition));
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = after });
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<string[]?> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = LikePrefixes(filter?.StreamPrefixes) });
        command.Parameters.Add(new NpgsqlParameter<string[]?> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = LikePrefixes(filter?.EventTypePrefixes) });

        var events = new List<RecordedEvent>(Math.Min(limit, 256));
        long horizon = 0;
        var waiting = false;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                horizon = reader.GetInt64(0);
                waiting = reader.GetBoolean(1);
                if (!reader.IsDBNull(2)) events.Add(ReadEvent(reader, 2));
            }
        }
        var next = events.Count == limit ? (long)events[^1].Position : Math.Max(after, horizon - 1);
        return new AllPage(events, next, waiting);
    }

    static string[]? LikePrefixes(IReadOnlyList<string>? prefixes) => prefixes?.Select(PostgresSql.LikePrefix).ToArray();

    static long ToCursor(ulong? afterPosition) => afterPosition is { } p ? (long)Math.Min(p, long.MaxValue) : 0;

    /// <summary>Reads the event columns (see PostgresSql.Columns) starting at column <paramref name="o"/>.</summary>
    static RecordedEvent ReadEvent(NpgsqlDataReader r, int o) => new(
        EventId: r.GetGuid(o + 3),
        StreamId: r.GetString(o + 1),
        StreamRevision: r.GetInt64(o + 2),
        Position: (ulong)r.GetInt64(o),
        Type: r.GetString(o + 4),
        Data: Json(r, o + 5),
        Metadata: Json(r, o + 6),
        Created: r.GetFieldValue<DateTimeOffset>(o + 7));

    static ReadOnlyMemory<byte> Json(NpgsqlDataReader r, int column) =>
        r.IsDBNull(column) ? ReadOnlyMemory<byte>.Empty : r.GetFieldValue<byte[]>(column);
}
