namespace CallCenter.Telephony.Routing;

/// <summary>
/// The ACD's decisions (R-ACD-2, R-ACD-3), pure: no I/O, no clock (the PBX passes <c>now</c>).
/// <list type="bullet">
/// <item>Every strategy considers only agents whose active skill groups include the queue's id — except
/// time-of-day outside business hours, which considers only the queue's duty agents, skilled or not.</item>
/// <item>Among the skilled agents the higher proficiency in the queue's group (<see cref="AgentCandidate.Proficiency"/>, 1–5) comes
/// first, for every strategy; the strategy orders the agents of one level. Two exceptions: last-agent puts the caller's last agent
/// before any level, and the duty agents outside business hours are taken by longest idle alone.</item>
/// <item>skill-based: agents with the queue as primary skill (first in their list) first, then longest idle.</item>
/// <item>longest-idle: the earliest <see cref="AgentCandidate.ReadySince"/>.</item>
/// <item>sequential: hunt order, the lowest extension (numerically; agents without one last).</item>
/// <item>balanced: fewest calls answered today, then least talk time today, then longest idle.</item>
/// <item>customer-priority: agents by longest idle; the calls are served vip &gt; gold &gt; silver &gt; normal, then FIFO (<see cref="ServeOrder"/>).</item>
/// <item>last-agent: the caller's last agent when among the ready skilled ones, otherwise longest idle.</item>
/// <item>time-of-day: inside business hours any skilled agent (longest idle); outside them only the duty agents (longest idle).</item>
/// </list>
/// Only time-of-day looks at business hours: the other strategies route at any hour. Every tie ends on the agent id (ordinal).
/// </summary>
public static class Router
{
    /// <summary>
    /// Who gets the call among the ready agents the PBX offers (ready, not ringing, tagged); null when nobody fits.
    /// <paramref name="open"/> false (the queue's calendar is closed, after-hours rule duty-agents): only the duty agents, longest idle.
    /// </summary>
    public static string? ChooseAgent(QueueSettings q, WaitingCall call, IReadOnlyList<AgentCandidate> ready, DateTimeOffset now, bool? open = null)
    {
        var skilled = ready.Where(a => a.SkillGroups.Contains(q.Group, StringComparer.Ordinal)).ToList();
        var byLevel = skilled.OrderByDescending(a => a.Proficiency); // the most proficient first, whatever the strategy
        IOrderedEnumerable<AgentCandidate> ranked = q.Strategy switch
        {
            _ when open == false => ready.Where(a => q.DutyAgents.Contains(a.AgentId, StringComparer.Ordinal)).OrderBy(a => a.ReadySince),
            RoutingStrategies.SkillBased => byLevel.ThenBy(a => IsPrimary(a, q) ? 0 : 1).ThenBy(a => a.ReadySince),
            RoutingStrategies.Sequential => byLevel.ThenBy(a => a.Extension is null ? 1 : 0)
                .ThenBy(a => a.Extension?.Length ?? 0).ThenBy(a => a.Extension, StringComparer.Ordinal),
            RoutingStrategies.Balanced => byLevel.ThenBy(a => a.CallsAnsweredToday).ThenBy(a => a.TalkTimeToday).ThenBy(a => a.ReadySince),
            RoutingStrategies.LastAgent => skilled.OrderBy(a => a.AgentId == call.LastAgentId ? 0 : 1).ThenByDescending(a => a.Proficiency).ThenBy(a => a.ReadySince),
            RoutingStrategies.TimeOfDay when !IsOpen(q, now) =>
                ready.Where(a => q.DutyAgents.Contains(a.AgentId, StringComparer.Ordinal)).OrderBy(a => a.ReadySince),
            _ => byLevel.ThenBy(a => a.ReadySince), // longest-idle, customer-priority, time-of-day in hours (and an unknown strategy)
        };
        return ranked.ThenBy(a => a.AgentId, StringComparer.Ordinal).FirstOrDefault()?.AgentId;
    }

    static bool IsPrimary(AgentCandidate a, QueueSettings q) => a.SkillGroups.Length > 0 && a.SkillGroups[0] == q.Group;

    /// <summary>The order in which waiting calls are served: first come first served; customer-priority: higher level first, then FIFO.</summary>
    public static IReadOnlyList<WaitingCall> ServeOrder(QueueSettings q, IEnumerable<WaitingCall> waiting)
    {
        var byLevel = q.Strategy == RoutingStrategies.CustomerPriority
            ? waiting.OrderByDescending(c => LevelRank(c.CustomerLevel))
            : waiting.OrderBy(_ => 0);
        return byLevel.ThenBy(c => c.QueuedAt).ThenBy(c => c.CallId, StringComparer.Ordinal).ToList();
    }

    /// <summary>vip 3, gold 2, silver 1, normal/unknown 0.</summary>
    public static int LevelRank(string? level) => level switch { "vip" => 3, "gold" => 2, "silver" => 1, _ => 0 };

    /// <summary>
    /// Business hours on the wall clock of <paramref name="now"/>'s offset (callers pass the center's local time, decision 0008): OpensAt inclusive, ClosesAt exclusive.
    /// ClosesAt before OpensAt spans midnight (e.g. 20:00–08:00); equal times mean open around the clock.
    /// </summary>
    public static bool IsOpen(QueueSettings q, DateTimeOffset now)
    {
        var t = TimeOnly.FromDateTime(now.DateTime);
        if (q.OpensAt == q.ClosesAt) return true;
        return q.OpensAt < q.ClosesAt ? t >= q.OpensAt && t < q.ClosesAt : t >= q.OpensAt || t < q.ClosesAt;
    }

    /// <summary>
    /// R-ACD-3 expected wait of the caller at <paramref name="position"/> (1 = next to be served): that many agents must
    /// come free, and N staffed agents come free at N per average handle time, so wait = ⌈position × AHT ÷ N⌉ seconds.
    /// Nobody staffed counts as one agent (the estimate then assumes one will be); position &lt; 1 or AHT ≤ 0 give 0.
    /// </summary>
    public static int ExpectedWaitSeconds(int position, int staffedAgents, double averageHandleSeconds)
    {
        if (position < 1 || !(averageHandleSeconds > 0)) return 0;
        var seconds = Math.Ceiling(position * averageHandleSeconds / Math.Max(1, staffedAgents));
        return seconds >= int.MaxValue ? int.MaxValue : (int)seconds;
    }
}
