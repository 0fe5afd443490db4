using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CallCenter.Infrastructure.Http.OpenApi;

/// <summary>Shows the <c>Idempotency-Key</c> header on every create that takes it (<see cref="Idempotency"/>, decision 0023).</summary>
public sealed class IdempotencyKeyHeader : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentCreate>().Any()) return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Idempotency.Header, In = ParameterLocation.Header, Required = false, Description = Idempotency.Description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 8, MaxLength = 128, Pattern = "^[A-Za-z0-9._:-]+$" },
        });
    }
}
