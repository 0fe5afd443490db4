using CallCenter.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Customers.Authorizations;

/// <summary>R-SVC-2 over HTTP: a customer's authorisation history, re-authorising a smart card or modem, temporary authorisation.</summary>
public static class AuthorizationEndpoints
{
    public static IServiceCollection AddAuthorizations(this IServiceCollection s)
    {
        s.AddScoped<AuthorizationDesk>();
        s.AddSingleton<CallCenter.Infrastructure.Projections.IProjection, AuthorizationHistoryProjection>();
        return s;
    }

    public static void MapAuthorizations(this IEndpointRouteBuilder app)
    {
        // Agents at the desk, their supervisors and admins; analysts and auditors have no business here.
        var g = app.MapGroup("/api/customers/{customerId}/authorizations").WithTags("Customers").RequireAuthorization(Policies.Desk);
        g.MapGet("/", async (string customerId, AuthorizationDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.HistoryAsync(customerId, ct)))
            .WithSummary("A customer's authorisation (a running temporary grant) and its history, newest first (R-SVC-2).");
        g.MapPost("/reauthorize", async (string customerId, [FromBody] ReauthorizeBody? body, AuthorizationDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.ReauthorizeAsync(customerId, body, ct)))
            .WithSummary("Authorise the customer's smart card, or a modem by its MAC address, again (R-SVC-2). " +
                         "422 when the customer is cancelled, has no smart card, or is suspended for arrears without a temporary authorisation.");
        g.MapPost("/temporary", async (string customerId, [FromBody] TemporaryAuthorizationBody? body, AuthorizationDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.GrantTemporaryAsync(customerId, body, ct)))
            .WithSummary("Grant a customer suspended for arrears service for 1 to 7 days (R-SVC-2). " +
                         "422 when the customer is not suspended for arrears or a temporary authorisation is still running.");
    }
}
