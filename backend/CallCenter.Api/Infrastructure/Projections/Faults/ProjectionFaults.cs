using System.Collections.Concurrent;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Infrastructure.Projections.Faults;

/// <summary>The event a projection stopped at, and why (GET /api/projections, the SignalR message projectionFaulted).</summary>
public sealed record ProjectionFault(string Name, ulong Position, Guid EventId, string EventType, string StreamId, string Error,
    int Attempts, DateTimeOffset FaultedAt);

/// <summary>The recorded operator decision to pass over one event in one projection (stream <c>projection-{name}</c>).</summary>
public sealed record ProjectionEventSkipped(string Projection, ulong Position, Guid EventId, string EventType, string StreamId,
    string Reason, string By, DateTimeOffset At);

/// <summary>
/// Faulted projections (decision 0021): a projection that fails on the same event after <see cref="RetryDelays"/> stops
/// there, is listed as faulted, and admins are told live; an admin retries it or skips the event with a reason. A skip
/// is an event (<see cref="SkippedWire"/> in <c>projection-{name}</c>), read again at every start and by every rebuild,
/// so the event stays passed over for good. An outage (the database down) never faults a projection: it waits.
/// A fault is kept in <c>projection_faults</c> beside the checkpoints (decision 0026): after a restart the projection is
/// faulted at the same event, with the same error and since, and waits for the admin's decision again.
/// </summary>
public sealed class ProjectionFaults(IEventStore store, IHubContext<DesktopHub> hub, Npgsql.NpgsqlDataSource data, ILogger<ProjectionFaults> log)
{
    public const string TableSql = """
        create table if not exists projection_faults (
            name text primary key, position numeric(20) not null, event_id uuid not null, event_type text not null,
            stream_id text not null, error text not null, attempts int not null, faulted_at timestamptz not null
        );
        """;

