using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Agents;

/// <summary>The agent states of R-STATE-1, as wire values.</summary>
public static class AgentStatus
{
    public const string SignedOut = "signedOut";
    public const string Ready = "ready";
    public const string NotReady = "notReady";
    public const string Talking = "talking";
    public const string WrapUp = "wrapUp";
}

// Events on the agent's stream `agent-{agentId}`; every one carries the time it happened.
public abstract record AgentEvent(string AgentId, DateTimeOffset At);
public sealed record AgentSignedIn(string AgentId, string? Extension, string[] SkillGroups, DateTimeOffset At) : AgentEvent(AgentId, At);
public sealed record AgentBecameReady(string AgentId, DateTimeOffset At) : AgentEvent(AgentId, At);
public sealed record AgentBecameNotReady(string AgentId, string ReasonCode, DateTimeOffset At) : AgentEvent(AgentId, At);
public sealed record AgentStartedWrapUp(string AgentId, DateTimeOffset At) : AgentEvent(AgentId, At);
public sealed record AgentEndedWrapUp(string AgentId, DateTimeOffset At) : AgentEvent(AgentId, At);
public sealed record AgentSignedOut(string AgentId, DateTimeOffset At) : AgentEvent(AgentId, At);
// Follow from the PBX's call events (see Calls/CallsToAgents.cs): facts, not requests, so no decider refuses them.
/// <summary>The agent is on a call (answered, dialed, or joined a three-way). Internal: no customer on it, so no tag is needed.</summary>
public sealed record AgentCallStarted(string AgentId, string CallId, DateTimeOffset At, bool Internal = false) : AgentEvent(AgentId, At);
public sealed record AgentCallEnded(string AgentId, string CallId, DateTimeOffset At) : AgentEvent(AgentId, At);
public sealed record AgentCallTagged(string AgentId, string CallId, DateTimeOffset At) : AgentEvent(AgentId, At);
/// <summary>R-STATE-3: when the current call and its after-call work are over (the call tagged), go not ready with this reason (a break asked for from a call or after-call work).</summary>
public sealed record AgentBreakScheduled(string AgentId, string ReasonCode, string? RequestId, DateTimeOffset At) : AgentEvent(AgentId, At);
/// <summary>R-PHONE-12: the skill groups the agent takes calls for now (a subset of the assigned ones).</summary>
public sealed record AgentSkillGroupsChanged(string AgentId, string[] SkillGroups, DateTimeOffset At) : AgentEvent(AgentId, At);
/// <summary>R-PHONE-2: offered calls are answered at once.</summary>
public sealed record AgentAutoAnswerSet(string AgentId, bool On, DateTimeOffset At) : AgentEvent(AgentId, At);
/// <summary>R-PHONE-13: forward calls for this agent to Number (Mode "off" clears it).</summary>
public sealed record AgentForwardingSet(string AgentId, Forwarding Forwarding, DateTimeOffset At) : AgentEvent(AgentId, At);

/// <summary>
/// Call forwarding (R-PHONE-13). Mode: off, unconditional, noAnswer (after NoAnswerSeconds of ringing), busy (while on a call),
/// timeWindow (unconditional between From and To, local time of the center).
/// </summary>
public sealed record Forwarding(string Mode, string? Number, int? NoAnswerSeconds = null, TimeOnly? From = null, TimeOnly? To = null)
{
    public static readonly string[] Modes = ["off", "unconditional", "noAnswer", "busy", "timeWindow"];
    public static readonly Forwarding Off = new("off", null);
}

