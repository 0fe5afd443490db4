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
public sealed record AgentCallStarted(string AgentId, string CallId, DateTimeOffset At) : AgentEvent(AgentId, At);
public sealed record AgentCallEnded(string AgentId, string CallId, DateTimeOffset At) : AgentEvent(AgentId, At);
public sealed record AgentCallTagged(string AgentId, string CallId, DateTimeOffset At) : AgentEvent(AgentId, At);

/// <summary>Only what decisions need.</summary>
public sealed record Agent(string Status, string? ReasonCode, DateTimeOffset? Since, string? Extension, string[] SkillGroups,
    string? CurrentCallId = null, string? UntaggedCallId = null, string? LastTaggedCallId = null)
{
    public bool IsSignedIn => Status != AgentStatus.SignedOut;
}

public sealed class AgentStream : IStreamType<Agent, AgentEvent>
{
    public const string Prefix = "agent-";
    public static string StreamId(string agentId) => Prefix + agentId;
    public static Agent Initial { get; } = new(AgentStatus.SignedOut, null, null, null, []);

    public static Agent Evolve(Agent s, AgentEvent e) => e switch
    {
        AgentSignedIn x => new Agent(AgentStatus.NotReady, null, x.At, x.Extension, x.SkillGroups, s.CurrentCallId, s.UntaggedCallId),
        AgentBecameReady x => s with { Status = AgentStatus.Ready, ReasonCode = null, Since = x.At },
        AgentBecameNotReady x => s with { Status = AgentStatus.NotReady, ReasonCode = x.ReasonCode, Since = x.At },
        AgentStartedWrapUp x => s with { Status = AgentStatus.WrapUp, ReasonCode = null, Since = x.At },
        AgentEndedWrapUp x => s with { Status = AgentStatus.Ready, ReasonCode = null, Since = x.At },
        AgentSignedOut x => Initial with { Since = x.At, UntaggedCallId = s.UntaggedCallId },
        AgentCallStarted x => s with { Status = AgentStatus.Talking, ReasonCode = null, Since = x.At, CurrentCallId = x.CallId },
        // A call tagged before its end reached the agent's stream needs no tag afterwards.
        AgentCallEnded x when s.CurrentCallId == x.CallId => s with
        {
            Status = AgentStatus.WrapUp, ReasonCode = null, Since = x.At, CurrentCallId = null,
            UntaggedCallId = s.LastTaggedCallId == x.CallId ? null : x.CallId,
        },
        AgentCallEnded x => s with { UntaggedCallId = s.LastTaggedCallId == x.CallId ? s.UntaggedCallId : x.CallId },
        AgentCallTagged x => s with { UntaggedCallId = s.UntaggedCallId == x.CallId ? null : s.UntaggedCallId, LastTaggedCallId = x.CallId },
        _ => s,
    };

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
        _ => null,
    };

    static T? Read<T>(ReadOnlyMemory<byte> data) => JsonSerializer.Deserialize<T>(data.Span, Json.Options);
}
