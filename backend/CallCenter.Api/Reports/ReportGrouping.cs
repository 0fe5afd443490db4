using FluentValidation;
using FluentValidation.Results;

namespace CallCenter.Reports;

/// <summary>A report's groupBy query parameter: one of the report's groupings (the first when absent), else 400 naming "groupBy".</summary>
public static class ReportGrouping
{
    public const string Day = "day";
    public const string Agent = "agent";
    public const string SkillGroup = "skillGroup";
    public const string Area = "area";

    /// <summary>The key of rows whose agent, skill group or area is not known.</summary>
    public const string Unknown = "unknown";

    public static string Parse(string? groupBy, string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(groupBy)) return allowed[0];
        return allowed.FirstOrDefault(g => string.Equals(g, groupBy, StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationException([new ValidationFailure("groupBy", $"groupBy must be one of {string.Join(", ", allowed)}.")]);
    }

    /// <summary>SQL for the center's day (yyyy-MM-dd in the center's zone, daylight saving included) of a timestamptz column.</summary>
    public static string CenterDaySql(string column, TimeZoneInfo zone) => LocalSql(column, zone, "YYYY-MM-DD");

    /// <summary>SQL formatting a timestamptz column's wall clock in the zone (PostgreSQL's tz database, the same IANA ids).</summary>
    public static string LocalSql(string column, TimeZoneInfo zone, string format) =>
        $"to_char({column} at time zone {Infrastructure.CenterTime.SqlLiteral(zone)}, '{format}')";

    /// <summary>SQL for a text key column, "unknown" when null.</summary>
    public static string KeySql(string column) => $"coalesce({column}, '{Unknown}')";

    /// <summary>numerator / denominator rounded to 4 places; null when the denominator is 0.</summary>
    public static double? Share(int numerator, int denominator) => denominator == 0 ? null : Math.Round((double)numerator / denominator, 4);
}
