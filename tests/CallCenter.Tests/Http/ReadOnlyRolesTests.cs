using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallCenter.EventStore;
using CallCenter.Tests.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Http;

/// <summary>
/// R-ROLE-2: analysts and auditors read, they change nothing. Every unsafe operation the OpenAPI document lists is
/// called as each of them (signed in, with a valid XSRF token): 403, or 401 where a device key (CTI, simulated PBX)
/// is the door, and nothing is appended to the event store. Only /api/auth/login and /api/auth/logout are left
/// out: they change no business data, only whose session this is, and every role must be able to use them.
/// </summary>
public class ReadOnlyRolesTests : IAsyncLifetime
{
    static readonly HashSet<string> SessionOnly = ["/api/auth/login", "/api/auth/logout"];
    static readonly string[] KeyDoors = ["/api/cti/", "/api/simulator/pbx"];
    /// <summary>R-USE-2: analysts rebuild read models. A rebuild appends no event and changes no fact; it is checked in ProjectionAccessTests.</summary>
    static readonly Dictionary<string, string> RoleMayUse = new() { ["/api/projections/{name}/rebuild"] = "analyst" };
    /// <summary>Self-service every signed-in user has (R-ME-1): here with an empty body, a 400 that changes nothing.</summary>
    static readonly HashSet<string> SelfService = ["/api/me/password"];
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    async Task<List<(string Method, string Path)>> UnsafeOperationsAsync()
    {
        var doc = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        return [.. doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Method: m.Name.ToUpperInvariant(), Path: p.Name)))
            .Where(o => o.Method is "POST" or "PUT" or "PATCH" or "DELETE" && !SessionOnly.Contains(o.Path))];
    }

    static bool MayUse(string role, string path) => RoleMayUse.TryGetValue(path, out var r) && r == role;

    /// <summary>Path parameters get plausible values (a real agent; "1" also meets numeric route constraints), so a 404 cannot hide a missing role check.</summary>
    static string Concrete(string path) => Regex.Replace(path, "{([^}]+)}", m => m.Groups[1].Value switch
    {
        "agentId" or "userId" or "id" when path.Contains("/agents/") || path.Contains("/users/") => "agent1",
        _ => "1",
    });

    [Theory]
    [InlineData("auditor")]
    [InlineData("analyst")]
    public async Task Read_only_roles_are_refused_every_unsafe_operation_and_nothing_is_appended(string role)
    {
        var operations = await UnsafeOperationsAsync();
        Assert.True(operations.Count > 30, $"only {operations.Count} unsafe operations in the OpenAPI document");
        var store = app.Services.GetRequiredService<IEventStore>();
        var before = (await store.ReadAllAsync(null).ToListAsync()).Count;
        var client = await app.SignInAsync(role);

        var letThrough = new List<string>();
        foreach (var (method, path) in operations.Where(o => !MayUse(role, o.Path)))
        {
            // uploads (…/import) take a form: a JSON body would be refused by routing (415) before any role is looked at
            HttpContent content = path.EndsWith("/import", StringComparison.Ordinal)
                ? new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.xlsx" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
            var request = new HttpRequestMessage(new HttpMethod(method), Concrete(path)) { Content = content };
            var status = (await client.SendAsync(request)).StatusCode;
            var expected = KeyDoors.Any(path.StartsWith) ? HttpStatusCode.Unauthorized
                : SelfService.Contains(path) ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden;
            if (status != expected) letThrough.Add($"{method} {path}: {(int)status}");
        }

        Assert.True(letThrough.Count == 0, $"{role} got through: " + string.Join("; ", letThrough));
        await Task.Delay(200); // a reactor would append right after a command: give it the chance to show
        Assert.Equal(before, (await store.ReadAllAsync(null).ToListAsync()).Count);
    }
}
