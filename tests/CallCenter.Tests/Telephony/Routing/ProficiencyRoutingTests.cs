using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Telephony.Routing;

/// <summary>R-ADM-1, R-ACD-2 over HTTP: the proficiency an admin gives an agent in a skill group decides who gets that queue's call.</summary>
public class ProficiencyRoutingTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    async Task SetLevelAsync(string agent, string group, int level)
    {
        var admin = await desk.As("admin");
        var user = JsonNode.Parse(await admin.GetStringAsync($"/api/users/{agent}"))!.AsObject();
        user["proficiency"]![group] = level;
        Desk.Ok(await admin.PutAsJsonAsync($"/api/users/{agent}", user));
    }

    [Fact]
    public async Task The_more_proficient_ready_agent_gets_the_call_though_the_other_has_been_idle_longer()
    {
        // broadband is longest-idle; agent1 and agent5 both serve it (demo). agent1 becomes ready first.
        await SetLevelAsync("agent1", "broadband", 2);
        await SetLevelAsync("agent5", "broadband", 5);
        await desk.ReadyAsync("agent1");
        await desk.ReadyAsync("agent5");

        var call = await desk.CallInAsync("13900000031");
        await desk.LegAsync("agent5", call, "ringing");
        Assert.Empty((await desk.CallsOfAsync("agent1")).Where(c => c.GetProperty("callId").GetString() == call));
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{call}/hang-up")); // declined: the next best, agent1, is offered it
        await desk.LegAsync("agent1", call, "ringing");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/answer"));

        // The level is per skill group and takes effect on the next call, without signing in again: now agent1 is the expert.
        await SetLevelAsync("agent1", "broadband", 4);
        await SetLevelAsync("agent5", "broadband", 1);
        Desk.Ok(await desk.PostAsync("agent5", "/api/agents/agent5/ready"));
        await desk.StateAsync("agent5", "ready");
        await desk.ReadyAsync("agent9"); // broadband at the default level 3, ready after agent5
        var next = await desk.CallInAsync("13900000032");
        await desk.LegAsync("agent9", next, "ringing");
    }
}
