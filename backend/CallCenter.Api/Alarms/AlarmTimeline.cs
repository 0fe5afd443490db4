namespace CallCenter.Alarms;

/// <summary>
/// R-ALARM-1 as a pure function of the tag times: the level at instant t is decided by the number of tagged calls in
/// the sliding window (t − window, t] under the rules in effect at t. The count can only change when a call enters
/// (its tag time), when one leaves (tag time + a window) or when the rules change, so the level is evaluated exactly
/// there, and every change is one transition. The same calls give the same timeline, whatever order they arrived in.
/// </summary>
public static class AlarmTimeline
{
    public static List<AlarmTransition> Compute(IEnumerable<DateTimeOffset> tagTimes, IReadOnlyList<AlarmRule> rules)
    {
        var tags = tagTimes.Order().ToArray();
        var windows = rules.Select(r => r.Window).Distinct().ToArray();
        var candidates = new SortedSet<DateTimeOffset>(tags);
        foreach (var t in tags)
            foreach (var w in windows) candidates.Add(t + w);
        foreach (var r in rules.Where(r => r.From != DateTimeOffset.MinValue)) candidates.Add(r.From);

        var transitions = new List<AlarmTransition>();
        var level = AlarmLevels.None;
        foreach (var at in candidates)
        {
            var rule = RuleAt(rules, at);
            var count = CountUpTo(tags, at) - CountUpTo(tags, at - rule.Window);
            var next = rule.LevelFor(count);
            if (next == level) continue;
            transitions.Add(new AlarmTransition(at, level, next, count, rule.WindowMinutes));
            level = next;
        }
        return transitions;
    }

    /// <summary>The number of calls in the window ending at <paramref name="at"/>, under the rules then.</summary>
    public static int CountAt(IEnumerable<DateTimeOffset> tagTimes, IReadOnlyList<AlarmRule> rules, DateTimeOffset at)
    {
        var window = RuleAt(rules, at).Window;
        return tagTimes.Count(t => t > at - window && t <= at);
    }

    public static AlarmRule RuleAt(IReadOnlyList<AlarmRule> rules, DateTimeOffset at) => rules.Last(r => r.From <= at);

    /// <summary>How many tag times are ≤ <paramref name="at"/> (tags sorted).</summary>
    static int CountUpTo(DateTimeOffset[] tags, DateTimeOffset at)
    {
        int lo = 0, hi = tags.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tags[mid] <= at) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
