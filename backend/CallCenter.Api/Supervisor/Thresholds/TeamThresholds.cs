using CallCenter.Agents;

namespace CallCenter.Supervisor.Thresholds;

/// <summary>
/// A team's notification thresholds (R-SUP-6): talk, hold, after-call work or not ready longer than N seconds, and more than N calls
/// waiting in the queues of the team's skill groups. Null: not watched.
/// </summary>
public sealed record TeamThresholds(int? TalkSeconds = null, int? HoldSeconds = null, int? WrapUpSeconds = null, int? NotReadySeconds = null,
    int? WaitingCalls = null)
{
    public bool Any => TalkSeconds is not null || HoldSeconds is not null || WrapUpSeconds is not null || NotReadySeconds is not null || WaitingCalls is not null;
}

/// <summary>An agent as the watch sees it: state and since (event time), and since when it holds a call (null: not holding).</summary>
public sealed record WatchedAgent(string AgentId, string State, DateTimeOffset Since, DateTimeOffset? HeldSince = null);

/// <summary>One crossed threshold. At = since + limit: when it was crossed, in event time. Key: the same breach is told once.</summary>
public sealed record Breach(string Kind, string? AgentId, DateTimeOffset Since, int Limit, DateTimeOffset At, int? Count = null)
{
    public string Key => $"{Kind}|{AgentId}|{Since.UtcTicks}";
}

/// <summary>Pure: which thresholds are crossed at `now`, from states that began at event times.</summary>
public static class ThresholdRules
{
    public static class Kinds
    {
        public const string Talk = "talk";
        public const string Hold = "hold";
        public const string WrapUp = "wrapUp";
        public const string NotReady = "notReady";
        public const string Waiting = "waiting";
    }

    public static IReadOnlyList<Breach> Breaches(TeamThresholds t, IEnumerable<WatchedAgent> agents, int waiting, DateTimeOffset? oldestWaitingSince, DateTimeOffset now)
    {
        var found = new List<Breach>();
        void Check(string kind, string agentId, DateTimeOffset since, int? limit)
        {
            if (limit is { } l && now - since >= TimeSpan.FromSeconds(l)) found.Add(new(kind, agentId, since, l, since.AddSeconds(l)));
        }
        foreach (var a in agents)
        {
            switch (a.State)
            {
                case AgentStatus.Talking: Check(Kinds.Talk, a.AgentId, a.Since, t.TalkSeconds); break;
                case AgentStatus.WrapUp: Check(Kinds.WrapUp, a.AgentId, a.Since, t.WrapUpSeconds); break;
                case AgentStatus.NotReady: Check(Kinds.NotReady, a.AgentId, a.Since, t.NotReadySeconds); break;
            }
            if (a.HeldSince is { } held) Check(Kinds.Hold, a.AgentId, held, t.HoldSeconds);
        }
        if (t.WaitingCalls is { } max && waiting > max)
            found.Add(new(Kinds.Waiting, null, oldestWaitingSince ?? now, max, now, waiting));
        return found;
    }
}