/// <summary>
/// Only what decisions (and the PBX's routing) need. OnCalls: the calls the agent is on now, the current one last;
/// InternalCalls: those of them with no customer. Resume: the state to return to after an internal call.
/// </summary>
public sealed record Agent(string Status, string? ReasonCode, DateTimeOffset? Since, string? Extension, string[] SkillGroups,
    string? CurrentCallId = null, string? UntaggedCallId = null, string? LastTaggedCallId = null)
{
    public string[] OnCalls { get; init; } = [];
    /// <summary>R-TAG-2: further ended customer calls waiting for a tag after UntaggedCallId (e.g. a call dialled out while holding).</summary>
    public string[] MoreUntagged { get; init; } = [];
    public string[] InternalCalls { get; init; } = [];
    public string? ResumeStatus { get; init; }
    public string? ResumeReasonCode { get; init; }
    public bool AutoAnswer { get; init; }
    public Forwarding Forwarding { get; init; } = Forwarding.Off;
    /// <summary>R-STATE-3: the not-ready reason the agent goes to when after-call work ends (<see cref="AgentBreakScheduled"/>); cleared by any state change.</summary>
    public string? ScheduledReasonCode { get; init; }
    /// <summary>The latest event time folded so far: an event older than this arrived late (it is folded in event-time order).</summary>
    public DateTimeOffset? LastAt { get; init; }
    /// <summary>The highest <see cref="AgentStream.TieRank"/> folded at <see cref="LastAt"/>.</summary>
    public int LastRank { get; init; }

    /// <summary>True when <paramref name="e"/> belongs before what is already folded (it arrived late), in event-time order.</summary>
    public bool IsLate(AgentEvent e) => LastAt is { } last && (e.At < last || e.At == last && AgentStream.TieRank(e) < LastRank);

    public bool IsSignedIn => Status != AgentStatus.SignedOut;
}

public sealed class AgentStream : IStreamType<Agent, AgentEvent>
{
    public static bool FoldsInEventTime => true;
    public static DateTimeOffset EventTime(AgentEvent e) => e.At;
    public static int EventRank(AgentEvent e) => TieRank(e);
    public const string Prefix = "agent-";
    public static string StreamId(string agentId) => Prefix + agentId;
    public static Agent Initial { get; } = new(AgentStatus.SignedOut, null, null, null, []);

    /// <summary>
    /// Folds one event. Streams are folded in event-time order (<see cref="FoldsInEventTime"/>), whatever order the events were
    /// stored in. A state reported while the agent is on a call (a PBX whose ACD keeps agent state) is where the agent goes
    /// when the calls are over; the agent stays talking until then.
    /// </summary>
    public static Agent Evolve(Agent s, AgentEvent e) => Apply(s, e) with
    {
        ScheduledReasonCode = e switch
        {
            AgentBreakScheduled x => x.ReasonCode,
            AgentBecameReady or AgentBecameNotReady or AgentEndedWrapUp or AgentSignedOut => null,
            _ => s.ScheduledReasonCode,
        },
        LastAt = s.LastAt is { } last && last > e.At ? last : e.At,
        LastRank = s.LastAt is { } l && l > e.At ? s.LastRank : s.LastAt == e.At ? Math.Max(s.LastRank, TieRank(e)) : TieRank(e),
    };

    /// <summary>
    /// The order of events stamped with the same time, whatever order they were stored in (a PBX reports whole seconds): a
    /// sign-in first, then what ends (a call leg, after-call work, a tag), then states, then what starts (a call), a sign-out last.
    /// </summary>
    public static int TieRank(AgentEvent e) => e switch
    {
        AgentSignedIn => 0,
        AgentCallEnded => 1,
        AgentStartedWrapUp => 2,
        AgentCallTagged => 3,
        AgentEndedWrapUp => 4,
        AgentBecameReady or AgentBecameNotReady => 5,
        AgentCallStarted => 6,
        AgentSignedOut => 8,
        _ => 7,
    };

    /// <summary>Event-time order: by time, then <see cref="TieRank"/> (then as stored: the sort is stable).</summary>
    public static IEnumerable<T> InEventTime<T>(IEnumerable<T> events, Func<T, AgentEvent> of) =>
        events.OrderBy(x => of(x).At).ThenBy(x => TieRank(of(x)));

