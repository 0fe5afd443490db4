using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Recordings.Policy;
using CallCenter.Recordings.Storage;

namespace CallCenter.Recordings.Retention;

/// <summary>
/// The retention rule: a recording older than the policy's retention days (by the time the PBX reported it) is removed
/// from the store and a <see cref="RecordingDeleted"/> event says so. The file goes first, then the event (its id derives
/// from the recording, so a sweep interrupted between the two completes next time and never reports twice).
/// </summary>
public sealed class RetentionSweep(IServiceScopeFactory scopes, IRecordingStore store, IEventStore events)
{
    static readonly EventMetadata System = new("system", EventMetadata.Sources.System, Guid.Empty);

    /// <summary>Deletes what has expired at <paramref name="now"/>; returns the ids deleted.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<CommandPipeline>();
        var (policy, _) = await pipeline.LoadAsync<RecordingPolicyStream, RecordingPolicy, RecordingPolicyEvent>(RecordingPolicyStream.Id, ct);
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        var expired = await Sql.QueryAsync(await Sql.ConnectionAsync(db, ct), """
            select call_id, recording_uri from call_log
            where recording_uri is not null and recording_deleted_at is null and recording_at < $1
            order by recording_at limit 1000
            """, r => (Id: r.GetString(0), Location: r.GetString(1)), ct, (now - TimeSpan.FromDays(policy.RetentionDays)).ToUniversalTime());
        foreach (var (id, location) in expired)
        {
            if (store.Owns(location)) await store.DeleteAsync(location, ct);
            var deleted = new RecordingDeleted(id, "retention", now);
            var data = StreamTypeExtensions.Encode<RecordingStream, Recording, RecordingEvent>(deleted, System with { CorrelationId = Guid.NewGuid() })
                with { EventId = DeterministicGuid.Create(Guid.Empty, $"recording-deleted/{id}/{location}") };
            await events.AppendEachOnceAsync(RecordingStream.StreamId(id), [data], ct);
        }
        return [.. expired.Select(e => e.Id)];
    }
}

/// <summary>Runs the retention sweep every ten minutes.</summary>
public sealed class RetentionService(RetentionSweep sweep, TimeProvider clock, ILogger<RetentionService> log) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var deleted = await sweep.RunAsync(clock.GetUtcNow(), stop);
                if (deleted.Count > 0) log.LogInformation("Retention: deleted {Count} recordings", deleted.Count);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested) { log.LogWarning(ex, "Retention sweep failed; trying again later"); }
            try { await Task.Delay(Period, clock, stop); } catch (OperationCanceledException) { return; }
        }
    }
}
