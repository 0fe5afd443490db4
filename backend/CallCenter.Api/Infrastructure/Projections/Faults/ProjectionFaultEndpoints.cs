using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections.Rebuilds;
using FluentValidation;
using FluentValidation.Results;

namespace CallCenter.Infrastructure.Projections.Faults;

/// <param name="Position">The position the projection is faulted at (as GET /api/projections shows it): the skip is refused when it moved meanwhile.</param>
/// <param name="Reason">Why the event may be passed over (recorded with the skip), 3 to 500 characters.</param>
public sealed record SkipBody(ulong? Position, string? Reason);

/// <summary>POST /api/projections/{name}/retry and /skip: an admin's decisions on a faulted projection (decision 0021).</summary>
public static class ProjectionFaultEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        g.MapPost("/{name}/retry", async (string name, ProjectionFaults faults, ProjectionOverview overview, ReadModelDb db, CancellationToken ct) =>
            {
                if (!await faults.RetryAsync(name, ct)) throw new RuleViolationException($"'{name}' is not faulted.");
                return TypedResults.Accepted("/api/projections", (await overview.AllAsync(db, ct)).Single(p => p.Name == name));
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Try a faulted projection's event again (202); 422 when it is not faulted.");
        g.MapPost("/{name}/skip", async (string name, SkipBody body, ProjectionFaults faults, ProjectionOverview overview, ReadModelDb db,
                CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = new List<ValidationFailure>();
                if (body.Position is null) errors.Add(new("position", "position: the position the projection is faulted at."));
                if (body.Reason is not { Length: >= 3 and <= 500 } || string.IsNullOrWhiteSpace(body.Reason)) errors.Add(new("reason", "Say why the event may be skipped (3 to 500 characters)."));
                if (errors.Count > 0) throw new ValidationException(errors);
                var metadata = new EventMetadata(user.Id, EventMetadata.Sources.Admin, Guid.NewGuid());
                if (await faults.SkipAsync(name, body.Position!.Value, body.Reason!.Trim(), metadata, clock.GetUtcNow(), ct) is null)
                    throw new RuleViolationException($"'{name}' is not faulted at position {body.Position}.");
                return TypedResults.Accepted("/api/projections", (await overview.AllAsync(db, ct)).Single(p => p.Name == name));
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Pass over the event a projection is faulted at, with a reason (202): recorded as ProjectionEventSkipped in the stream projection-{name}, and skipped by every rebuild too.");
    }
}
