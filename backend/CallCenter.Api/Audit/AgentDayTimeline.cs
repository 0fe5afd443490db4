using CallCenter.Agents;

namespace CallCenter.Audit;

/// <summary>One stretch of one state. Clipped: it began before the day (or runs past its end) and is cut at the day's edge.</summary>
public sealed record StateSpan(string State, string? ReasonCode, DateTimeOffset From, DateTimeOffset To, double Seconds, bool Clipped);

public sealed record StateTotal(string State, string? ReasonCode, double Seconds);

/// <summary>
/// Pure (R-USE-3): the states an agent went through in a day, derived from the agent's own events in stream order,
/// starting from the state the events before the day left. Only signed-in time is a span, so the spans add up to the
/// time between sign-in and sign-out.
/// </summary>
public static class AgentDayTimeline
{
    public static List<StateSpan> Derive(Agent before, IEnumerable<AgentEvent> day, DateTimeOffset dayStart, DateTimeOffset dayEnd)
    {
        var spans = new List<StateSpan>();
        var state = before;
        var since = dayStart;
        var clipped = before.IsSignedIn;
        foreach (var e in day)
        {
            var next = AgentStream.Evolve(state, e);
            if (next.Status == state.Status && next.ReasonCode == state.ReasonCode) { state = next; continue; }
            if (state.IsSignedIn && e.At > since) spans.Add(new(state.Status, state.ReasonCode, since, e.At, (e.At - since).TotalSeconds, clipped));
            (state, since, clipped) = (next, e.At, false);
        }
        if (state.IsSignedIn && dayEnd > since) spans.Add(new(state.Status, state.ReasonCode, since, dayEnd, (dayEnd - since).TotalSeconds, true));
        return spans;
    }

    public static List<StateTotal> Totals(IEnumerable<StateSpan> spans) =>
        spans.GroupBy(s => (s.State, s.ReasonCode)).Select(g => new StateTotal(g.Key.State, g.Key.ReasonCode, g.Sum(s => s.Seconds)))
            .OrderByDescending(t => t.Seconds).ToList();
}