    static Agent Apply(Agent s, AgentEvent e) => e switch
    {
        AgentSignedIn x when s.OnCalls.Length > 0 => s with { ResumeStatus = AgentStatus.NotReady, ResumeReasonCode = null, Extension = x.Extension, SkillGroups = x.SkillGroups },
        AgentSignedIn x => s with { Status = AgentStatus.NotReady, ReasonCode = null, Since = x.At, Extension = x.Extension, SkillGroups = x.SkillGroups },
        AgentBecameReady or AgentEndedWrapUp when s.OnCalls.Length > 0 => s with { ResumeStatus = AgentStatus.Ready, ResumeReasonCode = null },
        AgentBecameNotReady x when s.OnCalls.Length > 0 => s with { ResumeStatus = AgentStatus.NotReady, ResumeReasonCode = x.ReasonCode },
        AgentStartedWrapUp when s.OnCalls.Length > 0 => s,
        AgentBecameReady x => s with { Status = AgentStatus.Ready, ReasonCode = null, Since = x.At },
        AgentBecameNotReady x => s with { Status = AgentStatus.NotReady, ReasonCode = x.ReasonCode, Since = x.At },
        AgentStartedWrapUp x => s with { Status = AgentStatus.WrapUp, ReasonCode = null, Since = x.At },
        AgentEndedWrapUp x => s with { Status = AgentStatus.Ready, ReasonCode = null, Since = x.At },
        AgentSignedOut x => Initial with { Since = x.At, UntaggedCallId = s.UntaggedCallId, MoreUntagged = s.MoreUntagged, LastTaggedCallId = s.LastTaggedCallId, AutoAnswer = s.AutoAnswer, Forwarding = s.Forwarding },
        AgentCallStarted x => StartCall(s, x),
        AgentCallEnded x => EndCall(s, x),
        AgentCallTagged x => Tagged(s, x),
        AgentSkillGroupsChanged x => s with { SkillGroups = x.SkillGroups },
        AgentAutoAnswerSet x => s with { AutoAnswer = x.On },
        AgentForwardingSet x => s with { Forwarding = x.Forwarding },
        _ => s,
    };

    /// <summary>The tagged call leaves the calls to tag; the next one waiting (if any) is asked for next.</summary>
    static Agent Tagged(Agent s, AgentCallTagged x)
    {
        if (s.UntaggedCallId != x.CallId) return s with { MoreUntagged = [.. s.MoreUntagged.Where(c => c != x.CallId)], LastTaggedCallId = x.CallId };
        return s with { UntaggedCallId = s.MoreUntagged.FirstOrDefault(), MoreUntagged = [.. s.MoreUntagged.Skip(1)], LastTaggedCallId = x.CallId };
    }

    static Agent StartCall(Agent s, AgentCallStarted x)
    {
        if (s.OnCalls.Contains(x.CallId)) return s;
        var wasTalking = s.Status == AgentStatus.Talking;
        return s with
        {
            Status = AgentStatus.Talking, ReasonCode = null, Since = wasTalking ? s.Since : x.At, CurrentCallId = x.CallId,
            OnCalls = [.. s.OnCalls, x.CallId],
            InternalCalls = x.Internal ? [.. s.InternalCalls, x.CallId] : s.InternalCalls,
            ResumeStatus = wasTalking ? s.ResumeStatus : s.Status, ResumeReasonCode = wasTalking ? s.ResumeReasonCode : s.ReasonCode,
        };
    }

