using Npgsql;
using NpgsqlTypes;

namespace CallCenter.EventStore;

/// <summary>
/// The PostgreSQL adapter of <see cref="IEventStore"/> (the embedded default): one append-only table,
/// eventstore.events. Every append is one transaction with one INSERT statement (one round trip); that
/// is what keeps $all readers from skipping late commits — see docs/decisions/0002-event-store-positions.md.
/// Do not append inside a longer transaction of your own (e.g. an ambient TransactionScope).
/// </summary>
public sealed partial class PostgresEventStore : IEventStore
{
    /// <summary>Positions reserve 20 bits for the index of an event within one append.</summary>
    public const int MaxEventsPerAppend = (1 << 20) - 1;

    const string StreamRevisionConstraint = "events_stream_revision_key";
    const int MaxRetriesOnAnyRevision = 10;

    readonly NpgsqlDataSource _dataSource;
    readonly PostgresEventStoreOptions _options;
    readonly WakeUpSignal _appended = new(); // wakes this instance's subscriptions

    public PostgresEventStore(NpgsqlDataSource dataSource, PostgresEventStoreOptions? options = null)
    {
        _dataSource = dataSource;
        _options = options ?? new PostgresEventStoreOptions();
        if (_options.PageSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "PageSize must be at least 1.");
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

        var batch = AppendBatch.From(events);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (head, lastPosition) = await InsertAsync(streamId, expected, batch, ct);
                if (lastPosition is { } position)
                {
                    _appended.Signal();
                    return new AppendResult(head + events.Count, (ulong)position, Duplicate: false);
                }
                return await ResolveRejectedAppendAsync(streamId, expected, batch, ct); // expected revision did not hold
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // A concurrent append took the same revision(s), or an event id is stored already.
                // With "any" the caller does not care where the events land: read the new head and try again.
                if (expected.IsAny && ex.ConstraintName == StreamRevisionConstraint && attempt < MaxRetriesOnAnyRevision) continue;
                return await ResolveRejectedAppendAsync(streamId, expected, batch, ct);
            }
        }
    }

    async Task<(long Head, long? LastPosition)> InsertAsync(string streamId, ExpectedRevision expected, AppendBatch batch,
        CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(PostgresSql.Append, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = expected.Value });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, TypedValue = batch.EventIds });
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = batch.Types });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, TypedValue = batch.Data });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, TypedValue = batch.Metadata });
        await command.PrepareAsync(ct); // a no-op when this pooled connection has prepared it before

        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }

    /// <summary>
    /// The append was not written (expected revision did not hold, or a unique index refused it). If every one of
    /// its event ids is already in this stream it is an idempotent retry: report the original append. Otherwise it
    /// conflicts — also when only some ids are stored, or stored in another stream (ids are unique store-wide).
    /// </summary>
    async Task<AppendResult> ResolveRejectedAppendAsync(string streamId, ExpectedRevision expected, AppendBatch batch,
        CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(PostgresSql.FindStoredEvents);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, TypedValue = batch.EventIds });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var head = reader.GetInt64(0);
        var storedInThisStream = reader.GetInt64(1);
        if (storedInThisStream == batch.EventIds.Length)
            return new AppendResult(reader.GetInt64(3), (ulong)reader.GetInt64(4), Duplicate: true);
        throw new WrongExpectedVersionException(streamId, expected, head);
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
