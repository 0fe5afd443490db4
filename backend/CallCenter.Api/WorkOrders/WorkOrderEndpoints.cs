using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Http;
using CallCenter.WorkOrders.Dispatching;
using Mediator;

namespace CallCenter.WorkOrders;

/// <summary>/api/work-orders (API.md "Work orders and alarms"): dispatch for now; the flow steps come with issue 4.</summary>
public static class WorkOrderEndpoints
{
    public static IServiceCollection AddWorkOrders(this IServiceCollection s) => s.AddScoped<WorkOrderSerials>();

    public static void MapWorkOrders(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/work-orders").WithTags("Work orders").RequireAuthorization(Policies.Desk);
        g.MapPost("/", async (DispatchBody body, IMediator mediator, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var result = await mediator.Send(new DispatchWorkOrder(body.CustomerId, body.Type, body.Description, body.CallId, clock.GetUtcNow()), ct);
                http.Response.Headers.ETag = Etag.Of(result.Revision);
                return TypedResults.Created($"/api/work-orders/{result.Id}", result);
            })
            .WithSummary("Dispatch a fault-repair or installation work order (R-SVC-3); name, area and service type come from the customer directory. 201 with id and serial.");
    }
}
