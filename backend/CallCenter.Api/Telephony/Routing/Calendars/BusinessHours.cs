using System.Globalization;

namespace CallCenter.Telephony.Routing.Calendars;

/// <summary>A time window of a day, "HH:mm" to "HH:mm" (close "24:00" = midnight); open inclusive, close exclusive.</summary>
public sealed record HoursWindow(string Open, string Close);

/// <summary>A weekly window: <see cref="Day"/> is monday … sunday.</summary>
public sealed record WeeklyWindow(string Day, string Open, string Close);

/// <summary>A date the center is closed all day.</summary>
public sealed record Holiday(string Date, string? Name);

/// <summary>A date with other hours than its weekday's: only <see cref="Windows"/> apply (none = closed).</summary>
public sealed record HoursException(string Date, HoursWindow[] Windows, string? Name);

/// <summary>A business-hours calendar's schedule (stored as JSON in <c>business_calendars.schedule</c>).</summary>
public sealed record CalendarSchedule(WeeklyWindow[] Weekly, Holiday[] Holidays, HoursException[] Exceptions);

/// <summary>Pure: is a calendar open at a local (center) wall-clock time, and validation of a schedule.</summary>
public static class BusinessHours
{
    public static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Holiday → closed; else the date's exception windows if any; else the weekday's windows.</summary>
    public static bool IsOpen(CalendarSchedule s, DateTime local)
    {
        var date = DateOnly.FromDateTime(local).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (s.Holidays.Any(h => h.Date == date)) return false;
        var minute = local.Hour * 60 + local.Minute;
        var exception = s.Exceptions.FirstOrDefault(e => e.Date == date);
        if (exception is not null) return exception.Windows.Any(w => Covers(w.Open, w.Close, minute));
        var day = Days[((int)local.DayOfWeek + 6) % 7];
        return s.Weekly.Where(w => w.Day == day).Any(w => Covers(w.Open, w.Close, minute));
    }

    static bool Covers(string open, string close, int minute) =>
        Minutes(open) is { } o && Minutes(close) is { } c && minute >= o && minute < c;

    /// <summary>"HH:mm" as minutes of the day, "24:00" as 1440; null when malformed.</summary>
    public static int? Minutes(string? text)
    {
        if (text == "24:00") return 1440;
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.Hour * 60 + t.Minute : null;
    }

    /// <summary>Errors keyed by field path (e.g. "weekly[2].close").</summary>
    public static Dictionary<string, string[]> Validate(CalendarSchedule? s)
    {
        var errors = new Dictionary<string, string[]>();
        if (s is null) { errors["schedule"] = ["Give the weekly schedule, holidays and exceptions."]; return errors; }
        void Window(string path, string? open, string? close)
        {
            if (Minutes(open) is not { } o || o >= 1440) errors[$"{path}.open"] = ["Give a time as HH:mm."];
            else if (Minutes(close) is not { } c) errors[$"{path}.close"] = ["Give a time as HH:mm (24:00 for midnight)."];
            else if (c <= o) errors[$"{path}.close"] = ["The window must close after it opens."];
        }
        for (var i = 0; i < (s.Weekly ?? []).Length; i++)
        {
            var w = s.Weekly![i];
            if (!Days.Contains(w.Day)) errors[$"weekly[{i}].day"] = [$"One of: {string.Join(", ", Days)}."];
            Window($"weekly[{i}]", w.Open, w.Close);
        }
        for (var i = 0; i < (s.Holidays ?? []).Length; i++)
            if (!IsDate(s.Holidays![i].Date)) errors[$"holidays[{i}].date"] = ["Give a date as yyyy-MM-dd."];
        for (var i = 0; i < (s.Exceptions ?? []).Length; i++)
        {
            var e = s.Exceptions![i];
            if (!IsDate(e.Date)) errors[$"exceptions[{i}].date"] = ["Give a date as yyyy-MM-dd."];
            for (var j = 0; j < (e.Windows ?? []).Length; j++) Window($"exceptions[{i}].windows[{j}]", e.Windows![j].Open, e.Windows[j].Close);
        }
        if ((s.Weekly?.Length ?? 0) > 70 || (s.Holidays?.Length ?? 0) > 400 || (s.Exceptions?.Length ?? 0) > 400)
            errors["schedule"] = ["At most 70 weekly windows, 400 holidays and 400 exceptions."];
        return errors;
    }

    static bool IsDate(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
