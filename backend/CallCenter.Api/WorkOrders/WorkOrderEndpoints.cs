using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Http;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Reports;
using CallCenter.WorkOrders.Dispatching;
using CallCenter.WorkOrders.Listing;
using CallCenter.WorkOrders.Progressing;
using Mediator;

namespace CallCenter.WorkOrders;

public sealed record AssignBody(string? Technician, string? Team);
public sealed record CompleteBody(string? Result, string? Note);
public sealed record ReassignBody(string? Technician, string? Team, string? Reason);

/// <summary>/api/work-orders (API.md "Work orders and alarms"): dispatch, the flow steps (R-WO-2), search and monitoring (R-SVC-3, R-WO-3).</summary>
public static class WorkOrderEndpoints
{
    public static IServiceCollection AddWorkOrders(this IServiceCollection s) =>
        s.AddScoped<WorkOrderSerials>().AddSingleton<IProjection, WorkOrderListProjection>();

    public static void MapWorkOrders(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/work-orders").WithTags("Work orders").RequireAuthorization(Policies.Desk);
        g.MapPost("/", async (DispatchBody body, IMediator mediator, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var result = await mediator.Send(new DispatchWorkOrder(body.CustomerId, body.Type, body.Description, body.CallId, clock.GetUtcNow()), ct);
                http.Response.Headers.ETag = Etag.Of(result.Revision);
                return TypedResults.Created($"/api/work-orders/{result.Id}", result);
            })
            .WithSummary("Dispatch a fault-repair, installation or delivery work order (R-SVC-3); name, area and service type come from the customer directory. 201 with id and serial.")
            .WithDescription("With callId, from a call: an agent who is no longer talking on it goes to after-call work (R-STATE-4). " +
                "With an Idempotency-Key a retried POST returns the first work order (201, same id and serial) and stores nothing new.")
            .IdempotentCreate();

        MapStep(g, "assign", (AssignBody b, string by, DateTimeOffset at) => new Assign(b.Technician, b.Team, by, at),
            "Assign to a technician (and their team) or a whole team.");
        MapStep(g, "accept", (by, at) => new Accept(by, at), "The technician accepted it.");
        MapStep(g, "arrive", (by, at) => new ArriveOnSite(by, at), "The technician is on site.");
        MapStep(g, "complete", (CompleteBody b, string by, DateTimeOffset at) => new Complete(b.Result ?? "", b.Note, by, at),
            "Completed with a result (resolved, partially-resolved, unresolved, customer-absent) and a note.");
        MapStep(g, "close", (by, at) => new Close(by, at), "An admin confirms the result and closes it.")
            .RequireAuthorization(Policies.Administer);
        MapStep(g, "reassign", (ReassignBody b, string by, DateTimeOffset at) => new Reassign(b.Technician, b.Team, b.Reason, by, at),
            "An admin gives it to another technician or team; the flow goes back to assigned.")
            .RequireAuthorization(Policies.Administer);

        g.MapGet("/", async (string? q, string? status, string? step, string? area, string? type, string? technician, string? callId,
                string? from, string? to, int? limit, int? offset, ReadModelDb db, CallCenter.Infrastructure.CenterClock center, CancellationToken ct) =>
            {
                var range = from is null && to is null ? null : ReportRange.Parse(from, to, center);
                var search = new WorkOrderSearch(q, status, step, area, type, technician, callId, range?.From, range?.To,
                    Math.Clamp(limit ?? 50, 1, 500), Math.Max(offset ?? 0, 0));
                return TypedResults.Ok(await new WorkOrderQueries(await Sql.ConnectionAsync(db, ct)).SearchAsync(search, ct));
            })
            .WithSummary("Search work orders (R-SVC-3): q matches serial, customer name or id, description; filters status, step, area, type, technician (or team), callId, from/to (dispatch time). Newest first, paged by limit/offset.");
        g.MapGet("/{id}", async (string id, ReadModelDb db, HttpContext http, CancellationToken ct) =>
            {
                var detail = await new WorkOrderQueries(await Sql.ConnectionAsync(db, ct)).DetailAsync(id, ct)
                    ?? throw new NotFoundException($"There is no work order '{id}'.");
                http.Response.Headers.ETag = Etag.Of(detail.WorkOrder.Revision);
                return TypedResults.Ok(detail);
            })
            .WithSummary("One work order with its timeline of steps (who, when, result, reason).");
        g.MapGet("/technicians", async (ReadModelDb db, CancellationToken ct) =>
                TypedResults.Ok(await new WorkOrderQueries(await Sql.ConnectionAsync(db, ct)).WhereaboutsAsync(ct)))
            .WithSummary("R-WO-3: every field technician, their team and area, and the work order they are on with its step.");
        g.MapGet("/teams", () => TypedResults.Ok(FieldTeams.All)).WithSummary("The field teams and their technicians (who work orders are assigned to).");
    }

    static RouteHandlerBuilder MapStep<TBody>(RouteGroupBuilder g, string path, Func<TBody, string, DateTimeOffset, WorkOrderStep> step, string summary) =>
        g.MapPost("/{id}/" + path, async (string id, TBody body, IMediator mediator, CurrentUser user, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var result = await mediator.Send(new ProgressWorkOrder(id, step(body, user.Id, clock.GetUtcNow()), Etag.IfMatch(http)), ct);
                http.Response.Headers.ETag = Etag.Of(result.Revision);
                return TypedResults.Ok(result);
            })
            .WithSummary(summary + " 422 when the work order is not at the step before; If-Match optional.");

    /// <summary>A step with nothing to say but who and when: no body needed (an empty JSON body is ignored).</summary>
    static RouteHandlerBuilder MapStep(RouteGroupBuilder g, string path, Func<string, DateTimeOffset, WorkOrderStep> step, string summary) =>
        g.MapPost("/{id}/" + path, async (string id, IMediator mediator, CurrentUser user, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var result = await mediator.Send(new ProgressWorkOrder(id, step(user.Id, clock.GetUtcNow()), Etag.IfMatch(http)), ct);
                http.Response.Headers.ETag = Etag.Of(result.Revision);
                return TypedResults.Ok(result);
            })
            .WithSummary(summary + " 422 when the work order is not at the step before; If-Match optional.");
}
