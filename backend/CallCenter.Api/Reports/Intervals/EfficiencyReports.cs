using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using static CallCenter.Reports.Intervals.IntervalQuery;

namespace CallCenter.Reports.Intervals;

/// <summary>
/// Handling figures per agent or skill group: answered = calls the agent answered (a transferred call counts for each agent
/// who answered it), talk, hold and after-call work totals, AHT, and the agents' state times with occupancy.
/// </summary>
public sealed record EfficiencyRow(string Key, long Answered, double TalkSeconds, double HoldSeconds, double AcwSeconds, double? AhtSeconds,
    double SignedInSeconds, double ReadySeconds, double NotReadySeconds, double? Occupancy)
{
    public static EfficiencyRow From(IntervalTotals t) => new(t.Key, t.Handled, t.TalkSeconds, t.HoldSeconds, t.AcwSeconds, t.AhtSeconds,
        IntervalTotals.Seconds(t.SignedInMs), IntervalTotals.Seconds(t.ReadyMs), IntervalTotals.Seconds(t.NotReadyMs), t.Occupancy);
}

/// <summary>GET /api/reports/agent-efficiency and /skill-group-efficiency (R-RPT-4).</summary>
public static class EfficiencyReports
{
    public const string AgentName = "agent-efficiency", SkillGroupName = "skill-group-efficiency";

    static readonly ReportColumn[] Columns =
    [
        new("key", "text"), new("answered", "count"), new("talkSeconds", "seconds"), new("holdSeconds", "seconds"), new("acwSeconds", "seconds"),
        new("ahtSeconds", "seconds"), new("signedInSeconds", "seconds"), new("readySeconds", "seconds"), new("notReadySeconds", "seconds"), new("occupancy", "percent"),
    ];

    public static readonly ReportDefinition AgentDefinition = new(AgentName, "efficiency", [Agent, Day, Week, Month, Year], [SkillGroup, Agent], Columns, "bar", "key", ["answered", "occupancy"]);
    public static readonly ReportDefinition SkillGroupDefinition = new(SkillGroupName, "efficiency", [SkillGroup, Day, Week, Month, Year], [SkillGroup, Agent], Columns, "bar", "key", ["answered", "occupancy"]);

    public static void Map(IEndpointRouteBuilder app)
    {
        MapOne(app, AgentDefinition, "Agent efficiency (R-RPT-4): answered, talk, hold, after-call work, AHT, state times and occupancy per agent.");
        MapOne(app, SkillGroupDefinition, "Skill-group efficiency (R-RPT-4): the same per skill group (state times of the group's members).");
    }

    static void MapOne(IEndpointRouteBuilder app, ReportDefinition def, string summary) =>
        app.MapGet("/api/reports/" + def.Name, async (string? from, string? to, string? groupBy, string? skillGroup, string? agent, string? format,
                ReadModelDb db, CallCenter.Infrastructure.CenterClock center, CurrentUser me, CancellationToken ct) =>
            {
                var range = ReportRange.Parse(from, to, center);
                var grouping = ReportGrouping.Parse(groupBy, def.GroupBy);
                var visible = await ReportAgents.VisibleAsync(me, agent, ct); // a supervisor: their teams' agents only
                var rows = await TotalsAsync(db, range, grouping, IntervalFilters.From(skillGroup, agent, null, null), ct);
                return ReportOutput.Rows(ReportAgents.Only(rows.Where(r => r.Handled > 0 || r.SignedInMs > 0), grouping, visible, r => r.Key)
                    .Select(EfficiencyRow.From).ToList(), format, def.Name);
            })
            .RequireAuthorization(Policies.Analyze).WithTags("Reports").WithSummary(summary)
            .WithDescription("AHT = (talk + hold + after-call work) / answered; occupancy = (talking + wrap-up) / (ready + talking + wrap-up). docs/kpis.md.");
}
