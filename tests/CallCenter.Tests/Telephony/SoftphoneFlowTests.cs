using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Telephony;

/// <summary>Every softphone action end to end through the simulated PBX: HTTP → telephony port → CTI facts → agent states.</summary>
public class SoftphoneFlowTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task Answer_hold_retrieve_mute_hang_up_then_tag_before_ready()
    {
        await desk.ReadyAsync("agent1"); // broadband
        var call = await desk.CallInAsync("13900000001", survey: 4);
        await desk.LegAsync("agent1", call, "ringing");
        foreach (var (verb, state) in new[] { ("answer", "talking"), ("hold", "held"), ("retrieve", "talking"), ("mute", "talking") })
        {
            Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/{verb}"));
            await desk.LegAsync("agent1", call, state);
        }
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await desk.PostAsync("agent1", $"/api/calls/{call}/retrieve")).StatusCode);
        await desk.StateAsync("agent1", "talking");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/hang-up"));
        await desk.LegAsync("agent1", call, null);
        await desk.StateAsync("agent1", "wrapUp");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await desk.PostAsync("agent1", "/api/agents/agent1/ready")).StatusCode); // R-TAG-2
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/tag", new { purpose = "consultation", subtype = "billing" }));
        Desk.Ok(await desk.PostAsync("agent1", "/api/agents/agent1/ready"));

        Assert.Equal(["CallArrived", "CallQueued", "CallOffered", "CallAnswered", "CallHeld", "CallRetrieved", "CallMuted", "CallEnded", "SurveyCompleted", "CallTagged"],
            await desk.EventsOfAsync(call));
        var held = (await desk.RecordedAsync("call-" + call)).Single(e => e.Type == "CallHeld.v1");
        Assert.Equal("agent1", EventMetadata.FromJson(held.Metadata)!.Actor); // every action is an event with its actor
    }

    [Fact]
    public async Task Consult_then_transfer_hands_the_customer_to_the_second_agent()
    {
        await desk.ReadyAsync("agent1");
        await desk.ReadyAsync("agent5"); // broadband too, but agent1 has been idle longer
        var call = await desk.CallInAsync("13900000002");
        await desk.LegAsync("agent1", call, "ringing");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/answer"));
        var consult = await desk.PostForCallAsync("agent1", $"/api/calls/{call}/consult", new { targetAgentId = "agent5", purpose = "transfer" });
        await desk.LegAsync("agent1", call, "held");
        await desk.LegAsync("agent5", consult, "ringing");
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{consult}/answer"));
        await desk.LegAsync("agent5", consult, "talking");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/transfer", new { consultCallId = consult }));

        await desk.LegAsync("agent5", call, "talking");
        await desk.LegAsync("agent1", call, null);
        await desk.StateAsync("agent1", "wrapUp", "untaggedCallId", call);
        await desk.StateAsync("agent5", "talking", "currentCallId", call);
        Assert.Contains("CallPartyLeft", await desk.EventsOfAsync(consult));

        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{call}/hang-up"));
        await desk.StateAsync("agent5", "wrapUp", "untaggedCallId", call); // the consult call itself needs no tag
    }

    [Fact]
    public async Task While_holding_an_agent_may_dial_out_but_is_offered_no_new_call()
    {
        await desk.ReadyAsync("agent1");
        var first = await desk.CallInAsync("13900000003");
        await desk.LegAsync("agent1", first, "ringing");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{first}/answer"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await desk.PostAsync("agent1", "/api/calls/dial", new { number = "02188880000" })).StatusCode);
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{first}/hold"));
        var outbound = await desk.PostForCallAsync("agent1", "/api/calls/dial", new { number = "021-8888 0000" });
        await desk.LegAsync("agent1", outbound, "talking");
        Assert.Equal(["CallDialed"], await desk.EventsOfAsync(outbound));

        var second = await desk.CallInAsync("13900000004");
        await Task.Delay(TimeSpan.FromSeconds(1)); // four ACD ticks: it must stay queued
        Assert.Null((await desk.CallsOfAsync("agent1")).FirstOrDefault(c => c.GetProperty("callId").GetString() == second).ValueKind is JsonValueKind.Undefined ? null : "offered");
        Assert.Equal(["CallArrived", "CallQueued"], await desk.EventsOfAsync(second));

        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{outbound}/hang-up"));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{first}/retrieve"));
        await desk.StateAsync("agent1", "talking");
    }

    [Fact]
    public async Task Blind_transfer_to_a_skill_group_queues_the_call_for_it_and_to_a_number_ends_it_here()
    {
        await desk.ReadyAsync("agent1"); // broadband + general
        await desk.ReadyAsync("agent3"); // billing + general
        var call = await desk.CallInAsync("13900000005");
        await desk.LegAsync("agent1", call, "ringing");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/answer"));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/transfer", new { targetQueue = "billing" }));
        await desk.LegAsync("agent3", call, "ringing");
        Desk.Ok(await desk.PostAsync("agent3", $"/api/calls/{call}/answer"));
        Desk.Ok(await desk.PostAsync("agent3", $"/api/calls/{call}/transfer", new { targetNumber = "95555" }));
        await desk.LegAsync("agent3", call, null);
        var events = await desk.EventsOfAsync(call);
        Assert.Equal("CallEnded", events[^1]);
        Assert.Equal(2, events.Count(e => e == "CallTransferred"));
        await desk.StateAsync("agent3", "wrapUp");
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_the_reason()
    {
        await desk.ReadyAsync("agent1");
        Assert.Equal(HttpStatusCode.NotFound, (await desk.PostAsync("agent1", "/api/calls/nope/answer")).StatusCode);
        var call = await desk.CallInAsync("13900000006");
        await desk.LegAsync("agent1", call, "ringing");
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("agent2", $"/api/calls/{call}/hold")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await desk.PostAsync("agent1", $"/api/calls/{call}/hold")).StatusCode); // ringing
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.PostAsync("agent1", $"/api/calls/{call}/transfer", new { targetQueue = "billing", targetNumber = "123" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.PostAsync("agent1", "/api/calls/dial", new { number = "12" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync("/api/simulator/calls", JsonContent.Create(new { ani = "13900000007" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("agent1", "/api/simulator/calls", new { ani = "13900000007" })).StatusCode);
        Assert.Equal(["CallArrived", "CallQueued", "CallOffered"], await desk.EventsOfAsync(call)); // nothing stored by the refusals
    }
}
