using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;

namespace CallCenter.Reports.Intervals;

/// <summary>One agent's time in one state (and not-ready reason; null after sign-in, before a reason was given) on one center day.</summary>
public sealed record AgentStateTimeRow(string Day, string Agent, string State, string? Reason, double Seconds);

/// <summary>GET /api/reports/agent-states (R-RPT-4 ready / not-ready records, R-STATE-2 reasons): time per state and reason per agent per day.</summary>
public static class AgentStatesReport
{
    public const string Name = "agent-states";
    static readonly string[] Groupings = [IntervalQuery.Day];

    public static readonly ReportDefinition Definition = new(Name, "agents", Groupings, [IntervalQuery.SkillGroup, IntervalQuery.Agent],
        [new("day", "date"), new("agent", "text"), new("state", "text"), new("reason", "text"), new("seconds", "seconds")],
        "bar", "agent", ["seconds"]);

    public static async Task<List<AgentStateTimeRow>> QueryAsync(ReadModelDb db, ReportRange range, IntervalFilters f, CancellationToken ct)
    {
        return await Sql.QueryAsync(await Sql.ConnectionAsync(db, ct), $$"""
            select {{ReportGrouping.CenterDaySql("bucket_start", range.Zone)}}, agent_id, state, reason, sum(ms)::bigint
            from kpi_agent_states
            where bucket_start >= $1 and bucket_start < $2 and skill_group = coalesce($3::text, '') and ($4::text is null or agent_id = $4)
            group by 1, 2, 3, 4 order by 1, agent_id collate "C", state collate "C", reason collate "C"
            """, r => new AgentStateTimeRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3) is { Length: > 0 } reason ? reason : null,
                IntervalTotals.Seconds(r.GetInt64(4))),
            ct, range.From.ToUniversalTime(), range.To.ToUniversalTime(), f.SkillGroup, f.Agent);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/" + Name, async (string? from, string? to, string? groupBy, string? skillGroup, string? agent, string? format,
                ReadModelDb db, CallCenter.Infrastructure.CenterClock center, CurrentUser me, CancellationToken ct) =>
            {
                ReportGrouping.Parse(groupBy, Groupings);
                var range = ReportRange.Parse(from, to, center);
                var visible = await ReportAgents.VisibleAsync(me, agent, ct); // a supervisor: their teams' agents only
                var rows = await QueryAsync(db, range, IntervalFilters.From(skillGroup, agent, null, null), ct);
                return ReportOutput.Rows(ReportAgents.Only(rows, visible, r => r.Agent), format, Name);
            })
            .RequireAuthorization(Policies.Analyze).WithTags("Reports")
            .WithSummary("Ready / not-ready records (R-RPT-4): seconds per state (ready, notReady by reason, talking, wrapUp) per agent per center day. Supervisors: their teams' agents.")
            .WithDescription("A state's time is counted when it ends, cut at 15-minute boundaries. docs/kpis.md.");
}
