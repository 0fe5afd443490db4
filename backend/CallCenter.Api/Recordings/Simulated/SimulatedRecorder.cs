using CallCenter.Calls;
using CallCenter.Calls.Ingesting;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Recordings.Policy;
using CallCenter.Recordings.Storage;
using CallCenter.Recordings.Synthesis;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Recordings.Simulated;

/// <summary>
/// The simulated PBX's call recorder (docs/recordings.md). When one of the simulated PBX's calls (ids "SIM-…") ends
/// after a customer was connected, and the recording policy says so, it writes a speech-like WAV as long as the talk
/// time into the recording store and reports <see cref="RecordingReady"/> with its location through CTI ingestion —
/// the path a real PBX connector takes. The RecordingReady id derives from the CallEnded id: a replay reports nothing
/// twice. A recorder does not record the past: calls that ended more than <see cref="MaxLag"/> before it saw them
/// (e.g. on the first start over an old event store) are skipped.
/// </summary>
public sealed class SimulatedRecorder(IEventStore store, IRecordingStore recordings, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<SimulatedRecorder> log) : IReactor
{
    public const string SimulatedCallPrefix = "SIM-";
    public static readonly TimeSpan MaxLag = TimeSpan.FromHours(1);
    static readonly EventMetadata Pbx = new("pbx", EventMetadata.Sources.Pbx, Guid.Empty);

    public string Name => "simulated-recorder";
    public EventFilter Filter { get; } = new([CallStream.Prefix + SimulatedCallPrefix], ["CallEnded."]);

    public Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct) => Task.FromResult(false);

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        foreach (var recorded in batch)
        {
            if (CallStream.Decode(recorded.Type, recorded.Data) is not CallEnded ended) continue;
            if (clock.GetUtcNow() - ended.At > MaxLag) continue;
            var events = new List<CallEvent>();
            await foreach (var e in store.ReadStreamAsync(CallStream.StreamId(ended.CallId), ct: ct))
                if (CallStream.Decode(e.Type, e.Data) is { } decoded) events.Add(decoded);
            if (events.OfType<RecordingReady>().Any() || ConnectedCall.From(ended.CallId, events) is not { } call) continue;
            var team = await db.Users.AsNoTracking().Where(u => u.Id == call.AgentId).Select(u => u.Team).SingleOrDefaultAsync(ct);
            if (!(await PolicyAsync(ct)).ShouldRecord(call.CallId, call.Direction, call.Queue, team)) continue;

            var location = await recordings.SaveAsync(KeyOf(call), SpeechLikeWav.For(call.CallId, call.TalkSeconds), ct);
            var ready = new CtiEvent(DeterministicGuid.Create(recorded.EventId, "recording"), nameof(RecordingReady), call.CallId, ended.At,
                null, null, null, null, null, null, location, null, null, null, null, DurationSeconds: call.TalkSeconds);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new IngestCtiEvents([ready], Pbx with { CorrelationId = recorded.EventId, CausationId = recorded.EventId }), ct);
            log.LogDebug("Recorded {CallId}: {Seconds} s at {Location}", call.CallId, call.TalkSeconds, location);
        }
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>yyyy/MM/dd/{callId}.wav by the day the call ended (as the PBX reported it).</summary>
    public static string KeyOf(ConnectedCall call) => $"{call.EndedAt:yyyy'/'MM'/'dd}/{call.CallId}.wav";

    async Task<RecordingPolicy> PolicyAsync(CancellationToken ct)
    {
        var policy = RecordingPolicyStream.Initial;
        await foreach (var e in store.ReadStreamAsync(RecordingPolicyStream.StreamId(RecordingPolicyStream.Id), ct: ct))
            if (RecordingPolicyStream.Decode(e.Type, e.Data) is { } decoded) policy = RecordingPolicyStream.Evolve(policy, decoded);
        return policy;
    }
}
