using System.Collections.Concurrent;
using Npgsql;

namespace CallCenter.Infrastructure.Projections.Rebuilds;

/// <summary>
/// Runs the rebuilds the registry asks for: at once when requested here, and every few seconds for requests of other
/// instances or a rebuild interrupted by a restart (it resumes from its version's checkpoint). One instance builds a
/// version at a time (advisory lock per projection); a failed build is retried.
/// </summary>
public sealed class RebuildRunner(IEnumerable<IProjection> projections, VersionRegistry registry, VersionBuilder builder,
    RebuildProgress progress, NpgsqlDataSource dataSource, Http.Outages outages, ILogger<RebuildRunner> log) : BackgroundService
{
    static readonly TimeSpan Look = TimeSpan.FromSeconds(5);
    readonly SemaphoreSlim wake = new(0);
    readonly ConcurrentDictionary<string, Task> running = new();

    public void Wake() => wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var byName = projections.Where(p => p is not IReactor).ToDictionary(p => p.Name);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (var row in await registry.AllAsync(stop))
                    if (row.BuildingVersion is { } version && byName.TryGetValue(row.Name, out var projection) && !running.ContainsKey(row.Name))
                        running[row.Name] = Task.Run(() => BuildAsync(projection, version, stop), stop);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested && Http.Outages.IsOutage(ex)) { outages.Failed(ex); } // logged once per outage
            catch (Exception ex) when (!stop.IsCancellationRequested) { log.LogWarning(ex, "Looking for rebuilds failed"); }
            try { await wake.WaitAsync(Look, stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    async Task BuildAsync(IProjection projection, int version, CancellationToken stop)
    {
        try
        {
            await using var lockConnection = await dataSource.OpenConnectionAsync(stop);
            await using var cmd = new NpgsqlCommand("select pg_try_advisory_lock(hashtext('projection-rebuild:' || $1))", lockConnection);
            cmd.Parameters.AddWithValue(projection.Name);
            if (!(bool)(await cmd.ExecuteScalarAsync(stop))!) return; // another instance builds it
            await builder.BuildAsync(projection, version, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception ex) when (Http.Outages.IsOutage(ex)) { outages.Failed(ex); } // the build is picked up again after the outage
        catch (Exception ex)
        {
            log.LogError(ex, "Rebuilding {Name} version {Version} failed; it will be retried", projection.Name, version);
            await progress.FailedAsync(projection.Name, ex.Message);
        }
        finally { running.TryRemove(projection.Name, out _); }
    }
}
