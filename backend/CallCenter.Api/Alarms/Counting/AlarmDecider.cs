namespace CallCenter.Alarms.Counting;

/// <summary>What the alarm of one area is asked to take into account.</summary>
public abstract record AlarmCommand;
public sealed record CountCall(string CallId, DateTimeOffset TaggedAt) : AlarmCommand;
public sealed record UncountCall(string CallId, DateTimeOffset At) : AlarmCommand;
/// <summary>Time has passed: announce the changes due up to now (the window slides past old calls).</summary>
public sealed record Reconcile : AlarmCommand;

/// <summary>
/// The pure decider of one area's alarm. The counted calls are the input; the announced level changes must equal
/// the timeline computed from them, up to <c>now</c> (changes after now are announced when their time comes).
/// When late calls change the past, the announced changes from the first difference on are withdrawn
/// (AlarmHistoryRevised) and the corrected ones follow.
/// </summary>
public static class AlarmDecider
{
    public static IReadOnlyList<AlarmEvent> Decide(AlarmArea s, string area, AlarmCommand c, IReadOnlyList<AlarmRule> rules, DateTimeOffset now)
    {
        AlarmEvent? input = c switch
        {
            CountCall x when !s.Calls.TryGetValue(x.CallId, out var at) || at != x.TaggedAt => new AlarmCallCounted(area, x.CallId, x.TaggedAt),
            UncountCall x when s.Calls.ContainsKey(x.CallId) => new AlarmCallUncounted(area, x.CallId, x.At),
            _ => null,
        };
        var after = input is null ? s : AlarmStream.Evolve(s, input);
        var events = new List<AlarmEvent>();
        if (input is not null) events.Add(input);
        events.AddRange(Announce(after, area, rules, now));
        return events;
    }

    static IEnumerable<AlarmEvent> Announce(AlarmArea s, string area, IReadOnlyList<AlarmRule> rules, DateTimeOffset now)
    {
        var due = AlarmTimeline.Compute(s.Calls.Values, rules).TakeWhile(t => t.At <= now).ToList();
        var same = 0;
        while (same < due.Count && same < s.Transitions.Count && due[same] == s.Transitions[same]) same++;
        if (same < s.Transitions.Count) yield return new AlarmHistoryRevised(area, s.Transitions[same].At);
        foreach (var t in due.Skip(same)) yield return AlarmLevels.ToEvent(area, t);
    }
}
