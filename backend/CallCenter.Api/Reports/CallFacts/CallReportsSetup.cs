using CallCenter.Infrastructure.Projections;
using CallCenter.Reports.Identification;
using CallCenter.Reports.OneTimeFix;
using CallCenter.Reports.Satisfaction;

namespace CallCenter.Reports.CallFacts;

/// <summary>The call reports (one-time-fix, identification, satisfaction): their projection, catalogue entries and endpoints.</summary>
public static class CallReportsSetup
{
    public static IServiceCollection AddCallReports(this IServiceCollection s) => s
        .AddSingleton<IProjection, CallReportProjection>()
        .AddSingleton(OneTimeFixReport.Definition)
        .AddSingleton(IdentificationReport.Definition)
        .AddSingleton(SatisfactionReport.Definition);

    public static void MapCallReports(this IEndpointRouteBuilder app)
    {
        OneTimeFixReport.Map(app);
        IdentificationReport.Map(app);
        SatisfactionReport.Map(app);
    }
}
