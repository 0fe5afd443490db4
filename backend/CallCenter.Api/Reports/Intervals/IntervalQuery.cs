using CallCenter.Infrastructure.Persistence;
using FluentValidation;
using FluentValidation.Results;

namespace CallCenter.Reports.Intervals;

/// <summary>The dimension filters of the interval reports (query parameters); "unknown" selects rows without one.</summary>
public sealed record IntervalFilters(string? SkillGroup = null, string? Agent = null, string? Area = null, string? Dnis = null)
{
    public bool ByCallOnly => Area is not null || Dnis is not null;
    public static string? Value(string? v) => string.IsNullOrWhiteSpace(v) ? null : v == ReportGrouping.Unknown ? "" : v.Trim();
    public static IntervalFilters From(string? skillGroup, string? agent, string? area, string? dnis) =>
        new(Value(skillGroup), Value(agent), Value(area), Value(dnis));
}

/// <summary>Sums kpi_intervals (and kpi_agent_states where they apply) by one grouping over [from, to) of bucket starts.</summary>
public static class IntervalQuery
{
    public const string Interval = "interval", Hour = "hour", Day = "day", Month = "month",
        SkillGroup = "skillGroup", Agent = "agent", Area = "area", Dnis = "dnis";

    static string Local(string format) => $"to_char(bucket_start at time zone 'UTC' + interval '8 hours', '{format}')";
    static string Known(string column) => $"coalesce(nullif({column}, ''), '{ReportGrouping.Unknown}')";

    static string KeySql(string groupBy) => groupBy switch
    {
        Interval => Local("YYYY-MM-DD\"T\"HH24:MI:SS\"+08:00\""),
        Hour => Local("YYYY-MM-DD HH24:00"),
        Day => Local("YYYY-MM-DD"),
        Month => Local("YYYY-MM"),
        SkillGroup => Known("skill_group"),
        Agent => Known("agent_id"),
        Area => Known("area"),
        Dnis => Known("dnis"),
        _ => throw new ValidationException([new ValidationFailure("groupBy", $"Unknown grouping {groupBy}.")]),
    };

    public static async Task<List<IntervalTotals>> TotalsAsync(ReadModelDb db, ReportRange range, string groupBy, IntervalFilters f, CancellationToken ct)
    {
        var key = KeySql(groupBy);
        var states = !f.ByCallOnly && groupBy is not (Area or Dnis);
        var stateGroups = groupBy == SkillGroup ? "skill_group <> '' and ($3::text is null or skill_group = $3)" : "skill_group = coalesce($3::text, '')";
        var sums = string.Join(", ", Measures.Columns.Select((c, i) => Measures.IsMax(i) ? $"max({c})::bigint as {c}" : $"sum({c})::bigint as {c}"));
        var sql = $"""
            with c as (
                select {key} as k, {sums} from kpi_intervals
                where bucket_start >= $1 and bucket_start < $2 and ($3::text is null or skill_group = $3) and ($4::text is null or agent_id = $4)
                  and ($5::text is null or area = $5) and ($6::text is null or dnis = $6)
                group by 1),
            s as (
                select {(states ? key : "''")} as k, sum(ms) filter (where state = 'ready')::bigint as ready, sum(ms) filter (where state = 'notReady')::bigint as not_ready,
                    sum(ms) filter (where state = 'talking')::bigint as talking, sum(ms) filter (where state = 'wrapUp')::bigint as wrap_up
                from kpi_agent_states
                where {states.ToString().ToLowerInvariant()} and bucket_start >= $1 and bucket_start < $2 and {stateGroups} and ($4::text is null or agent_id = $4)
                group by 1)
            select coalesce(c.k, s.k), {string.Join(", ", Measures.Columns.Select(col => $"coalesce(c.{col}, 0)"))},
                coalesce(s.ready, 0), coalesce(s.not_ready, 0), coalesce(s.talking, 0), coalesce(s.wrap_up, 0)
            from c full join s on s.k = c.k order by coalesce(c.k, s.k) collate "C"
            """;
        var n = Measures.Columns.Length;
        return await Sql.QueryAsync(await Sql.ConnectionAsync(db, ct), sql, r =>
            new IntervalTotals(r.GetString(0), [.. Enumerable.Range(1, n).Select(r.GetInt64)],
                r.GetInt64(n + 1), r.GetInt64(n + 2), r.GetInt64(n + 3), r.GetInt64(n + 4), states),
            ct, range.From.ToUniversalTime(), range.To.ToUniversalTime(), f.SkillGroup, f.Agent, f.Area, f.Dnis);
    }
}
