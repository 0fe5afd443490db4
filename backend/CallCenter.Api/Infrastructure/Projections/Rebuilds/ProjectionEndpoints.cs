using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;

namespace CallCenter.Infrastructure.Projections.Rebuilds;

/// <summary>GET /api/projections and POST /api/projections/{name}/rebuild (API.md, R-USE-2), and what runs them.</summary>
public static class ProjectionEndpoints
{
    public static IServiceCollection AddProjectionRebuilds(this IServiceCollection s)
    {
        s.AddSingleton<VersionRegistry>();
        s.AddSingleton<Faults.ProjectionFaults>();
        s.AddSingleton<RebuildProgress>();
        s.AddSingleton<VersionBuilder>();
        s.AddSingleton<ProjectionOverview>();
        s.AddSingleton<RebuildRunner>();
        s.AddHostedService(sp => sp.GetRequiredService<RebuildRunner>());
        return s;
    }

    /// <summary>At start, before the runners: the registry, with version 1 for every rebuildable projection not in it yet.</summary>
    public static Task EnsureVersionsAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<VersionRegistry>().EnsureAsync(
            services.GetServices<IProjection>().Where(p => p is not IReactor).Select(p => p.Name), ct);

    public static void MapProjections(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/projections").WithTags("Projections");
        g.MapGet("/", (ProjectionOverview overview, ReadModelDb db, CancellationToken ct) => overview.AllAsync(db, ct))
            .RequireAuthorization(Policies.Analyze)
            .WithSummary("Every projection: live version, checkpoint, lag against the store's head (events, seconds), state (live | rebuilding), rebuild progress.");
        g.MapPost("/{name}/rebuild", async (string name, IEnumerable<IProjection> projections, VersionRegistry registry, RebuildRunner runner,
                ProjectionOverview overview, ReadModelDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var projection = projections.SingleOrDefault(p => p.Name == name) ?? throw new NotFoundException($"There is no projection '{name}'.");
                if (projection is IReactor) throw new RuleViolationException($"'{name}' is a reactor (it appends events); it has no read model to rebuild.");
                if (await registry.TryBeginRebuildAsync(name, user.Id, clock.GetUtcNow(), ct) is null)
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A rebuild of this projection is already running.");
                runner.Wake();
                return Results.Accepted("/api/projections", (await overview.AllAsync(db, ct)).Single(p => p.Name == name));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst, Roles.Admin)) // R-USE-2: analysts rebuild KPI projections; admins too
            .Produces<ProjectionInfo>(StatusCodes.Status202Accepted)
            .WithSummary("Rebuild a read model from position 0 beside the live version, then switch it in atomically (202). 409 while a rebuild of it runs.")
            .WithDescription("The live version keeps answering queries meanwhile. Progress: GET /api/projections and the SignalR message projectionProgress.");
        Faults.ProjectionFaultEndpoints.Map(g);
    }
}
