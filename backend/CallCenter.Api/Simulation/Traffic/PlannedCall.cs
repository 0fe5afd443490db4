namespace CallCenter.Simulation.Traffic;

/// <summary>A caller known to the billing system (or not: Area null), for the traffic model.</summary>
public sealed record Caller(string Phone, string? Area)
{
    /// <summary>Every customer's first number, in id order (the directory is seeded deterministically).</summary>
    public static async Task<List<Caller>> AllAsync(Infrastructure.Persistence.ReadModelDb db, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Customers.OrderBy(c => c.Id).Select(c => new Caller(c.Phones[0], c.Area)), ct);
}

/// <summary>One call of a planned day: when, who, through which IVR keys, how patient, how long it takes, how it is tagged.</summary>
public sealed record PlannedCall(
    string CallId, DateTimeOffset ArrivesAt, string Ani, string? Area, string Dnis, string[] IvrTrail, string Queue,
    int PatienceSeconds, int TalkSeconds, int HoldSeconds, int WrapSeconds, string Purpose, string Subtype, int? SurveyScore);

/// <summary>Volume and shape of generated days; hours are the center's, in <paramref name="Zone"/> (null: the default, Asia/Shanghai).</summary>
public sealed record TrafficOptions(int CallsPerDay = 20_000, double RepeatShare = 0.08, double UnknownCallerShare = 0.1,
    double BurstDayShare = 0.3, int BurstCalls = 40, TimeZoneInfo? Zone = null)
{
    public TimeZoneInfo CenterZone => Zone ?? Infrastructure.CenterTime.DefaultZone;

    /// <summary>The instant of a wall-clock hour (may be fractional) of the center's day.</summary>
    public static DateTimeOffset At(DateOnly day, double hour, TimeZoneInfo zone) =>
        Infrastructure.CenterTime.At(day.ToDateTime(TimeOnly.MinValue).AddHours(hour), zone);
}
