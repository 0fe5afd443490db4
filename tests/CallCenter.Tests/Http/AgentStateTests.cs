using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Http;

/// <summary>Agent states through HTTP → command pipeline → event store → read model (R-STATE-1, R-STATE-2, R-PHONE-1, R-PHONE-2, R-ROLE-2).</summary>
public class AgentStateTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    async Task<int> EventCount(string agentId)
    {
        var store = app.Services.GetRequiredService<IEventStore>();
        var n = 0;
        await foreach (var _ in store.ReadStreamAsync("agent-" + agentId)) n++;
        return n;
    }

    static async Task<JsonElement> Json(HttpResponseMessage r) => JsonSerializer.Deserialize<JsonElement>(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task Sign_in_then_ready_is_appended_and_projected()
    {
        var agent = await app.SignInAsync("agent1");
        var signedIn = await agent.PostAsync("/api/agents/agent1/sign-in", null);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("notReady", (await Json(signedIn)).GetProperty("state").GetString());
        var ready = await agent.PostAsync("/api/agents/agent1/ready", null);
        Assert.Equal("ready", (await Json(ready)).GetProperty("state").GetString());
        Assert.Equal("\"1\"", ready.Headers.ETag?.Tag);
        Assert.Equal(2, await EventCount("agent1"));

        var projected = await Eventually.GetAsync(
            async () => await agent.GetFromJsonAsync<JsonElement>("/api/agents/agent1"),
            s => s.GetProperty("state").GetString() == "ready", what: "agent1 ready in the read model");
        Assert.Equal(1, projected.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task Bad_input_is_400_with_the_field_and_appends_nothing()
    {
        var agent = await app.SignInAsync("agent2");
        await agent.PostAsync("/api/agents/agent2/sign-in", null);
        var before = await EventCount("agent2");

        var unknown = await agent.PostAsJsonAsync("/api/agents/agent2/not-ready", new { reasonCode = "karaoke" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await Json(unknown)).GetProperty("errors").TryGetProperty("reasonCode", out _));

        var missing = await agent.PostAsJsonAsync("/api/agents/agent2/not-ready", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await Json(missing)).GetProperty("errors").TryGetProperty("reasonCode", out _));

        var malformed = await agent.PostAsync("/api/agents/agent2/not-ready", new StringContent("{\"reasonCode\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        var wrongType = await agent.PostAsync("/api/agents/agent2/not-ready", new StringContent("{\"reasonCode\": 42}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await Json(wrongType)).GetProperty("errors").TryGetProperty("reasonCode", out _));

        Assert.Equal(before, await EventCount("agent2"));
        var ok = await agent.PostAsJsonAsync("/api/agents/agent2/not-ready", new { reasonCode = "lunch" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(before + 1, await EventCount("agent2"));
    }

    [Fact]
    public async Task A_broken_rule_is_422_and_appends_nothing()
    {
        var agent = await app.SignInAsync("agent3");
        var response = await agent.PostAsync("/api/agents/agent3/ready", null);
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(0, await EventCount("agent3"));
    }

    [Fact]
    public async Task Roles_are_enforced_server_side()
    {
        var agent1 = await app.SignInAsync("agent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.PostAsync("/api/agents/agent2/sign-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.GetAsync("/api/agents/agent2")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.PutAsJsonAsync("/api/settings", new { centerTitle = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.GetAsync("/api/login-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.GetAsync("/api/agents")).StatusCode);

        var analyst = await app.SignInAsync("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync("/api/agents/agent1/sign-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/agents")).StatusCode);

        var supervisor = await app.SignInAsync("supervisor1");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsync("/api/agents/agent5/sign-in", null)).StatusCode); // R-SUP-5
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync("/api/agents/agent99/sign-in", null)).StatusCode);
        Assert.Equal(0, await EventCount("agent2"));
    }

    [Fact]
    public async Task Two_commands_on_the_same_revision_one_wins_the_other_gets_409()
    {
        var agent = await app.SignInAsync("agent6");
        var signIn = await agent.PostAsync("/api/agents/agent6/sign-in", null);
        var etag = signIn.Headers.ETag!.Tag;

        async Task<HttpResponseMessage> Send(string path, object? body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return await agent.SendAsync(request);
        }
        var results = await Task.WhenAll(Send("/api/agents/agent6/ready", null), Send("/api/agents/agent6/not-ready", new { reasonCode = "break" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        Assert.Equal(2, await EventCount("agent6"));
    }

    [Fact]
    public async Task Racing_commands_without_if_match_lose_no_update()
    {
        var agent = await app.SignInAsync("agent7");
        await agent.PostAsync("/api/agents/agent7/sign-in", null);
        // Alternate two different states so that every command that wins really appends.
        var tasks = Enumerable.Range(0, 24).Select(i => i % 2 == 0
            ? agent.PostAsync("/api/agents/agent7/ready", null)
            : agent.PostAsJsonAsync("/api/agents/agent7/not-ready", new { reasonCode = i % 4 == 1 ? "break" : "lunch" }));
        var responses = await Task.WhenAll(tasks);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var appendedRevisions = new HashSet<long>();
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
            appendedRevisions.Add(long.Parse(r.Headers.ETag!.Tag.Trim('"')));
        // Every event in the stream is one some caller was told about; none was silently overwritten.
        var count = await EventCount("agent7");
        Assert.True(appendedRevisions.Count >= 1);
        Assert.Equal(count - 1, appendedRevisions.Max());
        Assert.All(Enumerable.Range(1, count - 1), rev => Assert.Contains((long)rev, appendedRevisions));
    }
}