    public static async Task EnsureTableAsync(Npgsql.NpgsqlDataSource data, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand(TableSql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public const string SkippedWire = "ProjectionEventSkipped.v1";
    public const string FaultedMessage = "projectionFaulted";

    /// <summary>The waits between attempts on one failing event; after the last, the projection is faulted.</summary>
    public static IReadOnlyList<TimeSpan> RetryDelays { get; set; } =
        [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    readonly ConcurrentDictionary<string, ProjectionFault> faults = new();
    readonly ConcurrentDictionary<string, TaskCompletionSource> decisions = new();
    readonly ConcurrentDictionary<string, HashSet<Guid>> skipped = new();

    public static string StreamId(string projection) => "projection-" + projection;

    public ProjectionFault? Of(string name) => faults.GetValueOrDefault(name);
    public IReadOnlyCollection<ProjectionFault> All => [.. faults.Values];

    /// <summary>The events an admin chose to skip in this projection (read from the store).</summary>
    public async Task<HashSet<Guid>> SkippedAsync(string projection, CancellationToken ct)
    {
        var set = new HashSet<Guid>();
        await foreach (var e in store.ReadStreamAsync(StreamId(projection), ct: ct))
            if (e.Type == SkippedWire && JsonSerializer.Deserialize<ProjectionEventSkipped>(e.Data.Span, Json.Options) is { } s) set.Add(s.EventId);
        skipped[projection] = set;
        return set;
    }

    public bool IsSkipped(string projection, Guid eventId) => skipped.TryGetValue(projection, out var set) && set.Contains(eventId);

    /// <summary>Records the fault, tells admins, and waits until an admin retries or skips.</summary>
    public async Task FaultAndWaitAsync(ProjectionFault fault, CancellationToken stop, bool restored = false)
    {
        var decision = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        decisions[fault.Name] = decision;
        faults[fault.Name] = fault;
        if (restored)
        {
            log.LogWarning("Projection {Name} is still faulted at position {Position} ({Type} in {Stream}) since {Since:O}: {Error}",
                fault.Name, fault.Position, fault.EventType, fault.StreamId, fault.FaultedAt, fault.Error);
            await decision.Task.WaitAsync(stop);
            return;
        }
        try { await SaveAsync(fault, stop); }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning("Keeping the fault of {Name} failed ({Error}); it holds until a restart", fault.Name, ex.Message); }
        log.LogError("Projection {Name} is faulted at position {Position} ({Type} in {Stream}) after {Attempts} attempts: {Error}",
            fault.Name, fault.Position, fault.EventType, fault.StreamId, fault.Attempts, fault.Error);
        try { await hub.Clients.Group(DesktopHub.AnalystsGroup).SendAsync(FaultedMessage, fault, stop); }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Telling admins about the fault of {Name} failed", fault.Name); }
        await decision.Task.WaitAsync(stop);
    }

    /// <summary>An admin's retry: the projection tries the event again (a fixed cause, e.g. a deployment).</summary>
    public async Task<bool> RetryAsync(string name, CancellationToken ct)
    {
        if (!faults.ContainsKey(name)) return false;
        await ForgetAsync(name, ct);
        if (!faults.TryRemove(name, out _)) return false;
        if (decisions.TryRemove(name, out var d)) d.TrySetResult();
        return true;
    }

    /// <summary>
    /// At a projection's start: the fault it was stopped at before the restart, when it still applies (the event is the
    /// next after the checkpoint and was not skipped); a stale one is forgotten.
    /// </summary>
    public async Task<ProjectionFault?> KeptAsync(string name, ulong? checkpoint, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand(
            "select position, event_id, event_type, stream_id, error, attempts, faulted_at from projection_faults where name = $1");
        cmd.Parameters.AddWithValue(name);
        ProjectionFault? kept = null;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct))
                kept = new ProjectionFault(name, (ulong)r.GetDecimal(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    r.GetInt32(5), r.GetFieldValue<DateTimeOffset>(6));
        if (kept is null) return null;
        if ((checkpoint is { } c && kept.Position <= c) || IsSkipped(name, kept.EventId))
        {
            await ForgetAsync(name, ct);
            return null;
        }
        return kept;
    }

    async Task SaveAsync(ProjectionFault f, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand("""
            insert into projection_faults (name, position, event_id, event_type, stream_id, error, attempts, faulted_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (name) do update set position = excluded.position, event_id = excluded.event_id, event_type = excluded.event_type,
                stream_id = excluded.stream_id, error = excluded.error, attempts = excluded.attempts, faulted_at = excluded.faulted_at
            """);
        foreach (var v in new object[] { f.Name, (decimal)f.Position, f.EventId, f.EventType, f.StreamId, f.Error, f.Attempts, f.FaultedAt.ToUniversalTime() })
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = v });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    async Task ForgetAsync(string name, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand("delete from projection_faults where name = $1");
        cmd.Parameters.AddWithValue(name);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>An admin's skip: records it as an event, then the projection goes on after the event.</summary>
    public async Task<ProjectionEventSkipped?> SkipAsync(string name, ulong position, string reason, EventMetadata by, DateTimeOffset at, CancellationToken ct)
    {
        if (faults.GetValueOrDefault(name) is not { } fault || fault.Position != position) return null;
        var skip = new ProjectionEventSkipped(name, position, fault.EventId, fault.EventType, fault.StreamId, reason, by.Actor, at);
        await store.AppendAsync(StreamId(name), ExpectedRevision.Any,
            [new EventData(DeterministicGuid.Create(Guid.Empty, $"skip:{name}:{fault.EventId}"), SkippedWire,
                JsonSerializer.SerializeToUtf8Bytes(skip, Json.Options), by.ToJson())], ct);
        skipped.AddOrUpdate(name, _ => [fault.EventId], (_, set) => [.. set, fault.EventId]);
        await ForgetAsync(name, ct);
        faults.TryRemove(name, out _);
        if (decisions.TryRemove(name, out var d)) d.TrySetResult();
        return skip;
    }
}

/// <summary>A batch a projection could not apply (the runner narrows a failing batch down to the one event).</summary>
/// <summary>A projection starts at an event it was faulted at before a restart (decision 0026).</summary>
public sealed class ProjectionStillFaultedException(ProjectionFault fault) : Exception($"Projection {fault.Name} is faulted at position {fault.Position}.")
{
    public ProjectionFault Fault { get; } = fault;
}

public sealed class ProjectionBatchException(IReadOnlyList<RecordedEvent> batch, Exception inner)
    : Exception($"Applying {batch.Count} event(s) from position {batch[0].Position} failed: {inner.Message}", inner)
{
    public IReadOnlyList<RecordedEvent> Batch { get; } = batch;
}
