using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Agents;

/// <summary>
/// Pure decisions for the agent-state commands (R-STATE-1, R-STATE-2, R-PHONE-1, R-PHONE-2).
/// A command that changes nothing decides [] (idempotent); a broken rule throws (422).
/// </summary>
public static class AgentDecider
{
    public static IReadOnlyList<AgentEvent> SignIn(Agent s, string agentId, string? extension, string[] skillGroups, DateTimeOffset at) =>
        s.IsSignedIn ? [] : [new AgentSignedIn(agentId, extension, skillGroups, at)];

    public static IReadOnlyList<AgentEvent> SignOut(Agent s, string agentId, DateTimeOffset at)
    {
        if (!s.IsSignedIn) return [];
        if (s.Status == AgentStatus.Talking) throw new RuleViolationException("An agent cannot sign out during a call.", "onCall");
        return [new AgentSignedOut(agentId, at)];
    }

    public static IReadOnlyList<AgentEvent> GoReady(Agent s, string agentId, DateTimeOffset at)
    {
        RequireSignedIn(s);
        if (s.Status == AgentStatus.Talking) throw new RuleViolationException("An agent on a call cannot go ready.", "onCall");
        RequireTagged(s);
        return s.Status == AgentStatus.Ready ? [] : [new AgentBecameReady(agentId, at)];
    }

    public static IReadOnlyList<AgentEvent> GoNotReady(Agent s, string agentId, string reasonCode, DateTimeOffset at)
    {
        RequireSignedIn(s);
        if (s.Status == AgentStatus.Talking) throw new RuleViolationException("An agent on a call cannot go not ready.", "onCall");
        return s.Status == AgentStatus.NotReady && s.ReasonCode == reasonCode ? [] : [new AgentBecameNotReady(agentId, reasonCode, at)];
    }

    public static IReadOnlyList<AgentEvent> StartWrapUp(Agent s, string agentId, DateTimeOffset at)
    {
        RequireSignedIn(s);
        if (s.Status == AgentStatus.Talking) throw new RuleViolationException("After-call work starts when the call ends.", "onCall");
        return s.Status == AgentStatus.WrapUp ? [] : [new AgentStartedWrapUp(agentId, at)];
    }

    /// <summary>Leaves after-call work: ready, or straight into the break scheduled from it (R-STATE-3: no call is offered in between).</summary>
    public static IReadOnlyList<AgentEvent> EndWrapUp(Agent s, string agentId, DateTimeOffset at)
    {
        RequireSignedIn(s);
        if (s.Status != AgentStatus.WrapUp) throw new RuleViolationException("The agent is not in after-call work.", "notInWrapUp");
        RequireTagged(s);
        return s.ScheduledReasonCode is { } reason ? [new AgentBecameNotReady(agentId, reason, at)] : [new AgentEndedWrapUp(agentId, at)];
    }

    /// <summary>
    /// R-STATE-3: a granted break. Ready or not ready: not ready with the reason now. On a call, or in after-call work with a
    /// call still to tag: scheduled, it begins when the wrap-up ends (<see cref="StartScheduledBreak"/>). Signed out: nothing.
    /// </summary>
    public static IReadOnlyList<AgentEvent> TakeBreak(Agent s, string agentId, string reasonCode, string? requestId, DateTimeOffset at)
    {
        if (!s.IsSignedIn) return [];
        if (s.Status == AgentStatus.Talking || s.Status == AgentStatus.WrapUp && s.UntaggedCallId is not null)
            return s.ScheduledReasonCode == reasonCode ? [] : [new AgentBreakScheduled(agentId, reasonCode, requestId, at)];
        return s.Status == AgentStatus.NotReady && s.ReasonCode == reasonCode ? [] : [new AgentBecameNotReady(agentId, reasonCode, at)];
    }

    /// <summary>R-STATE-3: the scheduled break begins once after-call work has nothing left to tag (at <paramref name="at"/>, the tag's time).</summary>
    public static IReadOnlyList<AgentEvent> StartScheduledBreak(Agent s, string agentId, DateTimeOffset at) =>
        s is { Status: AgentStatus.WrapUp, UntaggedCallId: null, ScheduledReasonCode: { } reason } && s.OnCalls.Length == 0
            ? [new AgentBecameNotReady(agentId, reason, at)]
            : [];

    /// <summary>R-PHONE-12: an order change counts (the first is the primary skill).</summary>
    public static IReadOnlyList<AgentEvent> ChangeSkillGroups(Agent s, string agentId, string[] skillGroups, DateTimeOffset at)
    {
        RequireSignedIn(s);
        return s.SkillGroups.SequenceEqual(skillGroups) ? [] : [new AgentSkillGroupsChanged(agentId, skillGroups, at)];
    }

    /// <summary>R-TAG-2: after a call ends the agent tags it before taking the next one.</summary>
    static void RequireTagged(Agent s)
    {
        if (s.UntaggedCallId is { } callId) throw new RuleViolationException($"Tag call {callId} first (purpose and sub-type).", "tagFirst", new Dictionary<string, string> { ["callId"] = callId });
    }

    static void RequireSignedIn(Agent s)
    {
        if (!s.IsSignedIn) throw new RuleViolationException("The agent must sign in first.", "signInFirst");
    }
}
