using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Supervisor;

/// <summary>R-SUP-1…4 through the simulated PBX: silent monitor, whisper, barge-in, intercept, force release; team-scoped.</summary>
public class CallSupervisionTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    Task<(HubConnection Hub, Channel<JsonElement> Got)> CallPushesAsync(string user) => HubClient.ConnectAsync(app, user, "callChanged");

    async Task<string> TalkingAsync(string agent, string ani)
    {
        await desk.ReadyAsync(agent);
        var call = await desk.CallInAsync(ani);
        await desk.LegAsync(agent, call, "ringing");
        Desk.Ok(await desk.PostAsync(agent, $"/api/calls/{call}/answer"));
        await desk.LegAsync(agent, call, "talking");
        return call;
    }

    static string? SupervisorMode(JsonElement call) =>
        call.TryGetProperty("supervisor", out var s) && s.ValueKind == JsonValueKind.Object ? s.GetProperty("mode").GetString() : null;

    async Task<JsonElement> StepAsync(string user, string call, string verb)
    {
        var r = await desk.PostAsync(user, $"/api/calls/{call}/{verb}");
        Desk.Ok(r);
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Monitor_whisper_barge_intercept_and_release_are_call_events_by_the_supervisor_and_the_agent_never_sees_the_monitor()
    {
        var call = await TalkingAsync("agent1", "13900000101");
        var (hub, pushes) = await CallPushesAsync("agent1");
        await using var _ = hub;

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("supervisor2", $"/api/calls/{call}/monitor")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("agent5", $"/api/calls/{call}/monitor")).StatusCode);

        Assert.Equal("monitor", (await StepAsync("supervisor1", call, "monitor")).GetProperty("mode").GetString());
        Assert.All(await desk.CallsOfAsync("agent1"), c => Assert.Null(SupervisorMode(c))); // the agent's screen shows nothing

        Assert.Equal("whisper", (await StepAsync("supervisor1", call, "whisper")).GetProperty("mode").GetString());
        // The first push to the agent naming a supervisor is the whisper: the monitor was never pushed to them.
        var first = await HubClient.NextAsync(pushes, p => p.GetProperty("callId").GetString() == call && SupervisorMode(p) is not null, TimeSpan.FromSeconds(60));
        Assert.Equal("whisper", SupervisorMode(first));

        Assert.Equal("barge", (await StepAsync("supervisor1", call, "barge")).GetProperty("mode").GetString());
        await Eventually.GetAsync(() => desk.CallsOfAsync("agent1"), cs => cs.Any(c => SupervisorMode(c) == "barge"), TimeSpan.FromSeconds(60), "agent1 sees the barge-in");

        var intercepted = await StepAsync("supervisor1", call, "intercept");
        Assert.Equal("intercept", intercepted.GetProperty("mode").GetString());
        Assert.Empty(intercepted.GetProperty("agents").EnumerateArray());
        await desk.LegAsync("agent1", call, null);
        await desk.StateAsync("agent1", "wrapUp"); // dropped: tags the call in after-call work
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await desk.PostAsync("supervisor1", $"/api/calls/{call}/leave-supervision")).StatusCode);

        Assert.True((await StepAsync("supervisor1", call, "force-release")).GetProperty("ended").GetBoolean());

        var events = (await desk.RecordedAsync("call-" + call)).Where(e => e.Type != "RecordingReady.v1").ToList();
        var supervised = events.Where(e => e.Type == "CallSupervised.v1").Select(e => (
            JsonDocument.Parse(e.Data).RootElement.GetProperty("mode").GetString(), EventMetadata.FromJson(e.Metadata)!)).ToList();
        Assert.Equal(["monitor", "whisper", "barge", "intercept", "release"], supervised.Select(s => s.Item1));
        Assert.All(supervised, s => Assert.Equal(("supervisor1", "supervisor"), (s.Item2.Actor, s.Item2.Source)));
        Assert.Equal(["CallSupervised", "CallPartyLeft", "CallSupervised", "CallEnded"], events.TakeLast(4).Select(e => e.Type.Replace(".v1", "")));
        Assert.Equal("supervisor", JsonDocument.Parse(events[^1].Data).RootElement.GetProperty("endedBy").GetString());

        // The audit replay of agent1's day shows each step with supervisor1 as actor.
        var day = CenterTime.DayOf(DateTimeOffset.UtcNow, app.Services.GetRequiredService<CenterClock>().Zone);
        var replay = await (await desk.As("supervisor1")).GetFromJsonAsync<JsonElement>($"/api/audit/agents/agent1/days/{day:yyyy-MM-dd}");
        var audited = replay.GetProperty("calls").EnumerateArray().Single(c => c.GetProperty("callId").GetString() == call)
            .GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "CallSupervised.v1").ToList();
        Assert.Equal(5, audited.Count);
        Assert.All(audited, e => Assert.Equal("supervisor1", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Force_release_ends_the_call_admins_may_supervise_any_team_and_malformed_steps_are_refused()
    {
        var call = await TalkingAsync("agent12", "13900000102"); // team-2
        foreach (var verb in new[] { "monitor", "whisper", "barge", "intercept", "force-release", "leave-supervision" })
            Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("supervisor1", $"/api/calls/{call}/{verb}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.PostAsync("supervisor1", "/api/calls/NO-SUCH-CALL/monitor")).StatusCode);

        Assert.Equal("monitor", (await StepAsync("supervisor2", call, "monitor")).GetProperty("mode").GetString());
        var taken = await desk.PostAsync("admin", $"/api/calls/{call}/barge");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode); // supervised by supervisor2
        Assert.Contains("supervisedByOther", await taken.Content.ReadAsStringAsync());

        Assert.True((await StepAsync("admin", call, "force-release")).GetProperty("ended").GetBoolean());
        await desk.LegAsync("agent12", call, null);
        await desk.StateAsync("agent12", "wrapUp");
        var ended = (await desk.RecordedAsync("call-" + call)).Last(e => e.Type == "CallEnded.v1");
        Assert.Equal("admin", EventMetadata.FromJson(ended.Metadata)!.Actor);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await desk.PostAsync("supervisor2", $"/api/calls/{call}/monitor")).StatusCode);
    }

    [Fact]
    public async Task After_a_barge_in_the_agent_hanging_up_leaves_the_supervisor_with_the_customer_and_the_customer_leaving_ends_it()
    {
        var call = await TalkingAsync("agent4", "13900000103");
        await StepAsync("supervisor1", call, "barge");
        Desk.Ok(await desk.PostAsync("agent4", $"/api/calls/{call}/hang-up"));
        await desk.StateAsync("agent4", "wrapUp");
        Assert.Equal("CallPartyLeft", (await desk.EventsOfAsync(call))[^1]); // supervisor and customer: two parties stay
        Desk.Ok(await (await desk.As("supervisor1")).PostAsync($"/api/simulator/calls/{call}/hang-up", null));
        Assert.Equal("CallEnded", (await desk.EventsOfAsync(call))[^1]);
    }
}
