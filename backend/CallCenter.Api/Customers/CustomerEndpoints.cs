using CallCenter.Customers.Searching;
using CallCenter.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Customers;

/// <summary>The customer directory over HTTP (R-SVC-1, API.md `GET /api/customers?q=`).</summary>
public static class CustomerEndpoints
{
    public static IServiceCollection AddCustomers(this IServiceCollection s)
    {
        s.AddScoped<CustomerSearch>();
        s.AddScoped<CustomerDirectory>();
        return s;
    }

    public static void MapCustomers(this IEndpointRouteBuilder app)
    {
        // Every role may look customers up; a signed-in user without any role may not.
        var g = app.MapGroup("/api/customers").WithTags("Customers").RequireAuthorization(p => p.RequireRole(Roles.All));

        g.MapGet("/", async Task<Results<Ok<IReadOnlyList<CustomerDto>>, ValidationProblem>> (string? q, int? take, CustomerSearch search, CancellationToken ct) =>
            {
                var errors = CustomerSearch.Validate(q, take);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                return TypedResults.Ok(await search.SearchAsync(q!, take ?? CustomerSearch.DefaultTake, ct));
            })
            .WithSummary("Fuzzy customer search on name, address, phone and smart card (R-SVC-1).")
            .WithDescription("Exact phone, smart-card or id matches come first, then names and addresses by how well they match. " +
                             "q: one Chinese surname (names that begin with it) or 2 to 64 characters; take: 1 to 100, default 20.");

        g.MapGet("/{id}", async Task<Results<Ok<CustomerDto>, ProblemHttpResult>> (string id, CustomerDirectory directory, CancellationToken ct) =>
                await directory.FindByIdAsync(id, ct) is { } customer
                    ? TypedResults.Ok(customer)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No customer {id}."))
            .WithSummary("One customer: profile and business data (R-POP-2, R-POP-3).");
    }
}
