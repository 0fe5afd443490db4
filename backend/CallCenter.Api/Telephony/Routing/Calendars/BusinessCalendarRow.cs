using System.Text.Json;

namespace CallCenter.Telephony.Routing.Calendars;

/// <summary>Reference data (table <c>business_calendars</c>): a named weekly schedule with holidays and exceptions, used by queues.</summary>
public sealed class BusinessCalendarRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? NameZh { get; set; }
    /// <summary>The <see cref="CalendarSchedule"/> as JSON.</summary>
    public string Schedule { get; set; } = "{}";
    public bool Active { get; set; } = true;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public CalendarSchedule ToSchedule() => JsonSerializer.Deserialize<CalendarSchedule>(Schedule, Json) is { } s
        ? new CalendarSchedule(s.Weekly ?? [], s.Holidays ?? [], (s.Exceptions ?? []).Select(e => e with { Windows = e.Windows ?? [] }).ToArray())
        : new CalendarSchedule([], [], []);

    public static string Serialize(CalendarSchedule s) => JsonSerializer.Serialize(s, Json);
}
