using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CallCenter.Infrastructure.Http.OpenApi;

/// <summary>
/// Adds the error responses of <see cref="ProblemMapping"/> that can happen to an operation, each with its schema:
/// 400 <c>HttpValidationProblemDetails</c> (errors by field) when it takes input or changes something (malformed input,
/// a missing XSRF header); 401 when it needs a session or the CTI key; 403 when a role or the agent's own scope is
/// checked; 404 when it addresses something by a route value; 409 (changed meanwhile, duplicate) and 422 (a rule refuses
/// it now) when it changes something. Responses an endpoint declares itself are kept.
/// </summary>
public sealed class ErrorResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var path = "/" + (api.RelativePath ?? "");
        var changes = !HttpMethods.IsGet(api.HttpMethod ?? "GET") && !HttpMethods.IsHead(api.HttpMethod ?? "GET");
        var keyed = Security.UsesCtiKey(path);
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var signedIn = !anonymous && authorize.Count > 0;
        var byRole = authorize.Any(a => a.Policy is not null || a.Roles is not null);
        var input = api.ParameterDescriptions.Count > 0;
        var routeValue = api.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);

        operation.Responses ??= new OpenApiResponses();
        if (input || changes) Add(operation, context, "400", typeof(HttpValidationProblemDetails), "The request is not valid: `errors` names each field at fault (nothing was changed).");
        if (signedIn || keyed) Add(operation, context, "401", typeof(ProblemDetails), keyed && !signedIn ? "Missing or wrong X-Api-Key (or no session)." : "Sign in first (no valid session cookie).");
        if (signedIn && (byRole || routeValue || changes)) Add(operation, context, "403", typeof(ProblemDetails), "Your role, or your scope (your own agent, your teams), does not allow this.");
        if (routeValue) Add(operation, context, "404", typeof(ProblemDetails), "Nothing has the id given in the path.");
        if (changes && (signedIn || keyed))
        {
            Add(operation, context, "409", typeof(ProblemDetails), "Changed meanwhile (If-Match or a concurrent change) or already exists: reload and try again.");
            Add(operation, context, "422", typeof(ProblemDetails), "A business rule refuses this now (e.g. the agent's state does not allow it).");
        }
        if (api.ParameterDescriptions.Any(p => p.Name == "format") && operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse { Content: { } okContent })
            okContent[Reports.ReportOutput.XlsxContentType] = new OpenApiMediaType(); // format=xlsx: the same rows as an Excel file
        foreach (var (code, response) in operation.Responses)
        {
            if (response is not OpenApiResponse r) continue;
            if (string.IsNullOrEmpty(r.Description)) r.Description = Describe(code);
            foreach (var (type, media) in r.Content ?? new Dictionary<string, OpenApiMediaType>())
                if (!type.Contains("json", StringComparison.Ordinal)) media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        }
    }

    static void Add(OpenApiOperation operation, OperationFilterContext context, string code, Type schema, string description)
    {
        if (operation.Responses!.TryGetValue(code, out var existing))
        {
            if (existing is OpenApiResponse r && (r.Content is null || r.Content.Count == 0))
                r.Content = Problem(context, schema);
            return;
        }
        operation.Responses[code] = new OpenApiResponse { Description = description, Content = Problem(context, schema) };
    }

    static Dictionary<string, OpenApiMediaType> Problem(OperationFilterContext context, Type type) => new()
    {
        ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) },
    };

    static string Describe(string code) => code switch
    {
        "200" => "OK.",
        "201" => "Created.",
        "202" => "Accepted.",
        "204" => "Done; no content.",
        _ => $"HTTP {code}.",
    };
}
