using CallCenter.Customers;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;

namespace CallCenter.Calls.ScreenPops;

/// <summary>GET /api/calls/{callId}/screen-pop (API.md, R-POP) and the projection behind it.</summary>
public static class ScreenPopEndpoints
{
    public static IServiceCollection AddScreenPops(this IServiceCollection s) => s
        .AddSingleton<IProjection, ScreenPopProjection>()
        .AddSingleton<ScreenPopPusher>();

    public static void MapScreenPops(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/calls/{callId}/screen-pop", async (string callId, string? customerId, ReadModelDb db, CurrentUser user, CancellationToken ct) =>
            {
                var connection = await Sql.ConnectionAsync(db, ct);
                var pop = await new PopsStore(connection).FindAsync(callId, ct)
                    ?? throw new NotFoundException($"Call '{callId}' has no screen pop (yet).");
                if (!user.CanSupervise && !pop.OfferedTo.Contains(user.Id))
                    throw new ForbiddenException($"Call '{callId}' was not offered to '{user.Id}'.");
                if (string.IsNullOrWhiteSpace(customerId)) return TypedResults.Ok(ScreenPopDto.From(callId, pop.AgentId, pop.Content));

                var directory = new CustomerDirectory(db);
                var customer = await directory.FindByIdAsync(customerId, ct) ?? throw new NotFoundException($"There is no customer '{customerId}'.");
                var builder = new PopBuilder(directory, new CallFactsStore(connection), new WorkOrderFactsStore(connection));
                return TypedResults.Ok(ScreenPopDto.From(callId, pop.AgentId, await builder.ForCustomerAsync(pop.Content, customer, ct)));
            })
            .RequireAuthorization(Policies.Desk).WithTags("Calls")
            .WithSummary("The call's screen pop (R-POP-1…5): customers matching the caller's number, and for one the profile, business data, last 4 calls and last 4 work orders.")
            .WithDescription("customerId: the customer the agent picked (of several, or from a search) — returns that customer's single view. " +
                             "Agents read pops of calls offered to them; supervisors any. 404 while the call has no pop.");
}
