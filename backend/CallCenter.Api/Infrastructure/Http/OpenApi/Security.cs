using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CallCenter.Infrastructure.Http.OpenApi;

/// <summary>
/// Security schemes: the session cookie (<c>cc_session</c>, set by POST /api/auth/login) with the XSRF header on
/// changes (<c>X-XSRF-TOKEN</c>, the value of the XSRF-TOKEN cookie; Swagger UI echoes it for you), and the PBX
/// connector's key (<c>X-Api-Key</c>, "Authorize" in Swagger UI). Each operation states which one it accepts.
/// </summary>
public sealed class Security : IOperationFilter, IDocumentFilter
{
    public const string Session = "session";
    public const string Xsrf = "xsrf";
    public const string CtiKey = "ctiKey";

    /// <summary>Paths the CTI key opens: the PBX door and the simulated callers (which also take an admin's session).</summary>
    public static bool UsesCtiKey(string path) => path.StartsWith("/api/cti", StringComparison.Ordinal) || path.StartsWith("/api/simulator", StringComparison.Ordinal);

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Session] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "cc_session",
            Description = "The session cookie POST /api/auth/login sets (HttpOnly: sign in on this page's origin and the browser sends it).",
        };
        document.Components.SecuritySchemes[Xsrf] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Auth.AuthSetup.XsrfHeader,
            Description = "On every change made with the session: the value of the XSRF-TOKEN cookie (Swagger UI sends it for you).",
        };
        document.Components.SecuritySchemes[CtiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Calls.CallEndpoints.ApiKeyHeader,
            Description = "The PBX connector's key (CALLCENTER_CTI_KEY) for /api/cti and the simulator.",
        };
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var path = "/" + (api.RelativePath ?? "");
        var changes = !HttpMethods.IsGet(api.HttpMethod ?? "GET");
        var signedIn = !metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any();
        var requirements = new List<OpenApiSecurityRequirement>();
        if (signedIn || path.StartsWith("/api/simulator", StringComparison.Ordinal))
        {
            var session = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Session, context.Document)] = [] };
            if (changes) session[new OpenApiSecuritySchemeReference(Xsrf, context.Document)] = [];
            requirements.Add(session);
        }
        if (UsesCtiKey(path)) requirements.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CtiKey, context.Document)] = [] });
        operation.Security = requirements; // empty: anonymous (login, public settings, health)
    }
}
