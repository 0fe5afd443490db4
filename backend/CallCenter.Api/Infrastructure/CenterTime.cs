namespace CallCenter.Infrastructure;

/// <summary>
/// The contact center's local time (China Standard Time, UTC+8, no daylight saving). Days in reports, audit
/// replays, work-order serials and the traffic model are the center's days, whatever the server's offset.
/// </summary>
public static class CenterTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Offset);
}
