using System.Text.Json;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Http;

/// <summary>
/// R-USE-4: walks /swagger/v1/swagger.json and fails on any operation that lacks a summary, a typed success response,
/// the error responses that apply with problem-details schemas, a security requirement, or a parameter description —
/// endpoints added later are held to the same bar. Every failure is listed at once.
/// </summary>
public class OpenApiCompletenessTests : IAsyncLifetime
{
    AppHost app = null!;
    JsonElement doc;
    public async Task InitializeAsync()
    {
        app = await AppHost.StartAsync();
        doc = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/swagger/v1/swagger.json")).RootElement;
    }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    /// <summary>Operations anyone may call: signing in and out, what the login page shows, the health probe.</summary>
    static readonly string[] Anonymous = ["POST /api/auth/login", "POST /api/auth/logout", "GET /api/settings/public", "GET /health", "GET /api/health"];

    static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    IEnumerable<(string Key, string Path, string Method, JsonElement Op)> Operations() =>
        from path in doc.GetProperty("paths").EnumerateObject()
        from op in path.Value.EnumerateObject()
        where Methods.Contains(op.Name)
        select ($"{op.Name.ToUpperInvariant()} {path.Name}", path.Name, op.Name, op.Value);

    [Fact]
    public void Every_operation_is_complete()
    {
        var problems = new List<string>();
        var operations = Operations().ToList();
        Assert.True(operations.Count > 80, $"only {operations.Count} operations in the document");
        foreach (var (key, path, method, op) in operations)
        {
            void Fail(string what) => problems.Add($"{key}: {what}");
            if (!op.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString())) Fail("no summary");

            var responses = op.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            var successes = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (successes.Count == 0) Fail("no success response");
            foreach (var (code, response) in successes)
                if (code != "204" && !HasSchema(response)) Fail($"{code} has no schema");

            var parameters = op.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
            var hasBody = op.TryGetProperty("requestBody", out _);
            var security = op.TryGetProperty("security", out var sec) ? sec.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToHashSet() : [];
            var anonymous = Anonymous.Contains(key);
            if (!anonymous && security.Count == 0) Fail("no security requirement");
            if (security.Contains("xsrf") && method == "get") Fail("xsrf on a GET");
            if (security.Contains("session") && method != "get" && !security.Contains("xsrf")) Fail("session change without the xsrf header");

            void Need(string code, bool applies, string problemSchema = "ProblemDetails")
            {
                if (!applies) return;
                if (!responses.TryGetValue(code, out var r)) Fail($"no {code}");
                else if (!SchemaRef(r).EndsWith(problemSchema, StringComparison.Ordinal)) Fail($"{code} schema is '{SchemaRef(r)}', not {problemSchema}");
            }
            Need("400", parameters.Count > 0 || hasBody, "HttpValidationProblemDetails");
            Need("401", security.Count > 0);
            Need("404", path.Contains('{'));
            if (method != "get" && security.Count > 0) { Need("409", true); Need("422", true); }
            if (security.Contains("session") && (path.Contains('{') || method != "get") && !path.StartsWith("/api/simulator")) Need("403", true);
            foreach (var (code, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                if (!HasSchema(response)) Fail($"{code} has no schema");

            foreach (var p in parameters)
                if (!p.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
                    Fail($"parameter '{p.GetProperty("name").GetString()}' has no description");
        }
        Assert.True(problems.Count == 0, $"{problems.Count} gaps in the OpenAPI document:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Both_ways_in_are_security_schemes_and_closed_sets_are_enums()
    {
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "cookie", "cc_session"), Scheme(schemes, "session"));
        Assert.Equal(("apiKey", "header", "X-XSRF-TOKEN"), Scheme(schemes, "xsrf"));
        Assert.Equal(("apiKey", "header", "X-Api-Key"), Scheme(schemes, "ctiKey"));
        var cti = doc.GetProperty("paths").GetProperty("/api/cti/events").GetProperty("post").GetProperty("security");
        Assert.Contains(cti.EnumerateArray(), r => r.TryGetProperty("ctiKey", out _));

        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["skill-based", "longest-idle", "sequential", "balanced", "customer-priority", "last-agent", "time-of-day"], Enum(schemas, "QueueDto", "strategy"));
        Assert.Equal(["skill-based", "longest-idle", "sequential", "balanced", "customer-priority", "last-agent", "time-of-day"], Enum(schemas, "SaveQueue", "strategy"));
        Assert.Equal(["duty-agents", "voicemail", "overflow"], Enum(schemas, "QueueDto", "afterHours"));
        Assert.Equal(["inbound", "outbound", "both"], Enum(schemas, "BlacklistEntryDto", "direction"));
        Assert.Equal(["signedOut", "ready", "notReady", "talking", "wrapUp"], Enum(schemas, "AgentStateDto", "state"));
    }

    static (string?, string?, string?) Scheme(JsonElement schemes, string name)
    {
        var s = schemes.GetProperty(name);
        return (s.GetProperty("type").GetString(), s.GetProperty("in").GetString(), s.GetProperty("name").GetString());
    }

    static string[] Enum(JsonElement schemas, string type, string property)
    {
        var p = schemas.GetProperty(type).GetProperty("properties").GetProperty(property);
        if (p.TryGetProperty("items", out var items)) p = items;
        return p.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(v => v.GetString()!).ToArray() : [];
    }

    static bool HasSchema(JsonElement response) =>
        response.TryGetProperty("content", out var content) && content.EnumerateObject().Any() &&
        content.EnumerateObject().All(c => c.Value.TryGetProperty("schema", out var s) && s.EnumerateObject().Any());

    static string SchemaRef(JsonElement response) =>
        response.TryGetProperty("content", out var content) && content.EnumerateObject().FirstOrDefault().Value is { ValueKind: JsonValueKind.Object } media
        && media.TryGetProperty("schema", out var s) && s.TryGetProperty("$ref", out var r) ? r.GetString()! : "";
}
