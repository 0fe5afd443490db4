using CallCenter.Calls.Ingesting;
using CallCenter.Infrastructure.EventSourcing;
using Mediator;

namespace CallCenter.Telephony.Pbx;

/// <summary>
/// The built-in simulated PBX (DESIGN §6): it implements the telephony port for the softphone and the callers'
/// side for the traffic generator, runs the ACD, and reports every fact through CTI ingestion — the same path a
/// real PBX connector uses — with the agent who pressed the button as the event's actor.
/// One lock serialises its state changes; a fact is stored before the method returns.
/// </summary>
public sealed partial class SimulatedPbx(IServiceScopeFactory scopes, IAcd acd, PbxAgents agents,
    Infrastructure.CenterClock center, ILogger<SimulatedPbx> log)
    : ITelephony, ISimulatedCallers
{
    public const int RingSeconds = 20;
    readonly SemaphoreSlim gate = new(1, 1);
    readonly Dictionary<string, PbxCall> calls = new(StringComparer.Ordinal);
    /// <summary>When each agent last left a call: the read model must show a newer state before the ACD offers again.</summary>
    readonly Dictionary<string, DateTimeOffset> lastLeft = new(StringComparer.Ordinal);
    long sequence;

    static readonly EventMetadata PbxItself = new("pbx", EventMetadata.Sources.Pbx, Guid.Empty);

    /// <summary>
    /// One time for every fact of one operation (so "left at" equals the reported end), on the center's wall clock (its
    /// zone, never the server's): business hours and forwarding windows read its time of day.
    /// </summary>
    DateTimeOffset Now => operationTime ?? center.Now;
    DateTimeOffset? operationTime;

    string NewCallId() => $"{CallIdPrefix}{Now:yyyyMMddHHmmss}-{Interlocked.Increment(ref sequence):D5}";
    const string CallIdPrefix = "SIM-";

    /// <summary>The calls this PBX placed or took (its own call ids); a PBX connector's calls are never its to end.</summary>
    public static bool OwnsCall(string callId) => callId.StartsWith(CallIdPrefix, StringComparison.Ordinal);

    async Task<T> Locked<T>(Func<Task<T>> action, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        operationTime = center.Now;
        try { return await action(); }
        finally { operationTime = null; gate.Release(); }
    }

    Task Locked(Func<Task> action, CancellationToken ct) => Locked(async () => { await action(); return true; }, ct);

    PbxCall Find(string callId) =>
        calls.TryGetValue(callId, out var call) ? call : throw new NotFoundException($"There is no call '{callId}' in progress.");

    static PbxLeg LegOf(PbxCall call, string agentId) =>
        call.LegOf(agentId) ?? throw new ForbiddenException($"'{agentId}' is not on call '{call.Id}'.");

    /// <summary>A fact to report, by type; the fields are the CTI event's.</summary>
    CtiEvent Fact(string type, PbxCall call, string? agentId = null) => new(
        Guid.NewGuid(), type, call.Id, Now, call.Ani, null, null, agentId, call.Queue, null, null, null, null, null, null);

    /// <summary>Reports facts through CTI ingestion (stored when this returns). Metadata: who caused them.</summary>
    async Task ReportAsync(EventMetadata? by, CancellationToken ct, params CtiEvent[] facts)
    {
        if (facts.Length == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new IngestCtiEvents(facts, by ?? PbxItself with { CorrelationId = Guid.NewGuid() }), ct);
    }

    void Forget(PbxCall call)
    {
        calls.Remove(call.Id);
        foreach (var leg in call.Connected) lastLeft[leg.AgentId] = Now;
    }

    void Left(string agentId) => lastLeft[agentId] = Now;

    /// <summary>Whether the agent has a leg (ringing or connected) on any call the PBX holds.</summary>
    bool IsBusy(string agentId) => calls.Values.Any(c => c.LegOf(agentId) is not null);

    /// <summary>R-PHONE-4: an agent holding every call may still dial out, but gets no new offered call.</summary>
    bool HoldsOnly(string agentId) =>
        calls.Values.Select(c => c.LegOf(agentId)).Where(l => l is not null).All(l => l!.State == LegState.Held);

    /// <summary>Calls in progress and who is on them (copies: safe to read while the PBX works).</summary>
    public async Task<IReadOnlyList<PbxCallView>> SnapshotAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try { return [.. calls.Values.Select(c => new PbxCallView(c.Id, c.Queue, [.. c.Legs.Select(l => new PbxLegView(l.AgentId, l.State, l.Since))]))]; }
        finally { gate.Release(); }
    }
}
