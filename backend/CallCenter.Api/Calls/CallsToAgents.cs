using CallCenter.Agents;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;

namespace CallCenter.Calls;

/// <summary>
/// Reactor: the agent's talking / after-call-work states follow from the PBX's call events.
/// It appends to the agent's stream with ids derived from the causing call event, so a replay
/// (after a crash between append and checkpoint, or a rebuild) appends nothing twice.
/// </summary>
public sealed class CallsToAgents(IEventStore store) : IReactor
{
    public string Name => "calls-to-agents";
    public EventFilter Filter { get; } = EventFilter.Streams(CallStream.Prefix);

    public Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct) => Task.FromResult(false);

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        foreach (var recorded in batch)
        {
            if (CallStream.Decode(recorded.Type, recorded.Data) is not { } call) continue;
            if (Follows(call) is not { } agentEvent) continue;
            var metadata = new EventMetadata("pbx", EventMetadata.Sources.Pbx, recorded.EventId, CausationId: recorded.EventId);
            var data = new EventData(
                DeterministicGuid.Create(recorded.EventId, "agent:" + agentEvent.AgentId),
                AgentStream.WireName(agentEvent),
                System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(agentEvent, agentEvent.GetType(), Json.Options),
                metadata.ToJson());
            await store.AppendAsync(AgentStream.StreamId(agentEvent.AgentId), ExpectedRevision.Any, [data], ct);
        }
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>What a call event means for the agents on it, if anything (the PBX reports each agent's leg separately).</summary>
    public static AgentEvent? Follows(CallEvent e) => e switch
    {
        CallAnswered x => new AgentCallStarted(x.AgentId, x.CallId, x.At, x.Internal),
        CallDialed x => new AgentCallStarted(x.AgentId, x.CallId, x.At, CallKinds.IsInternal(x.Kind)),
        CallConferenced { TargetAgentId: { } target } x => new AgentCallStarted(target, x.CallId, x.At),
        CallPartyLeft { AgentId: { } agent } x => new AgentCallEnded(agent, x.CallId, x.At),
        CallEnded { AgentId: { } agent } x => new AgentCallEnded(agent, x.CallId, x.At),
        CallTransferred x => new AgentCallEnded(x.AgentId, x.CallId, x.At),
        _ => null,
    };
}
