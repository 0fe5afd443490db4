using Npgsql;

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
    /// Give it to the event store only: without the reset, session state such as a session-level advisory lock
    /// taken by other code would stay on the pooled connection after it is closed.
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
}
