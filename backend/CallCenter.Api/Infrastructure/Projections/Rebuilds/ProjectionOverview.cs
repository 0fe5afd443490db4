using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Projections.Rebuilds;

/// <summary>How far behind the store's head a projection's live version is (AtLeast: the count stopped at its cap).</summary>
public sealed record ProjectionLag(long Events, bool AtLeast, double Seconds);

/// <summary>The rebuild part of a projection: the registry's request, and progress when this instance runs it.</summary>
public sealed record RebuildInfo(int Version, string Phase, ulong? Position, long Processed, long? Total, double EventsPerSecond,
    double? EtaSeconds, DateTimeOffset? RequestedAt, string? RequestedBy, string? Error);

/// <summary>One row of GET /api/projections. State: live | rebuilding | faulted (Fault: the event it stopped at and why).</summary>
public sealed record ProjectionInfo(string Name, bool Rebuildable, int? Version, string State, ulong? Position, DateTimeOffset? EventAt,
    ProjectionLag? Lag, RebuildInfo? Rebuild, Faults.ProjectionFault? Fault = null);

/// <summary>GET /api/projections: every projection's version, checkpoint, lag against the store's head, and rebuild.</summary>
public sealed class ProjectionOverview(IEnumerable<IProjection> projections, VersionRegistry registry, RebuildProgress progress, IEventStore store,
    Faults.ProjectionFaults faults)
{
    const long LagCap = 100_000;

    public async Task<List<ProjectionInfo>> AllAsync(ReadModelDb db, CancellationToken ct)
    {
        var versions = (await registry.AllAsync(ct)).ToDictionary(v => v.Name);
        var checkpoints = await db.ProjectionCheckpoints.AsNoTracking().ToDictionaryAsync(c => c.Name, ct);
        var stats = store as IEventStoreStatistics;
        var head = stats is null ? null : await stats.HeadAsync(ct);
        var list = new List<ProjectionInfo>();
        foreach (var p in projections.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var checkpoint = checkpoints.GetValueOrDefault(p.Name);
            var position = checkpoint is null ? (ulong?)null : (ulong)checkpoint.Position;
            ProjectionLag? lag = null;
            if (stats is not null && head is not null)
            {
                var backlog = await stats.BacklogAsync(position, p.Filter, LagCap, ct);
                lag = new ProjectionLag(backlog.Events, backlog.Capped,
                    backlog.OldestCreated is { } oldest ? Math.Max(0, (head.Created - oldest).TotalSeconds) : 0);
            }
            var version = versions.GetValueOrDefault(p.Name);
            var fault = faults.Of(p.Name);
            list.Add(new ProjectionInfo(p.Name, p is not IReactor, version?.Version,
                fault is not null ? "faulted" : version?.BuildingVersion is null ? "live" : "rebuilding",
                position, checkpoint?.UpdatedAt, lag, Rebuild(version, checkpoints), fault));
        }
        return list;
    }

    RebuildInfo? Rebuild(ProjectionVersion? version, Dictionary<string, ProjectionCheckpointRow> checkpoints)
    {
        if (version?.BuildingVersion is not { } building) return null;
        if (progress.Of(version.Name) is { } s && s.Version == building)
            return new RebuildInfo(building, s.Phase, s.Position, s.Processed, s.Total, s.EventsPerSecond, s.EtaSeconds, version.RequestedAt, version.RequestedBy, s.Error);
        var at = checkpoints.GetValueOrDefault(VersionSchema.CheckpointKey(version.Name, building)); // built by another instance, or not started yet
        return new RebuildInfo(building, "building", at is null ? null : (ulong)at.Position, 0, null, 0, null, version.RequestedAt, version.RequestedBy, null);
    }
}
