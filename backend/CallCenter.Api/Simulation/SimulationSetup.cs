using CallCenter.Infrastructure.Auth;
using CallCenter.Simulation.History;
using CallCenter.Simulation.Live;

namespace CallCenter.Simulation;

public sealed record HistoryBody(int? Days, int? Seed, int? CallsPerDay, DateOnly? EndDate);

/// <summary>The traffic generator: history on a virtual clock (admins) and live demo traffic (CALLCENTER_SIMULATOR).</summary>
public static class SimulationSetup
{
    public static IServiceCollection AddSimulation(this IServiceCollection s)
    {
        s.AddSingleton<HistoryGenerator>();
        s.AddSingleton<BotAgents>();
        s.AddHostedService<LiveTraffic>();
        return s;
    }

    public static void MapSimulation(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/simulator/history").WithTags("Simulator").RequireAuthorization(Policies.Administer);
        g.MapPost("/", (HistoryBody body, HistoryGenerator generator, IHostApplicationLifetime life, ILogger<HistoryGenerator> log) =>
            {
                var request = new HistoryRequest(body.Days ?? 7, body.Seed ?? 1, body.CallsPerDay ?? 2000, body.EndDate);
                var errors = new Dictionary<string, string[]>();
                if (request.Days is < 1 or > 400) errors["days"] = ["1 to 400 days."];
                if (request.CallsPerDay is < 1 or > 50_000) errors["callsPerDay"] = ["1 to 50,000 calls a day."];
                if (generator.Progress.Running) return Results.Problem(statusCode: 409, title: "A history run is in progress.");
                if (errors.Count > 0) return Results.ValidationProblem(errors);
                _ = Task.Run(async () =>
                {
                    try { await generator.RunAsync(request, life.ApplicationStopping); }
                    catch (Exception ex) { log.LogError(ex, "History generation failed"); }
                });
                return Results.Accepted("/api/simulator/history", generator.Progress with { Running = true, Days = request.Days });
            })
            .Produces<HistoryProgress>(StatusCodes.Status202Accepted)
            .WithSummary("Generate N days of history on a virtual clock (deterministic by seed), through CTI ingestion. 202; poll GET for progress.");
        g.MapGet("/", (HistoryGenerator generator) => TypedResults.Ok(generator.Progress)).WithSummary("Progress of the history run.");
    }
}
