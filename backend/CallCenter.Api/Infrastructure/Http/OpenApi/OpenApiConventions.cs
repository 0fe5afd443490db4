using Swashbuckle.AspNetCore.SwaggerGen;

namespace CallCenter.Infrastructure.Http.OpenApi;

/// <summary>
/// R-USE-4: conventions that make every operation of the OpenAPI document complete without editing each endpoint —
/// they apply to every endpoint mapped now or later (any MapGroup): error responses with problem-details schemas
/// (<see cref="ErrorResponses"/>), security schemes and requirements (<see cref="Security"/>), parameter descriptions
/// (<see cref="ParameterDescriptions"/>), the Idempotency-Key header on creates (<see cref="IdempotencyKeyHeader"/>) and enums for closed sets (<see cref="ClosedSets"/>).
/// <c>OpenApiCompletenessTests</c> walks the document and fails on any operation these leave incomplete.
/// </summary>
public static class OpenApiConventions
{
    public static void Add(SwaggerGenOptions o)
    {
        o.OperationFilter<ErrorResponses>();
        o.OperationFilter<Security>();
        o.OperationFilter<ParameterDescriptions>();
        o.OperationFilter<IdempotencyKeyHeader>();
        o.SchemaFilter<ClosedSets>();
        o.DocumentFilter<Security>();
    }
}
