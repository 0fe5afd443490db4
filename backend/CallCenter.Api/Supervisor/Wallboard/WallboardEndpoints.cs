using CallCenter.Infrastructure.Auth;

namespace CallCenter.Supervisor.Wallboard;

/// <summary>The queue wallboard (R-SUP-7).</summary>
public static class WallboardEndpoints
{
    public static IServiceCollection AddWallboard(this IServiceCollection s)
    {
        s.AddScoped<WallboardQuery>();
        s.AddSingleton<WallboardSignal>();
        s.AddHostedService(sp => sp.GetRequiredService<WallboardSignal>());
        return s;
    }

    public static void MapWallboard(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/wallboard", async (WallboardQuery q, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await q.BuildAsync(await user.VisibleAgentsAsync(ct), ct)))
            .WithTags("Supervisor")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin, Roles.Analyst))
            .WithSummary("The queue wallboard (R-SUP-7): per queue waiting, longest wait, in progress and today's answered, abandoned and service level; agents by state and team.")
            .WithDescription("Today is the center's day in its time zone; today's figures equal GET /api/reports/service-level for that day grouped by skill group. " +
                             "A supervisor sees the agents of their own teams. Live: SignalR \"wallboardChanged\" (refetch).");
}
