using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Agents.Breaks;

/// <summary>The states of a break request (API.md "Supervisor", plus <c>ended</c> once the agent is back).</summary>
public static class BreakStates
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Denied = "denied";
    public const string Cancelled = "cancelled";
    public const string Ended = "ended";
    public static readonly string[] All = [Pending, Approved, Denied, Cancelled, Ended];
}

// Events on `breaks-{teamId}`: one stream per team, the consistency boundary of "at most N of the team away" (decision 0024).
public abstract record BreakEvent(string TeamId, string RequestId, DateTimeOffset At);
public sealed record BreakRequested(string TeamId, string RequestId, string AgentId, string ReasonCode, DateTimeOffset At) : BreakEvent(TeamId, RequestId, At);
/// <summary>Granted by a supervisor, or automatically (a reason without approval, or a place freed for the oldest waiting request).</summary>
public sealed record BreakApproved(string TeamId, string RequestId, bool Automatic, DateTimeOffset At) : BreakEvent(TeamId, RequestId, At);
public sealed record BreakDenied(string TeamId, string RequestId, DateTimeOffset At) : BreakEvent(TeamId, RequestId, At);
/// <summary>Withdrawn by the agent, or the agent left (signed out, went ready) before the break began.</summary>
public sealed record BreakCancelled(string TeamId, string RequestId, DateTimeOffset At) : BreakEvent(TeamId, RequestId, At);
/// <summary>The agent is not ready with the reason: the break has begun.</summary>
public sealed record BreakStarted(string TeamId, string RequestId, DateTimeOffset At) : BreakEvent(TeamId, RequestId, At);
/// <summary>The agent left the break (ready, another state, signed out): the place is free.</summary>
public sealed record BreakEnded(string TeamId, string RequestId, DateTimeOffset At) : BreakEvent(TeamId, RequestId, At);

public sealed record BreakRequest(string Id, string AgentId, string ReasonCode, string State, DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt = null, bool Automatic = false, DateTimeOffset? StartedAt = null, DateTimeOffset? EndedAt = null)
{
    /// <summary>Holds a place: approved and not yet over (begun, or scheduled after the agent's wrap-up).</summary>
    public bool IsAway => State == BreakStates.Approved;
    public bool IsOpen => State is BreakStates.Pending or BreakStates.Approved;
}

/// <summary>A team's break requests in request order.</summary>
public sealed record TeamBreaks(IReadOnlyList<BreakRequest> Requests)
{
    public BreakRequest? Find(string id) => Requests.FirstOrDefault(r => r.Id == id);
    public BreakRequest? OpenOf(string agentId) => Requests.LastOrDefault(r => r.AgentId == agentId && r.IsOpen);
    public int AwayWith(string reasonCode) => Requests.Count(r => r.IsAway && r.ReasonCode == reasonCode);
}

public sealed class TeamBreaksStream : IStreamType<TeamBreaks, BreakEvent>
{
    public const string Prefix = "breaks-";
    public static string StreamId(string teamId) => Prefix + teamId;
    public static TeamBreaks Initial { get; } = new([]);

    public static TeamBreaks Evolve(TeamBreaks s, BreakEvent e) => e switch
    {
        BreakRequested x => s with { Requests = [.. s.Requests, new BreakRequest(x.RequestId, x.AgentId, x.ReasonCode, BreakStates.Pending, x.At)] },
        BreakApproved x => Set(s, x.RequestId, r => r with { State = BreakStates.Approved, DecidedAt = x.At, Automatic = x.Automatic }),
        BreakDenied x => Set(s, x.RequestId, r => r with { State = BreakStates.Denied, DecidedAt = x.At }),
        BreakCancelled x => Set(s, x.RequestId, r => r with { State = BreakStates.Cancelled, EndedAt = x.At }),
        BreakStarted x => Set(s, x.RequestId, r => r with { StartedAt = x.At }),
        BreakEnded x => Set(s, x.RequestId, r => r with { State = BreakStates.Ended, EndedAt = x.At }),
        _ => s,
    };

    static TeamBreaks Set(TeamBreaks s, string id, Func<BreakRequest, BreakRequest> change) =>
        s with { Requests = [.. s.Requests.Select(r => r.Id == id ? change(r) : r)] };

    public static string WireName(BreakEvent e) => e switch
    {
        BreakRequested => "BreakRequested.v1",
        BreakApproved => "BreakApproved.v1",
        BreakDenied => "BreakDenied.v1",
        BreakCancelled => "BreakCancelled.v1",
        BreakStarted => "BreakStarted.v1",
        BreakEnded => "BreakEnded.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static BreakEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "BreakRequested.v1" => Read<BreakRequested>(data),
        "BreakApproved.v1" => Read<BreakApproved>(data),
        "BreakDenied.v1" => Read<BreakDenied>(data),
        "BreakCancelled.v1" => Read<BreakCancelled>(data),
        "BreakStarted.v1" => Read<BreakStarted>(data),
        "BreakEnded.v1" => Read<BreakEnded>(data),
        _ => null,
    };

    static T? Read<T>(ReadOnlyMemory<byte> data) => JsonSerializer.Deserialize<T>(data.Span, Json.Options);
}
