using Npgsql;
using NpgsqlTypes;

namespace CallCenter.EventStore;

/// <summary>
/// The PostgreSQL adapter of <see cref="IEventStore"/> (the embedded default): one append-only table,
/// eventstore.events. Every write is one transaction with one INSERT statement (one round trip) — positions
/// and the $all horizon rely on that, see docs/decisions/0002-event-store-positions.md. Concurrent appends
/// are written together in one such transaction (<see cref="AppendBatcher"/>), each still checked on its own.
/// Do not append inside a longer transaction of your own (e.g. an ambient TransactionScope).
/// </summary>
public sealed partial class PostgresEventStore : IEventStore
{
    /// <summary>Positions reserve 20 bits for the index of an event within one append.</summary>
    public const int MaxEventsPerAppend = (1 << 20) - 1;

    const string StreamRevisionConstraint = "events_stream_revision_key";
    const int MaxRetriesOnAnyRevision = 10;
    const int MaxEventsPerBatch = 10_000;             // well below the 2^20 positions of one transaction
    const long MaxBytesPerBatch = 8 * 1024 * 1024;    // large events go (nearly) alone

    readonly NpgsqlDataSource _dataSource;
    readonly PostgresEventStoreOptions _options;
    readonly WakeUpSignal _appended = new(); // wakes this instance's subscriptions
    readonly AppendBatcher? _batcher;

    public PostgresEventStore(NpgsqlDataSource dataSource, PostgresEventStoreOptions? options = null)
    {
        _dataSource = dataSource;
        _options = options ?? new PostgresEventStoreOptions();
        if (_options.PageSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "PageSize must be at least 1.");
        if (_options.MaxConcurrentAppendBatches > 0)
            _batcher = new AppendBatcher(batch => WriteAsync(batch, CancellationToken.None), _options.MaxConcurrentAppendBatches,
                _options.MaxAppendsPerBatch, MaxEventsPerBatch, MaxBytesPerBatch);
    }

    /// <summary>
    /// A data source tuned for the event store: no session reset on returning a connection to the pool
    /// (the store sets no session state, and the reset would be executed before every append).
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString)
            .Build();

    /// <summary>Creates the schema if missing (eventstore/postgres/*.sql in name order). Safe to run concurrently.</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = PostgresSql.SchemaLockKey });
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        foreach (var script in PostgresSchema.Scripts())
        {
            await using var command = new NpgsqlCommand(script, connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync(ct) is 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

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
