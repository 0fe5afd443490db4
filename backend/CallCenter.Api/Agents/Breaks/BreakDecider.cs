using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Agents.Breaks;

/// <summary>A reason code's approval rule (admin reference data): needs a supervisor, at most MaxAway of a team away with it.</summary>
public sealed record BreakRule(bool NeedsApproval, int? MaxAway)
{
    public bool HasRoom(TeamBreaks s, string reasonCode) => MaxAway is not { } max || s.AwayWith(reasonCode) < max;
}

/// <summary>
/// Pure decisions on a team's breaks (R-STATE-3, decision 0024). A place is held from approval until the agent is back;
/// approval needs a free place; when a place frees, the oldest pending request for that reason is granted automatically.
/// </summary>
public static class BreakDecider
{
    public static IReadOnlyList<BreakEvent> Request(TeamBreaks s, string teamId, string requestId, string agentId, string reasonCode, BreakRule rule, DateTimeOffset at)
    {
        if (s.OpenOf(agentId) is { } open)
            throw new RuleViolationException($"Agent {agentId} already has a break request ({open.State}).", "breakOpen", new Dictionary<string, string> { ["state"] = open.State });
        var requested = new BreakRequested(teamId, requestId, agentId, reasonCode, at);
        return !rule.NeedsApproval && rule.HasRoom(s, reasonCode) ? [requested, new BreakApproved(teamId, requestId, true, at)] : [requested];
    }

    public static IReadOnlyList<BreakEvent> Approve(TeamBreaks s, string teamId, string requestId, BreakRule rule, DateTimeOffset at)
    {
        var r = Existing(s, requestId);
        if (r.State == BreakStates.Approved) return [];
        RequirePending(r);
        if (!rule.HasRoom(s, r.ReasonCode))
            throw new RuleViolationException($"{s.AwayWith(r.ReasonCode)} of the team are already away with '{r.ReasonCode}' (at most {rule.MaxAway}); the request waits for a free place.",
                "maxAway", new Dictionary<string, string> { ["max"] = rule.MaxAway.ToString()!, ["reason"] = r.ReasonCode });
        return [new BreakApproved(teamId, requestId, false, at)];
    }

    public static IReadOnlyList<BreakEvent> Deny(TeamBreaks s, string teamId, string requestId, DateTimeOffset at)
    {
        var r = Existing(s, requestId);
        if (r.State == BreakStates.Denied) return [];
        RequirePending(r);
        return [new BreakDenied(teamId, requestId, at)];
    }

    /// <summary>The agent withdraws a pending request, or one granted but not begun.</summary>
    public static IReadOnlyList<BreakEvent> Cancel(TeamBreaks s, string teamId, string requestId, Func<string, BreakRule> rules, DateTimeOffset at)
    {
        var r = Existing(s, requestId);
        if (r.State == BreakStates.Cancelled) return [];
        if (!r.IsOpen || r.StartedAt is not null) throw new RuleViolationException($"Break request {requestId} is {r.State}.", "breakNotOpen", new Dictionary<string, string> { ["state"] = r.State });
        return Then(s, teamId, new BreakCancelled(teamId, requestId, at), r, rules, at);
    }

    /// <summary>The agent is not ready with the reason: the granted break has begun.</summary>
    public static IReadOnlyList<BreakEvent> Started(TeamBreaks s, string teamId, string requestId, DateTimeOffset at) =>
        s.Find(requestId) is { State: BreakStates.Approved, StartedAt: null } ? [new BreakStarted(teamId, requestId, at)] : [];

    /// <summary>
    /// The agent left the break (or, before it began, went elsewhere or signed out): the place frees and the oldest pending
    /// requests for the reason are granted while there is room.
    /// </summary>
    public static IReadOnlyList<BreakEvent> AgentLeft(TeamBreaks s, string teamId, string requestId, Func<string, BreakRule> rules, DateTimeOffset at)
    {
        if (s.Find(requestId) is not { State: BreakStates.Approved } r) return [];
        BreakEvent over = r.StartedAt is null ? new BreakCancelled(teamId, requestId, at) : new BreakEnded(teamId, requestId, at);
        return Then(s, teamId, over, r, rules, at);
    }

    static IReadOnlyList<BreakEvent> Then(TeamBreaks s, string teamId, BreakEvent over, BreakRequest freed, Func<string, BreakRule> rules, DateTimeOffset at)
    {
        var events = new List<BreakEvent> { over };
        var state = TeamBreaksStream.Evolve(s, over);
        if (freed.State != BreakStates.Approved) return events; // a pending request held no place
        var rule = rules(freed.ReasonCode);
        foreach (var next in state.Requests.Where(q => q.State == BreakStates.Pending && q.ReasonCode == freed.ReasonCode).ToList())
        {
            if (!rule.HasRoom(state, next.ReasonCode)) break;
            var approved = new BreakApproved(teamId, next.Id, true, at);
            events.Add(approved);
            state = TeamBreaksStream.Evolve(state, approved);
        }
        return events;
    }

    static BreakRequest Existing(TeamBreaks s, string id) => s.Find(id) ?? throw new NotFoundException($"There is no break request '{id}'.");

    static void RequirePending(BreakRequest r)
    {
        if (r.State != BreakStates.Pending)
            throw new RuleViolationException($"Break request {r.Id} is {r.State}.", "breakNotPending", new Dictionary<string, string> { ["state"] = r.State });
    }
}
