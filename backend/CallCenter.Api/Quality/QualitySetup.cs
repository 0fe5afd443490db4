using CallCenter.Infrastructure.Projections;
using CallCenter.Quality.Reporting;
using CallCenter.Quality.Reviews;

namespace CallCenter.Quality;

/// <summary>Quality inspection (issue 15, docs/quality.md): forms, sampling, scoring, disputes, the QA report.</summary>
public static class QualitySetup
{
    public static void AddQuality(this IServiceCollection s)
    {
        s.AddSingleton<IProjection, QaProjection>();
        s.AddSingleton(QaReport.Definition);
    }

    public static void MapQuality(this IEndpointRouteBuilder app)
    {
        DefiningForms.DefiningForms.Map(app);
        Sampling.Sampling.Map(app);
        Scoring.Scoring.Map(app);
        Disputing.Disputing.Map(app);
        ReviewEndpoints.Map(app);
        QaReport.Map(app);
    }
}
