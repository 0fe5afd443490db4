using System.Diagnostics;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static CallCenter.Infrastructure.Projections.ProjectionSql;

namespace CallCenter.Infrastructure.Projections.Rebuilds;

/// <summary>
/// R-USE-2, decision 0006: builds version N of a projection from position 0 in its own schema while the live version
/// keeps running in public, then switches it in atomically. It never applies an event the live version has not applied
/// yet (so every live push still comes from the live runner, and nothing is pushed from the rebuild); once level with
/// the live checkpoint, one transaction holds the live runner's apply lock, applies the last few events, moves the new
/// tables into public, and records the new version.
/// </summary>
public sealed class VersionBuilder(IEventStore store, IServiceScopeFactory scopes, RebuildProgress progress, Faults.ProjectionFaults faults,
    ILogger<VersionBuilder> log)
{
    /// <summary>At most this many events are applied inside the switch transaction (while the live version waits).</summary>
    const int SwitchTail = 5_000;
    /// <summary>How long the switch waits for readers to let go of the live tables: well under deadlock_timeout (1 s).</summary>
    static readonly TimeSpan SwitchLockWait = TimeSpan.FromMilliseconds(300);
    static readonly TimeSpan SwitchRetryPause = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(100);

    public async Task BuildAsync(IProjection projection, int version, CancellationToken stop)
    {
        var schema = VersionSchema.Of(projection.Name, version);
        var key = VersionSchema.CheckpointKey(projection.Name, version);
        var checkpoint = await PrepareAsync(projection, schema, key, stop);
        await faults.SkippedAsync(projection.Name, stop); // events an admin skipped stay skipped in the new version (decision 0021)
        long? total = store is IEventStoreStatistics stats ? (await stats.BacklogAsync(checkpoint, projection.Filter, long.MaxValue, stop)).Events : null;
        await progress.StartedAsync(projection.Name, version, checkpoint, total);
        log.LogInformation("Rebuilding {Name} as version {Version} in {Schema} from {Checkpoint}", projection.Name, version, schema, checkpoint);

        var sizer = new BatchSizer();
        await using var pump = new EventPump(store.SubscribeToAllAsync(checkpoint, projection.Filter, stop), BatchSizer.Max, stop);
        var ahead = new List<RecordedEvent>(); // read, but past the live checkpoint: kept until the live version gets there
        while (true)
        {
            var batch = ahead.Count > 0 ? ahead : await pump.NextAsync(sizer.Size, Idle, stop);
            var live = await LiveCheckpointAsync(projection.Name, stop);
            var behind = batch.TakeWhile(e => live is { } l && e.Position <= l).ToList();
            ahead = batch[behind.Count..];
            if (behind.Count > 0)
            {
                var started = Stopwatch.GetTimestamp();
                await ApplyAsync(projection, schema, key, behind, stop);
                sizer.Applied(behind.Count, Stopwatch.GetElapsedTime(started));
                checkpoint = behind[^1].Position;
                await progress.AdvancedAsync(projection.Name, checkpoint.Value, behind.Count);
            }
            // Level with the live version (or nothing more to read): try to switch. Events past the live checkpoint are
            // left to the live runner, which applies them to whichever version is live by then.
            if (ahead.Count > 0 || batch.Count == 0)
            {
                if (await TrySwitchAsync(projection, version, schema, key, checkpoint, stop))
                {
                    await progress.SwitchedAsync(projection.Name);
                    log.LogInformation("Projection {Name} switched to version {Version}", projection.Name, version);
                    return;
                }
                if (ahead.Count > 0) await Task.Delay(Idle, stop); // the live version is a moment behind
            }
        }
    }

    /// <summary>Creates the schema and the projection's tables in it (its own DDL, unqualified); a new schema starts from position 0.</summary>
    async Task<ulong?> PrepareAsync(IProjection projection, string schema, string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var create = $"create schema if not exists {Quote(schema)}";
        await db.Database.ExecuteSqlRawAsync(create, ct);
        var empty = (await VersionSchema.RelationsAsync(await Sql.ConnectionAsync(db, ct), schema, ct)).Count == 0;
        await UseSchemaAsync(db, schema, ct);
        await projection.EnsureStorageAsync(db, ct);
        if (empty) await db.ProjectionCheckpoints.Where(c => c.Name == key).ExecuteDeleteAsync(ct);
        var row = await db.ProjectionCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Name == key, ct);
        await tx.CommitAsync(ct);
        return row is null ? null : (ulong)row.Position;
    }

    async Task<ulong?> LiveCheckpointAsync(string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        return await db.ProjectionCheckpoints.Where(c => c.Name == name).Select(c => (ulong?)c.Position).SingleOrDefaultAsync(ct);
    }

    /// <summary>A batch into the version's schema, with its checkpoint; no live pushes (AfterCommit is not called).</summary>
    async Task ApplyAsync(IProjection projection, string schema, string key, List<RecordedEvent> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await UseSchemaAsync(db, schema, ct);
        var applicable = batch.Where(e => !faults.IsSkipped(projection.Name, e.EventId)).ToList();
        if (applicable.Count > 0) await projection.ApplyAsync(db, applicable, ct);
        await UpsertCheckpointAsync(db, key, batch[^1].Position, batch[^1].Created, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The switch, in one transaction: hold the live runner's apply lock (its batches wait), read the live checkpoint,
    /// apply the events between ours and it, move the new tables into public (dropping the old version), record the version.
    /// False when the tail is still too long (keep catching up) or the locks were not had in time (retry).
    /// </summary>
    async Task<bool> TrySwitchAsync(IProjection projection, int version, string schema, string key, ulong? checkpoint, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("set local lock_timeout = '5s'", ct);
            await LockApplyAsync(db, projection.Name, ct);
            // The live tables first, all at once, giving way to readers rather than deadlocking with them (decision 0026).
            await VersionSchema.LockLiveAsync(await Sql.ConnectionAsync(db, ct), schema, SwitchLockWait, ct);
            var live = await db.ProjectionCheckpoints.Where(c => c.Name == projection.Name).Select(c => (ulong?)c.Position).SingleOrDefaultAsync(ct);
            var tail = new List<RecordedEvent>();
            if (live is { } l && (checkpoint ?? 0) < l)
                await foreach (var e in store.ReadAllAsync(checkpoint, projection.Filter, SwitchTail + 1, ct))
                {
                    if (e.Position > l) break;
                    tail.Add(e);
                }
            if (tail.Count > SwitchTail) return false; // not close yet: keep catching up
            // (An empty or shorter tail is complete: the live checkpoint is below the horizon, so $all up to it is readable.)

            await UseSchemaAsync(db, schema, ct);
            tail.RemoveAll(e => faults.IsSkipped(projection.Name, e.EventId));
            if (tail.Count > 0)
            {
                await projection.ApplyAsync(db, tail, ct);
                await db.SaveChangesAsync(ct);
            }
            await db.Database.ExecuteSqlRawAsync("set local search_path to public", ct);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await VersionSchema.MoveToPublicAsync(connection, schema, ct);
            await db.ProjectionCheckpoints.Where(c => c.Name == key).ExecuteDeleteAsync(ct);
            await VersionRegistry.SwitchAsync(connection, projection.Name, version, ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected)
        {
            log.LogInformation("Switch of {Name} to version {Version} gave way to readers ({State}); retrying", projection.Name, version, ex.SqlState);
            await tx.RollbackAsync(CancellationToken.None);
            await Task.Delay(SwitchRetryPause, ct);
            return false;
        }
    }
}
