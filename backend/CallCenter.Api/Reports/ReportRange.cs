using CallCenter.Infrastructure;
using FluentValidation;
using FluentValidation.Results;

namespace CallCenter.Reports;

/// <summary>
/// A report's time range, in event time: <c>from</c> inclusive, <c>to</c> exclusive. Each is a day
/// (yyyy-MM-dd, the center's day in its zone: <c>to=2026-11-22</c> includes all of the 22nd) or an instant with offset.
/// <see cref="Zone"/> is the center's zone the report groups its hours, days, weeks, months and years by.
/// </summary>
public sealed record ReportRange(DateTimeOffset From, DateTimeOffset To, TimeZoneInfo Zone)
{
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(400);

    public static ReportRange Parse(string? from, string? to, CenterClock center) => Parse(from, to, center.Zone);

    public static ReportRange Parse(string? from, string? to, TimeZoneInfo zone)
    {
        var errors = new List<ValidationFailure>();
        var start = Read(from, "from", endOfDay: false, zone, errors);
        var end = Read(to, "to", endOfDay: true, zone, errors);
        if (errors.Count == 0 && end <= start) errors.Add(new("to", "to must be after from."));
        if (errors.Count == 0 && end - start > MaxSpan) errors.Add(new("to", $"A report covers at most {MaxSpan.TotalDays} days."));
        if (errors.Count > 0) throw new ValidationException(errors);
        return new(start, end, zone);
    }

    static DateTimeOffset Read(string? value, string field, bool endOfDay, TimeZoneInfo zone, List<ValidationFailure> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add(new(field, $"{field} is required (yyyy-MM-dd or an ISO-8601 time with offset).")); return default; }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", out var day)) return CenterTime.StartOf(endOfDay ? day.AddDays(1) : day, zone);
        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            && (value.EndsWith('Z') || value.Contains('+') || value.LastIndexOf('-') > 9)) return at;
        errors.Add(new(field, $"{field} must be yyyy-MM-dd or an ISO-8601 time with offset."));
        return default;
    }
}
