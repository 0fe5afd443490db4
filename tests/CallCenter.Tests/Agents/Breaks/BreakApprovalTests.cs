using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Agents.Breaks;

/// <summary>R-STATE-3 end to end over HTTP: approval, the team's maximum away, waiting for a place, a break asked for in after-call work.</summary>
public class BreakApprovalTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    async Task<JsonElement> RequestAsync(string agent, string reason)
    {
        var r = await desk.PostAsync(agent, $"/api/agents/{agent}/break-requests", new { reasonCode = reason });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    async Task<JsonElement> OneAsync(string user, string id) =>
        (await (await desk.As(user)).GetFromJsonAsync<JsonElement[]>("/api/break-requests"))!.Single(r => r.GetProperty("id").GetString() == id);

    static string S(JsonElement e, string p) => e.GetProperty(p).GetString()!;

    [Fact]
    public async Task Maximum_away_one_the_second_lunch_waits_until_the_first_agent_is_back()
    {
        Desk.Ok(await (await desk.As("admin")).PutAsJsonAsync("/api/reason-codes/lunch", new { name = "Lunch", nameZh = "午餐", needsApproval = true, maxAway = 1 }));
        await desk.ReadyAsync("agent1");
        await desk.ReadyAsync("agent2");
        // asking for it is the only way in for the agent
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await desk.PostAsync("agent1", "/api/agents/agent1/not-ready", new { reasonCode = "lunch" })).StatusCode);

        var first = await RequestAsync("agent1", "lunch");
        Assert.Equal("pending", S(first, "state"));
        var id1 = S(first, "id");
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("agent1", $"/api/break-requests/{id1}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("supervisor2", $"/api/break-requests/{id1}/approve")).StatusCode); // another team
        var approved = await desk.PostAsync("supervisor1", $"/api/break-requests/{id1}/approve");
        Desk.Ok(approved);
        Assert.Equal("approved", S(await approved.Content.ReadFromJsonAsync<JsonElement>(), "state"));
        await desk.StateAsync("agent1", "notReady", "reasonCode", "lunch");
        await Eventually.GetAsync(() => OneAsync("supervisor1", id1), r => r.GetProperty("startedAt").ValueKind == JsonValueKind.String, what: "lunch 1 started");

        var second = await RequestAsync("agent2", "lunch");
        var id2 = S(second, "id");
        var full = await desk.PostAsync("supervisor1", $"/api/break-requests/{id2}/approve");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, full.StatusCode);
        Assert.Equal("maxAway", (await full.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("pending", S(await OneAsync("agent2", id2), "state"));
        Assert.Equal(1, (await OneAsync("supervisor1", id2)).GetProperty("waitingPosition").GetInt32());
        await desk.StateAsync("agent2", "ready");
        Assert.DoesNotContain((await (await desk.As("supervisor2")).GetFromJsonAsync<JsonElement[]>("/api/break-requests"))!, r => S(r, "agentId") is "agent1" or "agent2");

        Desk.Ok(await desk.PostAsync("agent1", "/api/agents/agent1/ready")); // back from lunch
        var granted = await Eventually.GetAsync(() => OneAsync("supervisor1", id2), r => S(r, "state") == "approved", what: "agent2's lunch granted");
        Assert.True(granted.GetProperty("automatic").GetBoolean());
        Assert.Equal("ended", S(await OneAsync("supervisor1", id1), "state"));
        await desk.StateAsync("agent2", "notReady", "reasonCode", "lunch");

        // Requests, decisions and breaks are events, with who decided.
        var types = new List<(string Type, string Actor)>();
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadStreamAsync("breaks-team-1"))
            types.Add((e.Type.Replace(".v1", ""), EventMetadata.FromJson(e.Metadata)!.Actor));
        Assert.Equal([("BreakRequested", "agent1"), ("BreakApproved", "supervisor1"), ("BreakStarted", "system"), ("BreakRequested", "agent2"),
            ("BreakEnded", "system"), ("BreakApproved", "system"), ("BreakStarted", "system")], types);
    }

    [Fact]
    public async Task An_agent_in_after_call_work_goes_to_the_break_after_tagging_without_being_offered_a_call()
    {
        await desk.ReadyAsync("agent5"); // broadband
        var call = await desk.CallInAsync("13900000301", queue: "broadband");
        await desk.LegAsync("agent5", call, "ringing");
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{call}/answer"));
        await desk.LegAsync("agent5", call, "talking");
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{call}/hang-up"));
        await desk.StateAsync("agent5", "wrapUp", "untaggedCallId", call);

        var request = await RequestAsync("agent5", "break"); // no approval needed: granted, begins when the wrap-up ends
        Assert.Equal("approved", S(request, "state"));
        await desk.StateAsync("agent5", "wrapUp", "scheduledReasonCode", "break");
        var waiting = await desk.CallInAsync("13900000302", queue: "broadband"); // agent5 is the only broadband agent signed in

        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{call}/tag", new { purpose = "consultation", subtype = "billing" }));
        await desk.StateAsync("agent5", "notReady", "reasonCode", "break");
        Assert.Empty(await desk.CallsOfAsync("agent5"));
        Assert.DoesNotContain("CallOffered", await desk.EventsOfAsync(waiting));
        var agentEvents = (await desk.RecordedAsync("agent-agent5")).Select(e => e.Type.Replace(".v1", "")).ToList();
        Assert.Equal(["AgentCallTagged", "AgentBecameNotReady"], agentEvents.SkipWhile(t => t != "AgentCallTagged").ToList()); // straight from wrap-up to the break
        Desk.Ok(await (await desk.As("supervisor1")).PostAsync($"/api/simulator/calls/{waiting}/hang-up", null));
    }
}
