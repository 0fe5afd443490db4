namespace CallCenter.Telephony.Pbx;

public enum LegState { Ringing, Talking, Held }

/// <summary>One agent's connection to a call, as the simulated PBX sees it.</summary>
public sealed class PbxLeg(string agentId, LegState state, DateTimeOffset since)
{
    public string AgentId { get; } = agentId;
    public LegState State { get; set; } = state;
    public DateTimeOffset Since { get; set; } = since;
    public bool Muted { get; set; }
}

/// <summary>
/// A call in the simulated PBX's memory (a real PBX keeps its calls in its own memory too; the truth for the
/// application is the call events it reports). Customer: the caller (inbound) is on the line; External: the
/// external number (outbound, or a number added to a conference) is on the line.
/// </summary>
public sealed class PbxCall(string id, string kind, DateTimeOffset startedAt)
{
    public string Id { get; } = id;
    /// <summary>"inbound" or a CallKinds value (outbound, internal, consult, help).</summary>
    public string Kind { get; } = kind;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public string? Ani { get; init; }
    public string? Queue { get; set; }
    public string? ConsultFor { get; init; }
    public string? DialedBy { get; init; }
    public bool Customer { get; set; }
    public bool External { get; set; }
    public List<PbxLeg> Legs { get; } = [];

    // Inbound only: the waiting caller.
    public DateTimeOffset? QueuedAt { get; set; }
    public int? PatienceSeconds { get; init; }
    public int? MaxWaitSeconds { get; set; }
    public int? SurveyScore { get; init; }
    public string? CustomerLevel { get; set; }
    /// <summary>Agents who let it ring out: not offered again.</summary>
    public HashSet<string> Skipped { get; } = [];

    /// <summary>The supervisor on the call (R-SUP) and how: monitor, whisper, barge or intercept.</summary>
    public string? Supervisor { get; set; }
    public string? SupervisionMode { get; set; }

    public bool IsInbound => Kind == "inbound";
    /// <summary>In a queue with nobody on it (an intercepted call has the supervisor on it, R-SUP-4).</summary>
    public bool IsWaiting => QueuedAt is not null && Legs.Count == 0 && !Calls.SupervisionModes.IsParty(SupervisionMode);
    public PbxLeg? LegOf(string agentId) => Legs.Find(l => l.AgentId == agentId);
    public PbxLeg? Ringing => Legs.Find(l => l.State == LegState.Ringing);
    public IEnumerable<PbxLeg> Connected => Legs.Where(l => l.State != LegState.Ringing);
    /// <summary>Parties on the line: connected agents plus the customer or external party, plus a barged-in or intercepting supervisor.</summary>
    public int Parties => Connected.Count() + (Customer ? 1 : 0) + (External ? 1 : 0) + (Calls.SupervisionModes.IsParty(SupervisionMode) ? 1 : 0);
}

public sealed record PbxLegView(string AgentId, LegState State, DateTimeOffset Since);
public sealed record PbxCallView(string Id, string? Queue, IReadOnlyList<PbxLegView> Legs);
