using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Users;

/// <summary>R-ROLE-2: a supervisor sees and acts on the agents of their own teams only (demo: team-1 = agent1–10 under
/// supervisor1, team-2 = agent11–20 under supervisor2); admins on all.</summary>
public class TeamScopingTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task A_supervisor_of_team_A_gets_403_on_team_B_agents_and_does_not_see_them_in_the_monitor()
    {
        var supervisor1 = await app.SignInAsync("supervisor1");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor1.PostAsync("/api/agents/agent11/sign-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor1.GetAsync("/api/agents/agent11")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor1.GetAsync("/api/agents/agent11/calls")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor1.PostAsync("/api/agents/agent3/sign-in", null)).StatusCode);

        var monitor = (await supervisor1.GetFromJsonAsync<JsonElement>("/api/agents")).EnumerateArray().Select(a => a.GetProperty("agentId").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"agent{i}"), monitor);

        var supervisor2 = await app.SignInAsync("supervisor2");
        var monitor2 = (await supervisor2.GetFromJsonAsync<JsonElement>("/api/agents")).EnumerateArray().Select(a => a.GetProperty("agentId").GetString()).ToList();
        Assert.Equal(Enumerable.Range(11, 10).Select(i => $"agent{i}"), monitor2);
        Assert.Equal(HttpStatusCode.OK, (await supervisor2.PostAsync("/api/agents/agent11/sign-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor2.PostAsync("/api/agents/agent3/sign-out", null)).StatusCode);

        var admin = await app.SignInAsync("admin");
        Assert.Equal(20, (await admin.GetFromJsonAsync<JsonElement>("/api/agents")).GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/agents/agent12/sign-in", null)).StatusCode);
    }

    [Fact]
    public async Task Moving_an_agent_into_the_team_gives_its_supervisor_the_agent_within_seconds()
    {
        var admin = await app.SignInAsync("admin");
        var supervisor1 = await app.SignInAsync("supervisor1");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor1.GetAsync("/api/agents/agent15")).StatusCode);
        var team = await admin.GetFromJsonAsync<JsonElement>("/api/teams/team-1");
        var members = team.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).Append("agent15").ToArray();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/teams/team-1", new { name = "Team A", supervisors = new[] { "supervisor1" }, members })).StatusCode);
        await Eventually.GetAsync(async () => (await supervisor1.GetAsync("/api/agents/agent15")).StatusCode, s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(5), "supervisor1 sees agent15");
        var auditor = await app.SignInAsync("auditor");
        var trail = await auditor.GetFromJsonAsync<JsonElement>("/api/admin-changes?teamId=team-1");
        Assert.Contains("agent15", trail.EnumerateArray().First().GetProperty("change").GetProperty("changes").GetProperty("members")[1].GetString());
    }
}
