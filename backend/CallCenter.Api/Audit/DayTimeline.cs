using CallCenter.Agents;

namespace CallCenter.Audit;

/// <summary>
/// The states of a day (pure): the agent stream folded in event time (decision 0012) with <see cref="AgentStream.Evolve"/>,
/// a new period at each change of state or reason. Times are the events' own, kept within the day, so the periods tile the
/// signed-in time exactly (sign-in to sign-out) and the day's signed-in time is at most 24 hours.
/// </summary>
public static class DayTimeline
{
    sealed class Open(string state, string? reason, DateTimeOffset start, DateTimeOffset? since)
    {
        public string State => state;
        public string? Reason => reason;
        public DateTimeOffset Start => start;
        public DateTimeOffset? Since => since;
        public List<string> Calls { get; } = [];
    }

    public static List<StatePeriod> Build(AgentDayEvents read, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var state = AgentStream.InEventTime(read.Opening, r => r.Event).Aggregate(AgentStream.Initial, (s, r) => AgentStream.Evolve(s, r.Event));
        var periods = new List<StatePeriod>();
        var open = state.IsSignedIn ? new Open(state.Status, state.ReasonCode, from, state.Since) : null;
        if (open is not null && state.CurrentCallId is { } current) open.Calls.Add(current);
        var clock = from;
        foreach (var r in AgentStream.InEventTime(read.Day, r => r.Event)) // already in event time when read by AgentDayReader
        {
            clock = Max(clock, Min(r.Event.At, to));
            var next = AgentStream.Evolve(state, r.Event);
            if (next.Status != state.Status || next.ReasonCode != state.ReasonCode)
            {
                if (open is not null) periods.Add(Close(open, clock, clippedEnd: false));
                open = next.IsSignedIn ? new Open(next.Status, next.ReasonCode, clock, null) : null;
            }
            if (r.Event is AgentCallStarted c && open?.State == AgentStatus.Talking && !open.Calls.Contains(c.CallId)) open.Calls.Add(c.CallId);
            state = next;
        }
        if (open is not null) periods.Add(Close(open, Max(clock, Min(to, now)), clippedEnd: true));
        return periods;
    }

    static StatePeriod Close(Open o, DateTimeOffset end, bool clippedEnd) => new(
        o.State, o.Reason, o.Start, end, end.ToUnixTimeMilliseconds() - o.Start.ToUnixTimeMilliseconds(),
        ClippedStart: o.Since is not null, clippedEnd, o.Since, o.Calls);

    public static List<StateTotal> ByState(List<StatePeriod> periods) =>
        [.. periods.GroupBy(p => p.State).Select(g => new StateTotal(g.Key, null, g.Sum(p => p.DurationMs), g.Count())).OrderByDescending(t => t.DurationMs)];

    public static List<StateTotal> ByReason(List<StatePeriod> periods) =>
        [.. periods.Where(p => p.State == AgentStatus.NotReady).GroupBy(p => p.ReasonCode)
            .Select(g => new StateTotal(AgentStatus.NotReady, g.Key, g.Sum(p => p.DurationMs), g.Count())).OrderByDescending(t => t.DurationMs)];

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
