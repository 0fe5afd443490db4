using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using static CallCenter.Tests.Projections.ProjectionRebuildKit;

namespace CallCenter.Tests.Projections;

/// <summary>Who may see and rebuild projections (R-USE-2, R-ROLE-2), and a rebuild of an EF-written read model (agent-states).</summary>
public class ProjectionAccessTests
{
    static Task<List<string>> AgentStateRows(string database) => ColumnAsync(database, "select row_to_json(a)::text from agent_states a order by agent_id");

    [Fact]
    public async Task Analysts_and_admins_rebuild_read_models_agents_may_not_unknown_names_are_404_and_reactors_are_not_rebuilt()
    {
        using var app = await AppHost.StartAsync();
        var agent = await app.SignInAsync("agent1");
        var supervisor = await app.SignInAsync("supervisor1");
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/projections")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/api/projections/agent-states/rebuild", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync("/api/projections/agent-states/rebuild", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/projections/no-such-model/rebuild", null)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync("/api/projections/calls-to-agents/rebuild", null)).StatusCode);

        var list = await supervisor.GetFromJsonAsync<JsonElement>("/api/projections");
        var byName = list.EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Superset(new HashSet<string> { "agent-states", "calls-to-agents", "live-calls", "screen-pops", "voice-messages" }, byName.Keys.ToHashSet());
        Assert.False(byName["calls-to-agents"].GetProperty("rebuildable").GetBoolean());
        Assert.Equal(("live", 1, true), (byName["screen-pops"].GetProperty("state").GetString(), byName["screen-pops"].GetProperty("version").GetInt32(),
            byName["screen-pops"].GetProperty("rebuildable").GetBoolean()));

        for (var i = 1; i <= 4; i++)
        {
            await supervisor.PostAsync($"/api/agents/agent{i}/sign-in", null);
            if (i % 2 == 0) await supervisor.PostAsJsonAsync($"/api/agents/agent{i}/not-ready", new { reasonCode = "meeting" });
            else await supervisor.PostAsync($"/api/agents/agent{i}/ready", null);
        }
        await CaughtUpAsync(app, "agent-states", TimeSpan.FromSeconds(30));
        var before = await AgentStateRows(app.Database);
        Assert.Equal(4, before.Count);
        var lag = (await ProjectionAsync(supervisor, "agent-states")).GetProperty("lag");
        Assert.Equal(0, lag.GetProperty("events").GetInt64());

        var analyst = await app.SignInAsync("analyst");
        Assert.Equal(HttpStatusCode.Accepted, (await analyst.PostAsync("/api/projections/agent-states/rebuild", null)).StatusCode);
        await LiveAtVersionAsync(analyst, "agent-states", 2, TimeSpan.FromSeconds(30));
        Assert.Equal(before, await AgentStateRows(app.Database));
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/projections/agent-states/rebuild", null)).StatusCode);
        await LiveAtVersionAsync(analyst, "agent-states", 3, TimeSpan.FromSeconds(30));
        Assert.Equal(before, await AgentStateRows(app.Database));
    }
}
