using CallCenter.Infrastructure.Http;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Telephony.CallControl;

namespace CallCenter.Telephony.Simulator;

/// <summary>The simulated callers, for the demo, tests and admins trying things out (admin, supervisor, or the CTI key).</summary>
public static class SimulatorEndpoints
{
    public static void MapSimulatorCalls(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/simulator/calls").WithTags("Simulator").AllowAnonymous();
        g.MapPost("/", async (InboundCall call, HttpContext http, AppOptions options, ISimulatedCallers callers, CancellationToken ct) =>
            {
                Authorize(http, options);
                if (Customers.PhoneNumbers.DigitsOf(call.Ani) is not { Length: >= 3 and <= 20 })
                    throw new FluentValidation.ValidationException([new("ani", "The caller number has 3 to 20 digits.")]);
                if (call.PatienceSeconds is < 1 or > 3600)
                    throw new FluentValidation.ValidationException([new("patienceSeconds", "1 to 3600 seconds.")]);
                if (call.SurveyScore is < 1 or > 5)
                    throw new FluentValidation.ValidationException([new("surveyScore", "A score from 1 to 5.")]);
                return TypedResults.Ok(new CallRef(await callers.CallInAsync(call, ct)));
            })
            .IdempotentCreate()
            .WithSummary("A simulated caller dials in: blacklist check, IVR queue, ACD routing (R-ACD-1…6).");
        g.MapPost("/{callId}/hang-up", async (string callId, HttpContext http, AppOptions options, ISimulatedCallers callers, CancellationToken ct) =>
            {
                Authorize(http, options);
                await callers.CallerHangsUpAsync(callId, ct);
                return TypedResults.Ok(new CallRef(callId));
            })
            .WithSummary("The simulated caller (or external party) hangs up.");
    }

    static void Authorize(HttpContext http, AppOptions options)
    {
        var key = http.Request.Headers[Calls.CallEndpoints.ApiKeyHeader].ToString();
        if (key.Length > 0 && Calls.CallEndpoints.KeyMatches(key, options.CtiKey)) return;
        if (http.User.Identity?.IsAuthenticated != true) throw new UnauthorizedAccessException();
        if (!http.User.IsInRole(Roles.Supervisor) && !http.User.IsInRole(Roles.Admin))
            throw new ForbiddenException("Only supervisors and admins drive the simulator.");
    }
}
