using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using Npgsql;

namespace CallCenter.Tests.Http;

/// <summary>Session endpoints, CSRF, and the login log (R-LOGIN-1), against real PostgreSQL.</summary>
public class SessionTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task Login_gives_me_with_roles_and_a_session()
    {
        var client = await app.SignInAsync("agent1");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("agent1", me.GetProperty("id").GetString());
        Assert.Contains("agent", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("8001", me.GetProperty("extension").GetString());
        Assert.Equal("signedOut", me.GetProperty("agentState").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Bad_password_is_401_and_every_attempt_is_logged_with_ip_and_result()
    {
        var client = app.Anonymous();
        var bad = await client.PostAsJsonAsync("/api/auth/login", new { username = "agent2", password = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        await app.SignInAsync("agent2");

        await using var conn = new NpgsqlConnection(app.Database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select succeeded, ip is not null, skill_groups from login_log where username = 'agent2' order by at", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<(bool ok, bool hasIp, string[] groups)>();
        while (await r.ReadAsync()) rows.Add((r.GetBoolean(0), r.GetBoolean(1), r.GetFieldValue<string[]>(2)));
        Assert.Equal([false, true], rows.Select(x => x.ok));
        Assert.All(rows, x => Assert.True(x.hasIp));
        Assert.Contains("cable-tv", rows[1].groups);
    }

    [Fact]
    public async Task No_session_is_401()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/agents/agent1/ready", null)).StatusCode);
    }

    [Fact]
    public async Task Cookie_call_without_the_xsrf_header_is_refused()
    {
        var client = await app.SignInAsync("agent3");
        client.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        var response = await client.PostAsync("/api/agents/agent3/sign-in", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("XSRF", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var client = await app.SignInAsync("agent4");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Health_is_200_and_swagger_lists_every_endpoint()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var doc = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/auth/login", "/api/auth/logout", "/api/me", "/api/agents", "/api/agents/{agentId}",
            "/api/agents/{agentId}/sign-in", "/api/agents/{agentId}/sign-out", "/api/agents/{agentId}/ready",
            "/api/agents/{agentId}/not-ready", "/api/agents/{agentId}/wrap-up/end", "/health",
        ];
        Assert.All(expected, p => Assert.Contains(p, paths));
    }
}
