using Npgsql;
using NpgsqlTypes;

namespace CallCenter.EventStore;

// Appending: validation, batching, the append statements, and sorting out appends that were not written.
public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Cancelling stops the wait; an append already sent may still be written (a retry with the same event ids is
    /// then reported as a duplicate). Partial repeats (some ids stored, or stored in another stream) throw
    /// <see cref="WrongExpectedVersionException"/>, as EventStoreDB does.
    /// </remarks>
    public async Task<AppendResult> AppendAsync(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (expected.Value < -2) throw new ArgumentOutOfRangeException(nameof(expected), expected.Value, "Not an expected revision.");
        if (events.Count > MaxEventsPerAppend)
            throw new ArgumentException($"At most {MaxEventsPerAppend} events per append.", nameof(events));
        if (events.Count == 0) return await AppendNothingAsync(streamId, expected, ct);

        var append = PendingAppend.Create(streamId, expected, events);
        var outcome = _batcher is null ? await WriteAloneAsync(append, ct) : await _batcher.SubmitAsync(append, ct);
        for (var attempt = 1; ; attempt++)
        {
            switch (outcome)
            {
                case AppendOutcome.Written written:
                    _appended.Signal();
                    return new AppendResult(written.HeadBefore + events.Count, (ulong)written.LastPosition, Duplicate: false);
                case AppendOutcome.RetryAlone:
                    outcome = await WriteAloneAsync(append, ct);
                    break;
                // With "any" the caller does not care where the events land: a concurrent append took the
                // revision we computed, so read the new head and try again.
                case AppendOutcome.Refused { Constraint: StreamRevisionConstraint } when expected.IsAny && attempt < MaxRetriesOnAnyRevision:
                    outcome = await WriteAloneAsync(append, ct);
                    break;
                default: // not written: the expected revision did not hold, or a unique index refused it
                    return await ResolveRejectedAppendAsync(append, ct);
            }
        }
    }

    async Task<AppendOutcome> WriteAloneAsync(PendingAppend append, CancellationToken ct)
    {
        try
        {
            return (await WriteAsync([append], ct))[0];
        }
        catch (Exception ex) when (AsRefusal(ex) is { } refused)
        {
            return refused;
        }
    }

    /// <summary>A unique violation means the append lost a race or repeats stored event ids: not an error yet.</summary>
    internal static AppendOutcome.Refused? AsRefusal(Exception ex) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg ? new AppendOutcome.Refused(pg.ConstraintName) : null;

    /// <summary>Writes appends (distinct streams) in one statement, one transaction. One outcome per append, in order.</summary>
    async Task<AppendOutcome[]> WriteAsync(List<PendingAppend> appends, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var command = appends.Count == 1 ? AppendOneCommand(appends[0]) : AppendManyCommand(appends);
        command.Connection = connection;
        await command.PrepareAsync(ct); // a no-op when this pooled connection has prepared it before

        var outcomes = new AppendOutcome[appends.Count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var a = 0; a < appends.Count; a++)
        {
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The append statement returned too few rows.");
            outcomes[a] = reader.IsDBNull(1)
                ? new AppendOutcome.NotWritten()
                : new AppendOutcome.Written(reader.GetInt64(0), reader.GetInt64(1));
        }
        return outcomes;
    }

    static NpgsqlCommand AppendOneCommand(PendingAppend append)
    {
        var command = new NpgsqlCommand(PostgresSql.AppendOne);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = append.StreamId });
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = append.Expected.Value });
        AddEventParameters(command, append.EventIds, append.Types, append.Data, append.Metadata);
        return command;
    }

    static NpgsqlCommand AppendManyCommand(List<PendingAppend> appends)
    {
        var eventCount = appends.Sum(a => a.Count);
        var streams = new string[appends.Count];
        var expected = new long[appends.Count];
        var appendNumbers = new int[eventCount];
        var indexes = new int[eventCount];
        var ids = new Guid[eventCount];
        var types = new string[eventCount];
        var data = new string?[eventCount];
        var metadata = new string?[eventCount];
        var n = 0;
        for (var a = 0; a < appends.Count; a++)
        {
            var append = appends[a];
            streams[a] = append.StreamId;
            expected[a] = append.Expected.Value;
            for (var i = 0; i < append.Count; i++, n++)
            {
                appendNumbers[n] = a + 1;
                indexes[n] = i + 1;
                ids[n] = append.EventIds[i];
                types[n] = append.Types[i];
                data[n] = append.Data[i];
                metadata[n] = append.Metadata[i];
            }
        }
        var command = new NpgsqlCommand(PostgresSql.AppendMany);
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = streams });
        command.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = expected });
        command.Parameters.Add(new NpgsqlParameter<int[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, TypedValue = appendNumbers });
        command.Parameters.Add(new NpgsqlParameter<int[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, TypedValue = indexes });
        AddEventParameters(command, ids, types, data, metadata);
        return command;
    }

    static void AddEventParameters(NpgsqlCommand command, Guid[] ids, string[] types, string?[] data, string?[] metadata)
    {
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, TypedValue = ids });
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = types });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, TypedValue = data });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, TypedValue = metadata });
    }

    /// <summary>
    /// The append was not written (expected revision did not hold, or a unique index refused it). If every one of
    /// its event ids is already in this stream it is an idempotent retry: report the original append. Otherwise it
    /// conflicts — also when only some ids are stored, or stored in another stream (ids are unique store-wide);
    /// EventStoreDB reports such partial repeats as a wrong expected version too.
    /// </summary>
    async Task<AppendResult> ResolveRejectedAppendAsync(PendingAppend append, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(PostgresSql.FindStoredEvents);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = append.StreamId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, TypedValue = append.EventIds });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var head = reader.GetInt64(0);
        var storedInThisStream = reader.GetInt64(1);
        if (storedInThisStream == append.Count)
            return new AppendResult(reader.GetInt64(3), (ulong)reader.GetInt64(4), Duplicate: true);
        throw new WrongExpectedVersionException(append.StreamId, append.Expected, head);
    }

    /// <summary>An empty append writes nothing but still checks the expected revision (like EventStoreDB).</summary>
    async Task<AppendResult> AppendNothingAsync(string streamId, ExpectedRevision expected, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(PostgresSql.StreamHead);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = streamId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var (head, position) = await reader.ReadAsync(ct) ? (reader.GetInt64(0), (ulong)reader.GetInt64(1)) : (-1L, 0UL);
        if (!expected.IsAny && expected.Value != head) throw new WrongExpectedVersionException(streamId, expected, head);
        return new AppendResult(head, position, Duplicate: false);
    }
}
