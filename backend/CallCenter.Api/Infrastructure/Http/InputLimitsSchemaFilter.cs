using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CallCenter.Infrastructure.Http;

/// <summary>
/// Documents the <see cref="InputGuard"/> floor in the OpenAPI document: every string property without a tighter
/// maxLength gets the guard's (free texts such as a note the longer one), every array its maxItems.
/// </summary>
public sealed class InputLimitsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema s || s.Properties is null) return;
        foreach (var (name, property) in s.Properties)
        {
            if (property is not OpenApiSchema p) continue;
            if (p.Type is { } t && t.HasFlag(JsonSchemaType.String) && p.MaxLength is null)
                p.MaxLength = InputLimits.TextFields.Contains(name) ? InputLimits.Default.MaxText : InputLimits.Default.MaxString;
            if (p.Type is { } a && a.HasFlag(JsonSchemaType.Array) && p.MaxItems is null)
                p.MaxItems = InputLimits.Default.MaxItems;
        }
    }
}
