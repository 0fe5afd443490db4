namespace CallCenter.Calls.LiveCalls;

/// <summary>One agent on a live call: ringing, talking or held, muted or not.</summary>
public sealed record LiveParty(string AgentId, string State, bool Muted, DateTimeOffset Since);

/// <summary>A supervisor on a live call (R-SUP): mode monitor, whisper, barge or intercept, since when.</summary>
public sealed record LiveSupervisor(string SupervisorId, string Mode, DateTimeOffset Since);

/// <summary>
/// A call in progress as the softphone shows it (the `callChanged` push and GET /api/agents/{id}/calls): who is on it
/// and in what state. Folded from the call's events alone, by event time, so a rebuild gives the same rows.
/// </summary>
public sealed record LiveCall(string CallId, string Direction, string Kind, string? Ani, string? Dnis, string[] IvrTrail, string? Queue,
    string? ConsultFor, DateTimeOffset StartedAt, bool Ended, LiveParty[] Parties, int? Position = null, int? ExpectedWaitSeconds = null,
    DateTimeOffset? QueuedAt = null, LiveSupervisor? Supervisor = null)
{
    /// <summary>What the agents on the call see: a silent monitor is not shown to them (R-SUP-1).</summary>
    public LiveCall ForAgents() => Supervisor is { Mode: SupervisionModes.Monitor } ? this with { Supervisor = null } : this;

    public static class States
    {
        public const string Ringing = "ringing";
        public const string Talking = "talking";
        public const string Held = "held";
    }

    /// <summary>Folds one event; null when the event does not start a call and there is none yet (e.g. a tag after the end).</summary>
    public static LiveCall? Evolve(LiveCall? s, CallEvent e) => (s, e) switch
    {
        (_, CallArrived x) => new LiveCall(x.CallId, "inbound", "inbound", x.Ani, x.Dnis, x.IvrTrail, null, null, x.At, false, []),
        (_, CallDialed x) => new LiveCall(x.CallId, x.Kind == CallKinds.Outbound ? "outbound" : "internal", x.Kind, x.Number ?? x.TargetAgentId ?? x.TargetQueue,
            null, [], x.TargetQueue, x.ConsultFor, x.At, false, [new LiveParty(x.AgentId, States.Talking, false, x.At)]),
        (null, _) => null,
        (_, CallQueued x) => s with { Queue = x.Queue, QueuedAt = s.QueuedAt ?? x.At, Position = x.Position, ExpectedWaitSeconds = x.ExpectedWaitSeconds, Parties = Without(s.Parties, p => p.State == States.Ringing) },
        (_, CallOffered x) => s with { Queue = x.Queue ?? s.Queue, Parties = [.. Without(s.Parties, p => p.AgentId == x.AgentId || p.State == States.Ringing), new LiveParty(x.AgentId, States.Ringing, false, x.At)] },
        (_, CallAnswered x) => s with { Parties = [.. Without(s.Parties, p => p.AgentId == x.AgentId || p.State == States.Ringing), new LiveParty(x.AgentId, States.Talking, false, x.At)] },
        (_, CallHeld x) => Set(s, x.AgentId, p => p with { State = States.Held, Since = x.At }),
        (_, CallRetrieved x) => Set(s, x.AgentId, p => p with { State = States.Talking, Since = x.At }),
        (_, CallMuted x) => Set(s, x.AgentId, p => p with { Muted = true }),
        (_, CallUnmuted x) => Set(s, x.AgentId, p => p with { Muted = false }),
        (_, CallTransferred x) => s with { Parties = Without(s.Parties, p => p.AgentId == x.AgentId) },
        (_, CallConferenced x) => Set(s, x.AgentId, p => p with { State = States.Talking }) is var joined && x.TargetAgentId is { } t
            ? joined with { Parties = [.. Without(joined.Parties, p => p.AgentId == t), new LiveParty(t, States.Talking, false, x.At)] }
            : joined,
        (_, CallPartyLeft { AgentId: { } a }) => s with { Parties = Without(s.Parties, p => p.AgentId == a) },
        (_, CallSupervised { Mode: SupervisionModes.Leave }) => s with { Supervisor = null },
        (_, CallSupervised { Mode: SupervisionModes.Release }) => s,
        (_, CallSupervised x) => s with { Supervisor = new LiveSupervisor(x.SupervisorId, x.Mode, x.At) },
        (_, CallEnded or CallAbandoned or CallRejected or VoiceMessageLeft) => s with { Ended = true, Parties = [] },
        _ => s,
    };

    static LiveParty[] Without(LiveParty[] parties, Func<LiveParty, bool> drop) => [.. parties.Where(p => !drop(p))];

    static LiveCall Set(LiveCall s, string agentId, Func<LiveParty, LiveParty> change) =>
        s with { Parties = [.. s.Parties.Select(p => p.AgentId == agentId ? change(p) : p)] };
}
