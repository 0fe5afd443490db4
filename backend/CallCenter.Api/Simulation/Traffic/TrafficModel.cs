namespace CallCenter.Simulation.Traffic;

/// <summary>
/// Plans realistic days, deterministic by seed (no wall clock): arrivals shaped by hour of day (night low, peaks
/// at 10:00 and 15:00), lognormal talk times (median ~3 min), IVR trails choosing the queue, callers from the
/// customer directory plus unknown numbers, repeat callers (minutes to hours later, both sides of 2 h),
/// impatient callers, and on some days an outage burst in one area (≥ 20 calls within an hour, tagged
/// "work-order-dispatched").
/// </summary>
public static class TrafficModel
{
    /// <summary>Relative arrival weight per hour of the center's day.</summary>
    public static readonly double[] HourWeights =
        [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4.0, 7.0, 9.0, 8.5, 6.0, 6.5, 8.0, 8.5, 7.5, 6.0, 4.5, 3.5, 3.0, 2.0, 1.0, 0.5];

    static readonly (string Key, string Queue)[] Menu = [("1", "broadband"), ("2", "cable-tv"), ("3", "billing"), ("0", "general")];
    static readonly double[] MenuWeights = [0.35, 0.35, 0.2, 0.1];
    static readonly (string Purpose, string[] Subtypes, double Weight)[] Purposes =
    [
        ("consultation", ["billing", "product", "coverage", "other"], 0.35),
        ("repair", ["no-signal", "broadband-down", "set-top-box", "other"], 0.15),
        ("order", ["new-package", "upgrade", "cancel", "other"], 0.1),
        ("complaint", ["service", "billing", "technician", "other"], 0.08),
        ("online-troubleshooting", ["broadband", "cable-tv", "set-top-box", "other"], 0.22),
        ("work-order-dispatched", ["fault-repair", "installation", "other"], 0.1),
    ];

    public static IReadOnlyList<PlannedCall> PlanDay(DateOnly day, int seed, IReadOnlyList<Caller> callers, TrafficOptions o)
    {
        var rng = new Random(seed * 397 ^ day.DayNumber); // seeded Random: the same sequence on every .NET
        var zone = o.CenterZone;
        var calls = new List<(DateTimeOffset At, Caller Caller, string? Purpose)>();
        var total = HourWeights.Sum();
        for (var hour = 0; hour < 24; hour++)
        {
            var n = (int)Math.Round(o.CallsPerDay * HourWeights[hour] / total);
            for (var i = 0; i < n; i++) calls.Add((TrafficOptions.At(day, hour, zone).AddSeconds(rng.Next(3600)), Pick(rng, callers, o), null));
        }
        foreach (var first in calls.Where(c => c.Caller.Area is not null).ToList())
            if (rng.NextDouble() < o.RepeatShare) // the same caller again, from 5 minutes to 4 hours later
                calls.Add((first.At.AddSeconds(300 + rng.Next(4 * 3600)), first.Caller, null));
        if (rng.NextDouble() < o.BurstDayShare && callers.Any(c => c.Area is not null))
        {
            var area = callers.Where(c => c.Area is not null).ElementAt(rng.Next(callers.Count(c => c.Area is not null))).Area;
            var inArea = callers.Where(c => c.Area == area).ToList();
            var start = TrafficOptions.At(day, 9 + rng.Next(9), zone);
            for (var i = 0; i < o.BurstCalls; i++) calls.Add((start.AddSeconds(rng.Next(3000)), inArea[rng.Next(inArea.Count)], "work-order-dispatched"));
        }
        var ordered = calls.Where(c => DateOnly.FromDateTime(c.At.DateTime) == day).OrderBy(c => c.At).ThenBy(c => c.Caller.Phone, StringComparer.Ordinal).ToList();
        return [.. ordered.Select((c, i) => Plan(rng, day, i, c.At, c.Caller, c.Purpose))];
    }

    static Caller Pick(Random rng, IReadOnlyList<Caller> callers, TrafficOptions o) =>
        callers.Count == 0 || rng.NextDouble() < o.UnknownCallerShare
            ? new Caller("1" + (30 + rng.Next(70)).ToString() + rng.Next(10_000_000, 99_999_999).ToString(), null)
            : callers[rng.Next(callers.Count)];

    static PlannedCall Plan(Random rng, DateOnly day, int index, DateTimeOffset at, Caller caller, string? purpose)
    {
        var menu = Menu[Weighted(rng, MenuWeights)];
        var trail = rng.NextDouble() < 0.4 ? new[] { menu.Key, (1 + rng.Next(4)).ToString() } : [menu.Key];
        var p = purpose is null ? Purposes[Weighted(rng, [.. Purposes.Select(x => x.Weight)])] : Purposes[^1];
        var subtype = purpose is null ? p.Subtypes[rng.Next(p.Subtypes.Length)] : "fault-repair";
        var talk = (int)Math.Clamp(Math.Exp(Math.Log(180) + 0.6 * Normal(rng)), 20, 3600); // lognormal, median 3 min
        return new PlannedCall($"H{day:yyyyMMdd}-{index:D5}", at, caller.Phone, caller.Area, "96" + (100 + rng.Next(3)), trail, menu.Queue,
            PatienceSeconds: 20 + rng.Next(280), TalkSeconds: talk, HoldSeconds: rng.NextDouble() < 0.2 ? 10 + rng.Next(60) : 0,
            WrapSeconds: 10 + rng.Next(50), p.Purpose, subtype, SurveyScore: rng.NextDouble() < 0.4 ? 1 + Weighted(rng, [0.05, 0.05, 0.15, 0.35, 0.4]) : null);
    }

    static int Weighted(Random rng, double[] weights)
    {
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++) if ((x -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }

    static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
