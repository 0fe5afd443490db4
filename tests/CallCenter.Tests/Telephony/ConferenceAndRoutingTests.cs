using System.Net;
using System.Net.Http.Json;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Telephony;

/// <summary>Three-way leave rules (R-PHONE-9), connect-and-release (R-PHONE-10), help (R-PHONE-11), forwarding (R-PHONE-13),
/// auto-answer, pick-up, and the ACD's blacklist, voicemail, abandonment and per-queue strategy through the simulated PBX.</summary>
public class ConferenceAndRoutingTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    /// <summary>agent1 with the customer, consulting agent5, then the three of them in one call.</summary>
    async Task<string> ThreeWayAsync(string ani)
    {
        await desk.ReadyAsync("agent1");
        await desk.ReadyAsync("agent5");
        var call = await desk.CallInAsync(ani);
        await desk.LegAsync("agent1", call, "ringing");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/answer"));
        var consult = await desk.PostForCallAsync("agent1", $"/api/calls/{call}/consult", new { targetAgentId = "agent5", purpose = "help" });
        await desk.LegAsync("agent5", consult, "ringing");
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{consult}/answer"));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/conference", new { consultCallId = consult })); // two-party help → three-party
        await desk.LegAsync("agent1", call, "talking");
        await desk.LegAsync("agent5", call, "talking");
        return call;
    }

    [Fact]
    public async Task Three_way_one_agent_leaves_and_the_other_two_stay_then_the_second_leaving_ends_it_for_all()
    {
        var call = await ThreeWayAsync("13900000011");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/hang-up"));
        await desk.LegAsync("agent1", call, null);
        await desk.LegAsync("agent5", call, "talking"); // agent5 and the customer stay connected
        await desk.StateAsync("agent1", "wrapUp");
        Assert.Equal("CallPartyLeft", (await desk.EventsOfAsync(call))[^1]);

        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{call}/hang-up")); // two have left: the call ends for all
        await desk.StateAsync("agent5", "wrapUp");
        Assert.Equal("CallEnded", (await desk.EventsOfAsync(call))[^1]);
        Assert.Equal(HttpStatusCode.NotFound, (await (await desk.As("supervisor1")).PostAsync($"/api/simulator/calls/{call}/hang-up", null)).StatusCode);
    }

    [Fact]
    public async Task Three_way_the_customer_leaves_and_the_two_agents_stay_connected()
    {
        var call = await ThreeWayAsync("13900000012");
        Desk.Ok(await (await desk.As("supervisor1")).PostAsync($"/api/simulator/calls/{call}/hang-up", null));
        await Task.Delay(300);
        await desk.LegAsync("agent1", call, "talking");
        await desk.LegAsync("agent5", call, "talking");
        var events = await desk.EventsOfAsync(call);
        Assert.Equal("CallPartyLeft", events[^1]);
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{call}/hang-up")); // now only two parties: agent1 alone would remain
        await desk.LegAsync("agent1", call, null);
        await desk.StateAsync("agent1", "wrapUp");
        await desk.StateAsync("agent5", "wrapUp");
    }

    [Fact]
    public async Task Connect_and_release_leaves_the_customer_with_the_consulted_agent()
    {
        await desk.ReadyAsync("agent1");
        await desk.ReadyAsync("agent5");
        var call = await desk.CallInAsync("13900000013");
        await desk.LegAsync("agent1", call, "ringing");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/answer"));
        var consult = await desk.PostForCallAsync("agent1", $"/api/calls/{call}/consult", new { targetAgentId = "agent5" });
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{consult}/answer"));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/connect-and-release", new { consultCallId = consult }));
        await desk.LegAsync("agent1", call, null);
        await desk.LegAsync("agent5", call, "talking");
        await desk.StateAsync("agent1", "wrapUp");
        var events = await desk.EventsOfAsync(call);
        Assert.Equal(["CallConferenced", "CallPartyLeft"], events[^2..]);
    }

    [Fact]
    public async Task Forwarding_and_auto_answer_and_pick_up()
    {
        await desk.ReadyAsync("agent1");
        await desk.ReadyAsync("agent2");
        await desk.ReadyAsync("agent5");
        Assert.Equal(HttpStatusCode.BadRequest, (await (await desk.As("agent2")).PutAsJsonAsync("/api/agents/agent2/forwarding", new { mode = "noAnswer", number = "13911112222" })).StatusCode);
        Desk.Ok(await (await desk.As("agent2")).PutAsJsonAsync("/api/agents/agent2/forwarding", new { mode = "unconditional", number = "139-1111-2222" }));
        await Eventually.GetAsync(async () => await (await desk.As("agent2")).GetStringAsync("/api/agents/agent2"), s => s.Contains("\"revision\":2"));
        var internalCall = await desk.PostForCallAsync("agent1", "/api/calls/dial", new { targetAgentId = "agent2" });
        var dialed = (await desk.RecordedAsync("call-" + internalCall)).Single();
        var data = System.Text.Json.JsonDocument.Parse(dialed.Data).RootElement;
        Assert.Equal(("13911112222", "outbound", "agent2"), (data.GetProperty("number").GetString(), data.GetProperty("kind").GetString(),
            data.GetProperty("targetAgentId").GetString())); // dialing agent2 went to the forwarded number
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{internalCall}/hang-up"));
        await desk.StateAsync("agent1", "wrapUp"); // an outbound call reaches a customer: it is tagged like any other
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{internalCall}/tag", new { purpose = "consultation", subtype = "billing" }));
        Desk.Ok(await desk.PostAsync("agent1", "/api/agents/agent1/ready"));
        await desk.StateAsync("agent1", "ready");

        var call = await desk.CallInAsync("13900000014"); // agent5 has been idle longest
        await desk.LegAsync("agent5", call, "ringing");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/pick-up")); // R-PHONE-3
        await desk.LegAsync("agent1", call, "talking");
        await desk.LegAsync("agent5", call, null);
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/hang-up"));
        await desk.StateAsync("agent1", "wrapUp"); // the call's end has reached agent1's stream (as the softphone shows it)
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/tag", new { purpose = "consultation", subtype = "billing" }));
        Desk.Ok(await desk.PostAsync("agent1", "/api/agents/agent1/not-ready", new { reasonCode = "break" }));
        await desk.StateAsync("agent1", "notReady");

        Desk.Ok(await (await desk.As("agent5")).PutAsJsonAsync("/api/agents/agent5/auto-answer", new { on = true }));
        await Eventually.GetAsync(async () => await (await desk.As("agent5")).GetStringAsync("/api/agents/agent5"), s => s.Contains("\"revision\":2"));
        var auto = await desk.CallInAsync("13900000015");
        await desk.LegAsync("agent5", auto, "talking"); // auto-answer: no ringing step left to click
    }

    [Fact]
    public async Task Blacklisted_numbers_and_ranges_are_rejected_and_nobody_signed_in_means_voicemail()
    {
        var admin = await desk.As("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/blacklist", new { pattern = "13700000000-13700000099", reason = "test range" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/blacklist", new { pattern = "13600000001", reason = "test number" })).StatusCode);
        foreach (var ani in new[] { "13700000042", "13600000001" })
            Assert.Equal(["CallArrived", "CallRejected", "CallEnded"], await desk.EventsOfAsync(await desk.CallInAsync(ani)));

        var voicemail = await desk.CallInAsync("13700000100", queue: "billing"); // outside the range; nobody signed in for billing
        Assert.Equal(["CallArrived", "VoiceMessageLeft", "CallEnded"], await desk.EventsOfAsync(voicemail));
        await Eventually.GetAsync(async () => await (await desk.As("agent3")).GetStringAsync("/api/voice-messages"), s => s.Contains(voicemail));
    }

    [Fact]
    public async Task A_caller_who_waits_past_their_patience_abandons()
    {
        await desk.ReadyAsync("agent3"); // billing + general: someone is signed in, but not ready
        Desk.Ok(await desk.PostAsync("agent3", "/api/agents/agent3/not-ready", new { reasonCode = "break" }));
        await desk.StateAsync("agent3", "notReady");
        var call = await desk.CallInAsync("13900000016", queue: "billing", patience: 1);
        await Eventually.GetAsync(() => desk.EventsOfAsync(call), e => e.Contains("CallAbandoned"), what: "abandoned");
        Assert.Equal(["CallArrived", "CallQueued", "CallAbandoned", "CallEnded"], await desk.EventsOfAsync(call));
    }

    [Fact]
    public async Task The_queue_strategy_an_admin_sets_decides_who_gets_the_call()
    {
        // agent1 (ext 8001) and agent5 (8005) both take broadband; agent5 became ready last.
        await desk.ReadyAsync("agent5");
        await desk.ReadyAsync("agent1");
        var longestIdle = await desk.CallInAsync("13900000017");
        await desk.LegAsync("agent5", longestIdle, "ringing"); // longest-idle: agent5 waited longer
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{longestIdle}/hang-up")); // declined: back to the queue…
        await desk.LegAsync("agent1", longestIdle, "ringing"); // …and offered to the next agent
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{longestIdle}/answer"));

        var queues = await (await desk.As("admin")).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/queues");
        var broadband = queues.EnumerateArray().Single(q => q.GetProperty("id").GetString() == "broadband");
        var changed = System.Text.Json.Nodes.JsonNode.Parse(broadband.GetRawText())!.AsObject();
        changed["strategy"] = "sequential";
        Desk.Ok(await (await desk.As("admin")).PutAsJsonAsync("/api/queues/broadband", changed));
        await desk.ReadyAsync("agent9"); // ext 8009, broadband; now idle longer than nobody else: agent5 (8005) is the lower extension
        var sequential = await desk.CallInAsync("13900000018");
        await desk.LegAsync("agent5", sequential, "ringing"); // sequential: lowest extension among the ready ones
    }
}
