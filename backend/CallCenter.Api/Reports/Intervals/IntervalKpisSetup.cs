using CallCenter.Infrastructure.Projections;

namespace CallCenter.Reports.Intervals;

/// <summary>The interval-KPI read model, the reports on it (one catalogue entry each) and My workload.</summary>
public static class IntervalKpisSetup
{
    public static IServiceCollection AddIntervalKpis(this IServiceCollection s) => s
        .AddSingleton<IProjection, IntervalKpiProjection>()
        .AddSingleton(ServiceLevelReport.Definition)
        .AddSingleton(CallVolumeReport.Definition)
        .AddSingleton(QueueTimeReport.Definition)
        .AddSingleton(EfficiencyReports.AgentDefinition)
        .AddSingleton(EfficiencyReports.SkillGroupDefinition)
        .AddSingleton(AnswerRankingReport.Definition)
        .AddSingleton(AgentStatesReport.Definition);

    public static void MapIntervalKpis(this IEndpointRouteBuilder app)
    {
        ServiceLevelReport.Map(app);
        CallVolumeReport.Map(app);
        QueueTimeReport.Map(app);
        EfficiencyReports.Map(app);
        AnswerRankingReport.Map(app);
        AgentStatesReport.Map(app);
        MyWorkload.Map(app);
    }
}
