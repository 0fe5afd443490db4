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
    public const string Interval = "interval", Hour = "hour", Day = "day", Week = "week", Month = "month", Year = "year",
        SkillGroup = "skillGroup", Agent = "agent", Area = "area", Dnis = "dnis";

    /// <summary>Buckets are stored by their UTC start; hours, days, weeks, months and years are the center's, at query time.</summary>
    static string Local(string format, TimeZoneInfo zone) => ReportGrouping.LocalSql("bucket_start", zone, format);
    static string Known(string column) => $"coalesce(nullif({column}, ''), '{ReportGrouping.Unknown}')";

    static string KeySql(string groupBy, TimeZoneInfo zone) => groupBy switch
    {
        // The offset is the zone's at the bucket's start (it changes with daylight saving): ISO 8601 with offset.
        Interval => $"to_char(bucket_start at time zone {Infrastructure.CenterTime.SqlLiteral(zone)}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || "
            + $"(case when extract(epoch from (bucket_start at time zone {Infrastructure.CenterTime.SqlLiteral(zone)}) - (bucket_start at time zone 'UTC')) < 0 then '-' else '+' end) || "
            + $"to_char(justify_hours(@ ((bucket_start at time zone {Infrastructure.CenterTime.SqlLiteral(zone)}) - (bucket_start at time zone 'UTC'))), 'HH24:MI')",
        Hour => Local("YYYY-MM-DD HH24:00", zone),
        Day => Local("YYYY-MM-DD", zone),
        Week => Local("IYYY-\"W\"IW", zone),
        Month => Local("YYYY-MM", zone),
        Year => Local("YYYY", zone),
        SkillGroup => Known("skill_group"),
        Agent => Known("agent_id"),
        Area => Known("area"),
        Dnis => Known("dnis"),
        _ => throw new ValidationException([new ValidationFailure("groupBy", $"Unknown grouping {groupBy}.")]),
    };

    static double? Nullable(Npgsql.NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    public static async Task<List<IntervalTotals>> TotalsAsync(ReadModelDb db, ReportRange range, string groupBy, IntervalFilters f, CancellationToken ct)
    {
        var key = KeySql(groupBy, range.Zone);
        var states = !f.ByCallOnly && groupBy is not (Area or Dnis);
        var stateGroups = groupBy == SkillGroup ? "skill_group <> '' and ($3::text is null or skill_group = $3)" : "skill_group = coalesce($3::text, '')";
        var sums = string.Join(", ", Measures.Columns.Select(c => $"sum({c})::bigint as {c}"));
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
                group by 1),
            q as (
                select {key} as k, coalesce(max(answer_wait_ms), 0)::bigint as max_answer, coalesce(max(abandon_wait_ms), 0)::bigint as max_abandon,
                    coalesce(sum(answer_wait_all_ms), 0)::bigint as wait_all, count(answer_wait_all_ms)::bigint as answered_all,
                    percentile_cont(0.5) within group (order by coalesce(answer_wait_ms, abandon_wait_ms)) as p50_wait,
                    percentile_cont(0.9) within group (order by coalesce(answer_wait_ms, abandon_wait_ms)) as p90_wait,
                    percentile_cont(0.5) within group (order by talk_ms) as p50_talk,
                    percentile_cont(0.9) within group (order by talk_ms) as p90_talk
                from kpi_calls
                where bucket_start >= $1 and bucket_start < $2 and ($3::text is null or skill_group = $3) and ($4::text is null or agent_id = $4)
                  and ($5::text is null or area = $5) and ($6::text is null or dnis = $6)
                group by 1)
            select coalesce(c.k, s.k), {string.Join(", ", Measures.Columns.Select(col => $"coalesce(c.{col}, 0)"))},
                coalesce(s.ready, 0), coalesce(s.not_ready, 0), coalesce(s.talking, 0), coalesce(s.wrap_up, 0),
                coalesce(q.max_answer, 0), coalesce(q.max_abandon, 0), coalesce(q.wait_all, 0), coalesce(q.answered_all, 0),
                q.p50_wait, q.p90_wait, q.p50_talk, q.p90_talk
            from c full join s on s.k = c.k left join q on q.k = c.k order by coalesce(c.k, s.k) collate "C"
            """;
        var n = Measures.Columns.Length;
        return await Sql.QueryAsync(await Sql.ConnectionAsync(db, ct), sql, r =>
            new IntervalTotals(r.GetString(0), [.. Enumerable.Range(1, n).Select(r.GetInt64)],
                r.GetInt64(n + 1), r.GetInt64(n + 2), r.GetInt64(n + 3), r.GetInt64(n + 4), states,
                new CallStats(r.GetInt64(n + 5), r.GetInt64(n + 6), r.GetInt64(n + 7), r.GetInt64(n + 8),
                    Nullable(r, n + 9), Nullable(r, n + 10), Nullable(r, n + 11), Nullable(r, n + 12))),
            ct, range.From.ToUniversalTime(), range.To.ToUniversalTime(), f.SkillGroup, f.Agent, f.Area, f.Dnis);
    }
}
