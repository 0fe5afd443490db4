using CallCenter.Agents;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Calls.Ingesting;

/// <summary>
/// The agent events a PBX whose ACD keeps agent state reports (API.md, "CTI: agent events"), as facts on the agent's stream:
/// no decider refuses them (the PBX already decided), and they fold in event time with the agent's commands and call legs.
/// </summary>
public static class AgentFacts
{
    public static readonly string[] CtiTypes = ["AgentLoggedIn", "AgentLoggedOut", "AgentReady", "AgentNotReady", "AgentWrapUpStarted", "AgentWrapUpEnded"];

    public static bool IsAgentType(string? type) => type is not null && CtiTypes.Contains(type);

    /// <summary>AgentNotReady without a reason code counts under this reason.</summary>
    public const string UnspecifiedReason = "unspecified";

    public static AgentEvent ToEvent(CtiEvent e)
    {
        var (agent, at) = (e.AgentId!, e.OccurredAt!.Value);
        return e.Type switch
        {
            "AgentLoggedIn" => new AgentSignedIn(agent, e.Extension, e.SkillGroups ?? [], at),
            "AgentLoggedOut" => new AgentSignedOut(agent, at),
            "AgentReady" => new AgentBecameReady(agent, at),
            "AgentNotReady" => new AgentBecameNotReady(agent, string.IsNullOrEmpty(e.ReasonCode) ? UnspecifiedReason : e.ReasonCode, at),
            "AgentWrapUpStarted" => new AgentStartedWrapUp(agent, at),
            "AgentWrapUpEnded" => new AgentEndedWrapUp(agent, at),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Type),
        };
    }

    public static EventData ToEventData(CtiEvent e, EventMetadata? by)
    {
        var fact = ToEvent(e);
        var metadata = by ?? new EventMetadata("pbx", EventMetadata.Sources.Pbx, DeterministicGuid.Create(Guid.Empty, "agent:" + e.AgentId));
        return new EventData(e.EventId!.Value, AgentStream.WireName(fact),
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(fact, fact.GetType(), Json.Options), metadata.ToJson());
    }
}
