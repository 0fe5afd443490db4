using CallCenter.Calls;
using CallCenter.Infrastructure.Auth;

namespace CallCenter.Supervisor.Supervising;

/// <summary>R-SUP-1…4: POST /api/calls/{callId}/monitor | whisper | barge | intercept | force-release | leave-supervision.</summary>
public static class SupervisionEndpoints
{
    public static IServiceCollection AddCallSupervision(this IServiceCollection s) => s.AddScoped<CallSupervisor>();

    public static void MapCallSupervision(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/calls").WithTags("Supervisor").RequireAuthorization(Policies.Supervise);
        Step(g, "monitor", SupervisionModes.Monitor, "Silent monitor (R-SUP-1): hear the call; nobody hears you and the agent's screen shows nothing.");
        Step(g, "whisper", SupervisionModes.Whisper, "Whisper / coach: the agent hears you, the customer does not.");
        Step(g, "barge", SupervisionModes.Barge, "Barge in (R-SUP-2): join the call as a third party.");
        Step(g, "intercept", SupervisionModes.Intercept, "Intercept (R-SUP-4): take the call; the agent drops out (and tags it in after-call work).");
        Step(g, "force-release", SupervisionModes.Release, "Force release (R-SUP-3): end the call for everyone.");
        Step(g, "leave-supervision", SupervisionModes.Leave, "Stop monitoring, whispering or barging; the call goes on.");
    }

    static void Step(RouteGroupBuilder g, string verb, string mode, string summary) =>
        g.MapPost($"/{{callId}}/{verb}", async (string callId, CallSupervisor supervisor, CancellationToken ct) =>
                TypedResults.Ok(await supervisor.SuperviseAsync(callId, mode, ct)))
            .WithSummary(summary + " Supervisor of an agent on the call, or admin (another team's supervisor: 403). An event on the call's stream whose actor is you.");
}
