using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;

namespace CallCenter.Tests.Supervisor;

/// <summary>R-SUP-5: a supervisor forces ready, not ready with a reason and sign-out; the event's actor and the agent's desktop name them.</summary>
public class ForcingStatesTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    static string? ChangedBy(JsonElement s) => s.GetProperty("changedBy").ValueKind == JsonValueKind.String ? s.GetProperty("changedBy").GetString() : null;

    [Fact]
    public async Task The_supervisor_of_the_team_forces_states_and_the_agent_sees_who_another_team_gets_403()
    {
        Desk.Ok(await (await desk.As("admin")).PutAsJsonAsync("/api/reason-codes/lunch", new { name = "Lunch", nameZh = "午餐", needsApproval = true, maxAway = 1 }));
        await desk.ReadyAsync("agent4");
        Assert.Null(ChangedBy(await desk.StateAsync("agent4", "ready")));

        Desk.Ok(await desk.PostAsync("supervisor1", "/api/agents/agent4/not-ready", new { reasonCode = "lunch" })); // a supervisor needs no approval
        var forced = await Eventually.GetAsync(async () => await (await desk.As("agent4")).GetFromJsonAsync<JsonElement>("/api/agents/agent4"),
            s => s.GetProperty("state").GetString() == "notReady" && ChangedBy(s) == "supervisor1", what: "agent4 not ready, set by supervisor1");
        Assert.Equal("lunch", forced.GetProperty("reasonCode").GetString());

        Desk.Ok(await desk.PostAsync("supervisor1", "/api/agents/agent4/ready"));
        await Eventually.GetAsync(async () => await (await desk.As("agent4")).GetFromJsonAsync<JsonElement>("/api/agents/agent4"),
            s => s.GetProperty("state").GetString() == "ready" && ChangedBy(s) == "supervisor1", what: "agent4 ready, set by supervisor1");

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("supervisor2", "/api/agents/agent4/sign-out")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("supervisor2", "/api/agents/agent4/not-ready", new { reasonCode = "break" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("agent5", "/api/agents/agent4/ready")).StatusCode);

        Desk.Ok(await desk.PostAsync("supervisor1", "/api/agents/agent4/sign-out"));
        await desk.StateAsync("agent4", "signedOut");
        var events = (await desk.RecordedAsync("agent-agent4")).Select(e => (e.Type.Replace(".v1", ""), EventMetadata.FromJson(e.Metadata)!)).ToList();
        Assert.Equal([("AgentSignedIn", "agent4", "agent"), ("AgentBecameReady", "agent4", "agent"), ("AgentBecameNotReady", "supervisor1", "supervisor"),
            ("AgentBecameReady", "supervisor1", "supervisor"), ("AgentSignedOut", "supervisor1", "supervisor")],
            events.Select(e => (e.Item1, e.Item2.Actor, e.Item2.Source)));

        // the agent acting again clears it
        Desk.Ok(await desk.PostAsync("agent4", "/api/agents/agent4/sign-in"));
        await Eventually.GetAsync(async () => await (await desk.As("agent4")).GetFromJsonAsync<JsonElement>("/api/agents/agent4"),
            s => s.GetProperty("state").GetString() == "notReady" && ChangedBy(s) is null, what: "agent4 signed in by itself");
    }
}
