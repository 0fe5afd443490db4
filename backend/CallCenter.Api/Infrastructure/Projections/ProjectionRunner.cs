using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Infrastructure.Projections;

/// <summary>
/// Runs every registered projection: one subscription each, from its stored checkpoint, applying
/// batches in one transaction with the checkpoint. A PostgreSQL advisory lock per projection makes
/// sure only one app instance runs it at a time (another instance takes over when the holder dies).
/// Batches grow while catching up (<see cref="BatchSizer"/>). Rebuilds build a new version beside the live one
/// (Rebuilds/VersionBuilder, decision 0006); this runner always runs the live version, in the public tables.
/// </summary>
public sealed class ProjectionRunner(
    IEnumerable<IProjection> projections, IEventStore store, IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource, ProjectionStatus status, ILogger<ProjectionRunner> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stop) =>
        Task.WhenAll(projections.Select(p => Task.Run(() => RunForeverAsync(p, stop), stop)));

    async Task RunForeverAsync(IProjection projection, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var lockConnection = await dataSource.OpenConnectionAsync(stop);
                if (!await TryLockAsync(lockConnection, projection.Name, stop))
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stop);
                    continue;
                }
                await RunAsync(projection, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                log.LogError(ex, "Projection {Name} failed; restarting from its checkpoint", projection.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ContinueWith(_ => { });
            }
        }
    }

    static async Task<bool> TryLockAsync(NpgsqlConnection connection, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select pg_try_advisory_lock(hashtext('projection:' || $1))", connection);
        cmd.Parameters.AddWithValue(name);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    async Task RunAsync(IProjection projection, CancellationToken stop)
    {
        ulong? checkpoint;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
            await EnsureStorageAsync(projection, db, stop);
            var row = await db.ProjectionCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Name == projection.Name, stop);
            checkpoint = row is null ? null : (ulong)row.Position;
        }
        status.Report(projection.Name, checkpoint);

        var sizer = new BatchSizer();
        await using var pump = new EventPump(store.SubscribeToAllAsync(checkpoint, projection.Filter, stop), BatchSizer.Max, stop);
        while (true)
        {
            var batch = await pump.NextAsync(sizer.Size, idle: null, stop);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await ApplyBatchAsync(projection, batch, stop);
            sizer.Applied(batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            status.Report(projection.Name, batch[^1].Position);
        }
    }

    /// <summary>Creates a projection's tables when missing; new tables mean a rebuild from position 0.</summary>
    public static async Task EnsureStorageAsync(IProjection projection, ReadModelDb db, CancellationToken ct)
    {
        if (await projection.EnsureStorageAsync(db, ct))
            await db.ProjectionCheckpoints.Where(c => c.Name == projection.Name).ExecuteDeleteAsync(ct);
    }

    async Task ApplyBatchAsync(IProjection projection, List<RecordedEvent> batch, CancellationToken ct)
    {
        object? applied;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await ProjectionSql.LockApplyAsync(db, projection.Name, ct); // a blue/green switch of this projection waits for the batch, and the batch for it
            applied = await projection.ApplyAsync(db, batch, ct);
            await ProjectionSql.UpsertCheckpointAsync(db, projection.Name, batch[^1].Position, batch[^1].Created, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await using var pushScope = scopes.CreateAsyncScope();
        try { await projection.AfterCommitAsync(applied, pushScope.ServiceProvider, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Live push of {Name} failed", projection.Name); }
    }
}

/// <summary>Where each projection is (for /api/projections and for tests that wait for catch-up).</summary>
public sealed class ProjectionStatus
{
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, ulong?> positions = new();
    public void Report(string name, ulong? position) => positions[name] = position;
    public ulong? PositionOf(string name) => positions.TryGetValue(name, out var p) ? p : null;
    public IReadOnlyDictionary<string, ulong?> All => positions;
}
