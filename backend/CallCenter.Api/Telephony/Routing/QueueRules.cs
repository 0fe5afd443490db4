using System.Globalization;
using System.Text.RegularExpressions;

namespace CallCenter.Telephony.Routing;

/// <summary>Body of PUT /api/queues/{id}. Times as "HH:mm".</summary>
public sealed record SaveQueue(string? Name, string? NameZh, string? Strategy, string? IvrKey, int? ServiceLevelSeconds, int? MaxWaitSeconds,
    string? OpensAt, string? ClosesAt, string[]? DutyAgents, string? SkillGroup = null, string? CalendarId = null, string? AfterHours = null,
    string? OverflowQueue = null, bool? Active = null);

/// <summary>What a queue may refer to: the skill groups, calendars and other queues that exist.</summary>
public sealed record QueueRefs(IReadOnlySet<string> SkillGroups, IReadOnlySet<string> ActiveCalendars, IReadOnlySet<string> OtherQueues);

/// <summary>What a queue must satisfy; errors keyed by the body's field (400).</summary>
public static partial class QueueRules
{
    public static Dictionary<string, string[]> Validate(string id, SaveQueue b, IReadOnlySet<string> users, IReadOnlySet<string> otherIvrKeys)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];
        if (!Code().IsMatch(id)) Fail("id", "A queue id is lower-case letters, digits and dashes, at most 48.");
        if (string.IsNullOrWhiteSpace(b.Name) || b.Name.Trim().Length > 64) Fail("name", "Give a name of 1 to 64 characters.");
        if (b.NameZh is { Length: > 64 }) Fail("nameZh", "At most 64 characters.");
        if (b.Strategy is null || !RoutingStrategies.All.Contains(b.Strategy))
            Fail("strategy", $"One of: {string.Join(", ", RoutingStrategies.All)}.");
        if (b.IvrKey is { } key && !IvrKey().IsMatch(key)) Fail("ivrKey", "An IVR key is one keypad key: 0–9, * or #.");
        else if (b.IvrKey is { } taken && otherIvrKeys.Contains(taken)) Fail("ivrKey", $"Key {taken} already selects another queue.");
        if (b.ServiceLevelSeconds is not > 0 || b.ServiceLevelSeconds > 3600) Fail("serviceLevelSeconds", "Give seconds, 1 to 3600.");
        if (b.MaxWaitSeconds is not > 0 || b.MaxWaitSeconds > 7200) Fail("maxWaitSeconds", "Give seconds, 1 to 7200.");
        if (ParseTime(b.OpensAt) is null) Fail("opensAt", "Give a time as HH:mm.");
        if (ParseTime(b.ClosesAt) is null) Fail("closesAt", "Give a time as HH:mm.");
        if (b.DutyAgents is null) Fail("dutyAgents", "Give the duty agents (an empty list for none).");
        else if (b.DutyAgents.FirstOrDefault(a => !users.Contains(a)) is { } unknown) Fail("dutyAgents", $"No user {unknown}.");
        return errors;
    }

    /// <summary>The skill group, calendar and after-hours rule: errors keyed by field (400).</summary>
    public static Dictionary<string, string[]> ValidateRefs(string id, SaveQueue b, QueueRefs refs)
    {
        var errors = new Dictionary<string, string[]>();
        var group = string.IsNullOrEmpty(b.SkillGroup) ? id : b.SkillGroup;
        if (!refs.SkillGroups.Contains(group)) errors["skillGroup"] = [$"No skill group {group}; create it first."];
        if (b.CalendarId is { Length: > 0 } cal && !refs.ActiveCalendars.Contains(cal)) errors["calendarId"] = [$"No active business calendar {cal}."];
        var rule = b.AfterHours ?? AfterHoursRules.DutyAgents;
        if (!AfterHoursRules.All.Contains(rule)) errors["afterHours"] = [$"One of: {string.Join(", ", AfterHoursRules.All)}."];
        else if (rule == AfterHoursRules.Overflow && (b.OverflowQueue is null || b.OverflowQueue == id || !refs.OtherQueues.Contains(b.OverflowQueue)))
            errors["overflowQueue"] = ["Name another existing queue to take the calls after hours."];
        return errors;
    }

    /// <summary>Copies a validated body onto the row.</summary>
    public static void Apply(SaveQueue b, QueueRow row)
    {
        row.Name = b.Name!.Trim();
        row.NameZh = string.IsNullOrWhiteSpace(b.NameZh) ? null : b.NameZh.Trim();
        row.Strategy = b.Strategy!;
        row.IvrKey = b.IvrKey;
        row.ServiceLevelSeconds = b.ServiceLevelSeconds!.Value;
        row.MaxWaitSeconds = b.MaxWaitSeconds!.Value;
        row.OpensAt = ParseTime(b.OpensAt)!.Value;
        row.ClosesAt = ParseTime(b.ClosesAt)!.Value;
        row.DutyAgents = b.DutyAgents!.Distinct().ToArray();
        row.SkillGroup = string.IsNullOrEmpty(b.SkillGroup) ? null : b.SkillGroup;
        row.CalendarId = string.IsNullOrEmpty(b.CalendarId) ? null : b.CalendarId;
        row.AfterHours = b.AfterHours ?? AfterHoursRules.DutyAgents;
        row.OverflowQueue = row.AfterHours == AfterHoursRules.Overflow ? b.OverflowQueue : null;
        row.Active = b.Active ?? true;
    }

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,47}$")] private static partial Regex Code();
    [GeneratedRegex(@"^[0-9*#]$")] private static partial Regex IvrKey();
}
