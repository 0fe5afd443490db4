using System.Threading.Channels;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Infrastructure.Projections;

/// <summary>
/// Runs every registered projection: one subscription each, from its stored checkpoint, applying
/// batches in one transaction with the checkpoint. A PostgreSQL advisory lock per projection makes
/// sure only one app instance runs it at a time (another instance takes over when the holder dies).
/// </summary>
public sealed class ProjectionRunner(
    IEnumerable<IProjection> projections, IEventStore store, IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource, ProjectionStatus status, ILogger<ProjectionRunner> log) : BackgroundService
{
    const int MaxBatch = 500;

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

        var channel = Channel.CreateBounded<RecordedEvent>(new BoundedChannelOptions(MaxBatch * 4) { SingleReader = true, SingleWriter = true });
        using var pumpStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var pump = PumpAsync(store.SubscribeToAllAsync(checkpoint, projection.Filter, pumpStop.Token), channel.Writer, pumpStop.Token);
        try
        {
            var batch = new List<RecordedEvent>(MaxBatch);
            while (await channel.Reader.WaitToReadAsync(stop))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && channel.Reader.TryRead(out var e)) batch.Add(e);
                await ApplyBatchAsync(projection, batch, stop);
                status.Report(projection.Name, batch[^1].Position);
            }
            await pump; // surfaces a subscription failure
        }
        finally
        {
            pumpStop.Cancel();
            await pump.ContinueWith(_ => { });
        }
    }

    /// <summary>Creates a projection's tables when missing; new tables mean a rebuild from position 0.</summary>
    public static async Task EnsureStorageAsync(IProjection projection, ReadModelDb db, CancellationToken ct)
    {
        if (await projection.EnsureStorageAsync(db, ct))
            await db.ProjectionCheckpoints.Where(c => c.Name == projection.Name).ExecuteDeleteAsync(ct);
    }

    static async Task PumpAsync(IAsyncEnumerable<RecordedEvent> subscription, ChannelWriter<RecordedEvent> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var e in subscription.WithCancellation(ct)) await writer.WriteAsync(e, ct);
            writer.Complete();
        }
        catch (Exception ex) { writer.Complete(ex is OperationCanceledException ? null : ex); }
    }

    async Task ApplyBatchAsync(IProjection projection, List<RecordedEvent> batch, CancellationToken ct)
    {
        object? applied;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            applied = await projection.ApplyAsync(db, batch, ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                insert into projection_checkpoints (name, position, updated_at) values ({projection.Name}, {(long)batch[^1].Position}, {batch[^1].Created})
                on conflict (name) do update set position = excluded.position, updated_at = excluded.updated_at
                """, ct);
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
