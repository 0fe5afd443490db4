namespace CallCenter.Infrastructure;

/// <summary>
/// Local time in a center's IANA zone (daylight saving included). Days, hours, weeks, months and years in reports, audit
/// replays, work-order serials, business hours and the traffic model are the center's, whatever the server's own zone.
/// The zone in use is <see cref="CenterClock.Zone"/>; these helpers take it as an argument so they stay pure.
/// </summary>
public static class CenterTime
{
    public const string DefaultZoneId = "Asia/Shanghai";

    /// <summary>The IANA zone, or null when the id is not one (Windows ids and offsets are refused: the id must be IANA).</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')) return null;
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return zone.HasIanaId ? zone : null;
        }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }

    public static TimeZoneInfo DefaultZone { get; } = FindZone(DefaultZoneId) ?? TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, TimeSpan.FromHours(8), DefaultZoneId, DefaultZoneId);

    /// <summary>
    /// The instant a local wall-clock time means in the zone. A time skipped by a daylight-saving change is taken at the
    /// first valid minute after it; a repeated time at its first occurrence (the earlier instant).
    /// </summary>
    public static DateTimeOffset At(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>When the center's day starts (its local midnight, or the first valid time after it).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone) => At(day.ToDateTime(TimeOnly.MinValue), zone);

    public static DateOnly DayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(Local(at, zone).DateTime);

    /// <summary>The same instant with the zone's offset at that instant (so its wall clock is the center's).</summary>
    public static DateTimeOffset Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone);

    /// <summary>"UTC+3" / "UTC-4:30" for the zone's offset at that instant.</summary>
    public static string OffsetLabel(DateTimeOffset at, TimeZoneInfo zone)
    {
        var o = zone.GetUtcOffset(at);
        var sign = o < TimeSpan.Zero ? "-" : "+";
        var abs = o.Duration();
        return abs.Minutes == 0 ? $"UTC{sign}{abs.Hours}" : $"UTC{sign}{abs.Hours}:{abs.Minutes:D2}";
    }

    /// <summary>An IANA id quoted as a SQL literal (ids are checked by <see cref="FindZone"/>; quotes doubled anyway).</summary>
    public static string SqlLiteral(TimeZoneInfo zone) => "'" + zone.Id.Replace("'", "''") + "'";
}

/// <summary>
/// The center's zone in use (settings stream <c>centersettings-center</c>, loaded at start and on every change through
/// this instance). Only commands, queries and the simulator read it: projections store event time (UTC) only, so a
/// change of zone changes no stored event and no read-model row (decision 0008).
/// </summary>
public sealed class CenterClock(TimeProvider clock)
{
    volatile TimeZoneInfo zone = CenterTime.DefaultZone;

    public TimeZoneInfo Zone => zone;
    public void Use(TimeZoneInfo value) => zone = value;

    public DateTimeOffset Now => CenterTime.Local(clock.GetUtcNow(), zone);
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
    public DateTimeOffset StartOf(DateOnly day) => CenterTime.StartOf(day, zone);
    public DateOnly DayOf(DateTimeOffset at) => CenterTime.DayOf(at, zone);
    public DateTimeOffset Local(DateTimeOffset at) => CenterTime.Local(at, zone);
    public DateTimeOffset? Local(DateTimeOffset? at) => at is { } a ? CenterTime.Local(a, zone) : null;
}
