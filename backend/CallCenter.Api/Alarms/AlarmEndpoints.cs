using CallCenter.Alarms.Configuring;
using CallCenter.Alarms.Counting;
using CallCenter.Alarms.History;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Reports;
using Mediator;

namespace CallCenter.Alarms;

public sealed record AlarmSettingsBody(int? Level3, int? Level2, int? Level1, int? WindowMinutes);

/// <summary>/api/alarms (API.md "Work orders and alarms"): the 3-tier outage alarm per business area (R-ALARM-1, R-ALARM-2).</summary>
public static class AlarmEndpoints
{
    public static IServiceCollection AddAlarms(this IServiceCollection s) => s
        .AddSingleton<AlarmAreaWriter>()
        .AddSingleton<IProjection, AlarmCounting>()
        .AddSingleton<IProjection, AlarmHistoryProjection>()
        .AddHostedService<AlarmClock>();

    public static void MapAlarms(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/alarms").WithTags("Alarms").RequireAuthorization();
        g.MapGet("/active", async (ReadModelDb db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await new AlarmQueries(await Sql.ConnectionAsync(db, ct)).ActiveAsync(clock.GetUtcNow(), ct)))
            .WithSummary("Areas with a raised alarm: level (1 most severe … 3), calls in the window ending now, since when. Changes are pushed as `alarmChanged`.");
        g.MapGet("/", async (string? from, string? to, string? area, ReadModelDb db, CallCenter.Infrastructure.CenterClock center, CancellationToken ct) =>
            {
                var range = ReportRange.Parse(from, to, center);
                return TypedResults.Ok(await new AlarmQueries(await Sql.ConnectionAsync(db, ct)).HistoryAsync(range.From, range.To, area, ct));
            })
            .WithSummary("Alarm history: every level change (raised, escalated, deEscalated, cleared) in [from, to), by event time; optional area.");
        g.MapGet("/settings", async (CommandPipeline pipeline, CancellationToken ct) =>
            {
                var (rules, _) = await pipeline.LoadAsync<AlarmRulesStream, IReadOnlyList<AlarmRule>, AlarmThresholdsSet>(AlarmRulesStream.Id, ct);
                return TypedResults.Ok(AlarmSettings.From(rules[^1]));
            })
            .WithSummary("The thresholds (calls in the window for level 3, 2, 1) and the window in minutes now in effect.");
        g.MapPut("/settings", async (AlarmSettingsBody body, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetAlarmThresholds(body.Level3 ?? 0, body.Level2 ?? 0, body.Level1 ?? 0, body.WindowMinutes ?? 0, clock.GetUtcNow()), ct)))
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Admins: change thresholds and window, in effect from now (past alarms keep the rules of their time).");
    }
}
