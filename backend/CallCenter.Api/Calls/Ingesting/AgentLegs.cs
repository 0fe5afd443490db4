using CallCenter.Agents;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Calls.Ingesting;

/// <summary>
/// The agent's side of the PBX's call facts (decision 0012): what a call event means for the agent on that leg, stored on
/// the agent's stream by the CTI ingestion in the same request as the call's fact. The id is derived from the call event's
/// id, so whoever writes a leg again (a repeated request, the <see cref="CallsToAgents"/> safety net) stores nothing twice.
/// </summary>
public static class AgentLegs
{
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

    /// <summary>The stored form of the leg that <paramref name="callEventId"/> caused.</summary>
    public static EventData ToEventData(AgentEvent leg, Guid callEventId, Guid? correlationId = null)
    {
        var metadata = new EventMetadata("pbx", EventMetadata.Sources.Pbx, correlationId ?? callEventId, CausationId: callEventId);
        return new EventData(DeterministicGuid.Create(callEventId, "agent:" + leg.AgentId), AgentStream.WireName(leg),
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(leg, leg.GetType(), Json.Options), metadata.ToJson());
    }
}