    /// <summary>
    /// A customer call that ends must be tagged (R-TAG-2), unless it was tagged before its end reached this stream.
    /// The agent stays talking while on another call; after the last one: after-call work, or, when only internal
    /// calls ended and nothing is left to tag, back to the state before the call. A call taken while signed out (a PBX
    /// that reports only calls, decision 0012) signs the agent in for the call only: signed out again when it ends.
    /// </summary>
    static Agent EndCall(Agent s, AgentCallEnded x)
    {
        var isInternal = s.InternalCalls.Contains(x.CallId);
        var needsTag = !isInternal && s.LastTaggedCallId != x.CallId;
        var untagged = needsTag && s.UntaggedCallId is null ? x.CallId : s.UntaggedCallId;
        // a second ended customer call while one waits for its tag (dialled out while holding): it waits its turn, never lost
        string[] more = needsTag && untagged != x.CallId && !s.MoreUntagged.Contains(x.CallId) ? [.. s.MoreUntagged, x.CallId] : s.MoreUntagged;
        if (!s.OnCalls.Contains(x.CallId)) return s; // never on it (e.g. rang, then forwarded): nothing to tag
        string[] remaining = [.. s.OnCalls.Where(c => c != x.CallId)];
        var after = s with { OnCalls = remaining, InternalCalls = [.. s.InternalCalls.Where(c => c != x.CallId)], UntaggedCallId = untagged, MoreUntagged = more };
        if (remaining.Length > 0) return after with { CurrentCallId = remaining[^1] };
        var callOnly = s.ResumeStatus == AgentStatus.SignedOut;
        var resume = callOnly || untagged is null && isInternal && s.ResumeStatus is { } r && r != AgentStatus.Talking;
        return after with
        {
            Status = resume ? s.ResumeStatus! : AgentStatus.WrapUp, ReasonCode = resume ? s.ResumeReasonCode : null,
            Since = x.At, CurrentCallId = null, ResumeStatus = null, ResumeReasonCode = null,
        };
    }

    public static string WireName(AgentEvent e) => e switch
    {
        AgentSignedIn => "AgentSignedIn.v1",
        AgentBecameReady => "AgentBecameReady.v1",
        AgentBecameNotReady => "AgentBecameNotReady.v1",
        AgentStartedWrapUp => "AgentStartedWrapUp.v1",
        AgentEndedWrapUp => "AgentEndedWrapUp.v1",
        AgentSignedOut => "AgentSignedOut.v1",
        AgentCallStarted => "AgentCallStarted.v1",
        AgentCallEnded => "AgentCallEnded.v1",
        AgentCallTagged => "AgentCallTagged.v1",
        AgentForwardingSet => "AgentForwardingSet.v1",
        AgentAutoAnswerSet => "AgentAutoAnswerSet.v1",
        AgentSkillGroupsChanged => "AgentSkillGroupsChanged.v1",
        AgentBreakScheduled => "AgentBreakScheduled.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static AgentEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "AgentSignedIn.v1" => Read<AgentSignedIn>(data),
        "AgentBecameReady.v1" => Read<AgentBecameReady>(data),
        "AgentBecameNotReady.v1" => Read<AgentBecameNotReady>(data),
        "AgentStartedWrapUp.v1" => Read<AgentStartedWrapUp>(data),
        "AgentEndedWrapUp.v1" => Read<AgentEndedWrapUp>(data),
        "AgentSignedOut.v1" => Read<AgentSignedOut>(data),
        "AgentCallStarted.v1" => Read<AgentCallStarted>(data),
        "AgentCallEnded.v1" => Read<AgentCallEnded>(data),
        "AgentCallTagged.v1" => Read<AgentCallTagged>(data),
        "AgentForwardingSet.v1" => Read<AgentForwardingSet>(data),
        "AgentAutoAnswerSet.v1" => Read<AgentAutoAnswerSet>(data),
        "AgentSkillGroupsChanged.v1" => Read<AgentSkillGroupsChanged>(data),
        "AgentBreakScheduled.v1" => Read<AgentBreakScheduled>(data),
        _ => null,
    };

    static T? Read<T>(ReadOnlyMemory<byte> data) => JsonSerializer.Deserialize<T>(data.Span, Json.Options);
}
