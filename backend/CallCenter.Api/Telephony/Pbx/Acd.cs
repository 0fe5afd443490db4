using CallCenter.Agents;

namespace CallCenter.Telephony.Pbx;

/// <summary>An agent as the PBX's ACD sees it (from the agent-states read model).</summary>
public sealed record PbxAgent(string AgentId, string Status, DateTimeOffset? Since, string? Extension, string[] SkillGroups,
    bool AutoAnswer, Forwarding Forwarding, string[] OnCalls);

/// <summary>The queue facts the PBX needs when a call arrives.</summary>
public sealed record AcdQueue(string Id, int MaxWaitSeconds, bool Open, string[] DutyAgents)
{
    /// <summary>The skill group whose agents serve the queue (default: its id).</summary>
    public string? SkillGroup { get; init; }
}

/// <summary>
/// The ACD's decisions (R-ACD-2…5) behind the simulated PBX: blacklist, which queue, who gets a waiting call.
/// The PBX owns the call mechanics; this owns the admin-configured policy.
/// </summary>
public interface IAcd
{
    Task<bool> IsBlockedAsync(string number, CancellationToken ct);
    /// <summary>R-ACD-4: an outbound call to this number is refused.</summary>
    Task<bool> IsBlockedOutboundAsync(string number, CancellationToken ct) => Task.FromResult(false);
    Task<AcdQueue> QueueForAsync(string? requested, string[] ivrTrail, DateTimeOffset now, CancellationToken ct);
    /// <summary>Pairs waiting calls with ready agents (each agent at most once), in the queue's serve order.</summary>
    Task<IReadOnlyList<(PbxCall Call, string AgentId)>> AssignAsync(string queue, IReadOnlyList<PbxCall> waiting,
        IReadOnlyList<PbxAgent> ready, DateTimeOffset now, CancellationToken ct);
    /// <summary>The agent who last served this caller (R-ACD-2 last-agent affinity); the PBX reports each answer.</summary>
    void Served(string ani, string agentId, DateTimeOffset at);
}
