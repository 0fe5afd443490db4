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
    NpgsqlDataSource dataSource, ProjectionStatus status, Faults.ProjectionFaults faults, Http.Outages outages,
    ILogger<ProjectionRunner> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stop) =>
        Task.WhenAll(projections.Select(p => Task.Run(() => RunForeverAsync(p, stop), stop)));

    /// <summary>
    /// Runs one projection until the app stops. A failing batch is narrowed down to its first failing event (batches of
    /// one through the failed batch's end); that event is tried again after each of <see cref="Faults.ProjectionFaults.RetryDelays"/>,
    /// then the projection is faulted and waits for an admin (retry or skip, decision 0021). An outage only waits.
    /// </summary>
    async Task RunForeverAsync(IProjection projection, CancellationToken stop)
    {
        ulong? isolateThrough = null;
        (ulong Position, int Attempts)? failing = null;
        var outageWait = 0;
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
                outageWait = 0;
                await RunAsync(projection, isolateThrough, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception ex) when (Http.Outages.IsOutage(ex))
            {
                outages.Failed(ex); // logged once per outage
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, ++outageWait)), stop).ContinueWith(_ => { });
            }
            catch (Faults.ProjectionStillFaultedException kept) // faulted before a restart: the same fault, waiting for the admin again
            {
                await faults.FaultAndWaitAsync(kept.Fault, stop, restored: true).ContinueWith(_ => { });
                failing = null;
            }
            catch (Faults.ProjectionBatchException batch) when (batch.Batch.Count > 1)
            {
                isolateThrough = batch.Batch[^1].Position; // again one event at a time, to find the one at fault
            }
            catch (Faults.ProjectionBatchException one)
            {
                var e = one.Batch[0];
                failing = failing?.Position == e.Position ? (e.Position, failing.Value.Attempts + 1) : (e.Position, 1);
                isolateThrough ??= e.Position;
                var delays = Faults.ProjectionFaults.RetryDelays;
                if (failing.Value.Attempts <= delays.Count)
                {
                    log.LogWarning("Projection {Name} failed on position {Position} ({Type}), attempt {Attempt}: {Error}",
                        projection.Name, e.Position, e.Type, failing.Value.Attempts, one.InnerException!.Message);
                    await Task.Delay(delays[failing.Value.Attempts - 1], stop).ContinueWith(_ => { });
                    continue;
                }
                await faults.FaultAndWaitAsync(new Faults.ProjectionFault(projection.Name, e.Position, e.EventId, e.Type, e.StreamId,
                    one.InnerException!.ToString().Split('\n')[0], failing.Value.Attempts, DateTimeOffset.UtcNow), stop).ContinueWith(_ => { });
                failing = null; // retried or skipped: a fresh count
            }
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

    async Task RunAsync(IProjection projection, ulong? isolateThrough, CancellationToken stop)
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
        await faults.SkippedAsync(projection.Name, stop);
        if (await faults.KeptAsync(projection.Name, checkpoint, stop) is { } kept) throw new Faults.ProjectionStillFaultedException(kept);

        var sizer = new BatchSizer();
        await using var pump = new EventPump(store.SubscribeToAllAsync(checkpoint, projection.Filter, stop), BatchSizer.Max, stop);
        while (true)
        {
            var isolating = isolateThrough is { } through && (checkpoint is null || checkpoint < through);
            var batch = await pump.NextAsync(isolating ? 1 : sizer.Size, idle: null, stop);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await ApplyBatchAsync(projection, batch, stop);
            sizer.Applied(batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            status.Report(projection.Name, checkpoint = batch[^1].Position);
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
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await ProjectionSql.LockApplyAsync(db, projection.Name, ct); // a blue/green switch of this projection waits for the batch, and the batch for it
            var applicable = batch.Where(e => !faults.IsSkipped(projection.Name, e.EventId)).ToList(); // an admin's skip (decision 0021)
            applied = applicable.Count == 0 ? null : await projection.ApplyAsync(db, applicable, ct);
            await ProjectionSql.UpsertCheckpointAsync(db, projection.Name, batch[^1].Position, batch[^1].Created, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !Http.Outages.IsOutage(ex))
        {
            throw new Faults.ProjectionBatchException(batch, ex);
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
