using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Telephony;

/// <summary>
/// Issue 16's server rules: colleagues' presence for agents (and nothing more), coded problem details for the SPA to
/// translate, tags per agent with the alarm rule (docs/telephony.md "Tags per agent"), R-TAG-2 on every softphone path,
/// the pop for an agent who joins a call, and a call dialled out while holding asked for its own tag.
/// </summary>
public class DeskRulesTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage r, HttpStatusCode status)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"{r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    static string? Code(JsonElement problem) => problem.TryGetProperty("code", out var c) ? c.GetString() : null;

    async Task<string> AnsweredAsync(string agent, string ani)
    {
        var call = await desk.CallInAsync(ani);
        await desk.LegAsync(agent, call, "ringing");
        Desk.Ok(await desk.PostAsync(agent, $"/api/calls/{call}/answer"));
        await desk.LegAsync(agent, call, "talking");
        return call;
    }

    [Fact]
    public async Task Agents_see_colleagues_presence_name_state_and_extension_only_and_not_the_supervisor_list()
    {
        await desk.ReadyAsync("agent5");
        var agent1 = await desk.As("agent1");
        var presence = await agent1.GetFromJsonAsync<JsonElement>("/api/agents/presence");
        var agent5 = presence.EnumerateArray().Single(a => a.GetProperty("agentId").GetString() == "agent5");
        Assert.Equal(["agentId", "name", "state", "extension"], agent5.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("ready", agent5.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(agent5.GetProperty("name").GetString()));
        Assert.True(presence.GetArrayLength() >= 20);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.GetAsync("/api/agents")).StatusCode); // the full states stay supervisors'
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("analyst")).GetAsync("/api/agents/presence")).StatusCode); // not a desk user
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/agents/presence")).StatusCode);
    }

    [Fact]
    public async Task A_busy_target_is_a_coded_problem_and_pick_up_lists_the_calls_ringing_elsewhere()
    {
        await desk.ReadyAsync("agent1");
        var call = await AnsweredAsync("agent1", "13900001601");
        await desk.ReadyAsync("agent5");
        var other = await desk.CallInAsync("13900001602");
        await desk.LegAsync("agent5", other, "ringing");

        var ringing = await Eventually.GetAsync(async () => await (await desk.As("agent2")).GetFromJsonAsync<JsonElement>("/api/calls/ringing"),
            r => r.EnumerateArray().Any(c => c.GetProperty("callId").GetString() == other), what: "the ringing call listed for pick-up");
        var listed = ringing.EnumerateArray().Single(c => c.GetProperty("callId").GetString() == other);
        Assert.Equal(("agent5", "13900001602"), (listed.GetProperty("agentId").GetString(), listed.GetProperty("ani").GetString()));

        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{other}/answer"));
        await desk.LegAsync("agent5", other, "talking");
        var busy = await ProblemAsync(await desk.PostAsync("agent1", $"/api/calls/{call}/consult", new { targetAgentId = "agent5" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("agentBusy", Code(busy));
        Assert.Equal("agent5", busy.GetProperty("args").GetProperty("agentId").GetString());
        var self = await ProblemAsync(await desk.PostAsync("agent1", $"/api/calls/{call}/consult", new { targetAgentId = "agent1" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("callSelf", Code(self));
    }

    [Fact]
    public async Task An_agent_with_an_untagged_customer_call_takes_no_other_call_by_any_softphone_path()
    {
        await desk.ReadyAsync("agent5");
        var first = await AnsweredAsync("agent5", "13900001603");
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{first}/hang-up"));
        var untagged = await desk.StateAsync("agent5", "wrapUp");
        Assert.Equal(first, untagged.GetProperty("untaggedCallId").GetString());

        // not callable for help (so no customer by connect-and-release or conference) nor a consult
        await desk.ReadyAsync("agent1");
        var call = await AnsweredAsync("agent1", "13900001604");
        foreach (var purpose in new[] { "help", "transfer" })
        {
            var p = await ProblemAsync(await desk.PostAsync("agent1", $"/api/calls/{call}/consult", new { targetAgentId = "agent5", purpose }), HttpStatusCode.UnprocessableEntity);
            Assert.Equal("agentMustTag", Code(p));
        }
        Assert.Equal("agentMustTag", Code(await ProblemAsync(await desk.PostAsync("agent1", $"/api/calls/{call}/transfer", new { targetAgentId = "agent5" }), HttpStatusCode.UnprocessableEntity)));

        // cannot dial a customer, nor pick up a customer's call
        var dial = await ProblemAsync(await desk.PostAsync("agent5", "/api/calls/dial", new { number = "13900001605" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("tagFirst", first), (Code(dial), dial.GetProperty("args").GetProperty("callId").GetString()));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/hang-up"));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/tag", new { purpose = "consultation", subtype = "other" }));
        Desk.Ok(await desk.PostAsync("agent1", "/api/agents/agent1/ready"));
        await desk.StateAsync("agent1", "ready");
        var ringing = await desk.CallInAsync("13900001606");
        await desk.LegAsync("agent1", ringing, "ringing");
        Assert.Equal("tagFirst", Code(await ProblemAsync(await desk.PostAsync("agent5", $"/api/calls/{ringing}/pick-up"), HttpStatusCode.UnprocessableEntity)));
        // ready is refused too (the existing rule), with its code
        Assert.Equal("tagFirst", Code(await ProblemAsync(await desk.PostAsync("agent5", "/api/agents/agent5/ready"), HttpStatusCode.UnprocessableEntity)));

        // tagged: the same paths work again (pick-up here)
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{first}/tag", new { purpose = "consultation", subtype = "other" }));
        await Eventually.GetAsync(async () => await (await desk.As("agent5")).GetFromJsonAsync<JsonElement>("/api/agents/agent5"),
            s => s.GetProperty("untaggedCallId").ValueKind == JsonValueKind.Null, what: "agent5 tagged");
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{ringing}/pick-up"));
        await desk.LegAsync("agent5", ringing, "talking");
    }

    [Fact]
    public async Task Each_agent_tags_their_own_part_the_joining_agent_reads_the_pop_and_a_replaced_dispatch_tag_shows_in_the_alarm_history()
    {
        var customer = (await (await desk.As("agent1")).GetFromJsonAsync<JsonElement>("/api/customers?q=13&take=1")).EnumerateArray().First();
        var (customerId, area) = (customer.GetProperty("id").GetString()!, customer.GetProperty("area").GetString()!);
        await desk.ReadyAsync("agent1");
        await desk.ReadyAsync("agent5");
        var call = await AnsweredAsync("agent1", "13900001607");
        var consult = await desk.PostForCallAsync("agent1", $"/api/calls/{call}/consult", new { targetAgentId = "agent5", purpose = "help" });
        await desk.LegAsync("agent5", consult, "ringing");
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{consult}/answer"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("agent5")).GetAsync($"/api/calls/{call}/screen-pop")).StatusCode); // not on it yet
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/connect-and-release", new { consultCallId = consult }));
        await desk.LegAsync("agent5", call, "talking");

        // R-POP-6 for every leg: the agent who joined reads the same pop
        var pop5 = await Eventually.GetAsync(async () => await (await desk.As("agent5")).GetAsync($"/api/calls/{call}/screen-pop"),
            r => r.StatusCode == HttpStatusCode.OK, what: "agent5 reads the pop");
        var pop1 = await (await desk.As("agent1")).GetStringAsync($"/api/calls/{call}/screen-pop");
        Assert.Equal(JsonDocument.Parse(pop1).RootElement.GetProperty("match").GetString(),
            JsonDocument.Parse(await pop5.Content.ReadAsStringAsync()).RootElement.GetProperty("match").GetString());

        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{call}/hang-up"));
        await desk.StateAsync("agent5", "wrapUp");
        await desk.StateAsync("agent1", "wrapUp");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/tag", new { purpose = "work-order-dispatched", subtype = "fault-repair", customerId }));
        Desk.Ok(await desk.PostAsync("agent5", $"/api/calls/{call}/tag", new { purpose = "consultation", subtype = "other", customerId }));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/tag", new { purpose = "work-order-dispatched", subtype = "fault-repair", customerId })); // same: no event

        var tags = (await desk.RecordedAsync("call-" + call)).Where(e => e.Type == "CallTagged.v1")
            .Select(e => JsonDocument.Parse(e.Data).RootElement).Select(t => (t.GetProperty("agentId").GetString(), t.GetProperty("purpose").GetString())).ToList();
        Assert.Equal([("agent1", "work-order-dispatched"), ("agent5", "consultation")], tags);
        // both agents are free to go on: each tagged their own part
        Desk.Ok(await desk.PostAsync("agent1", "/api/agents/agent1/ready"));
        Desk.Ok(await desk.PostAsync("agent5", "/api/agents/agent5/ready"));

        // agent5's "consultation" did not undo agent1's dispatch: the call still counts in the area's alarm
        var supervisor = await desk.As("supervisor1");
        var day = DateTimeOffset.UtcNow;
        var range = $"from={day.AddDays(-1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}&area={area}";
        await Task.Delay(500);
        var history = await supervisor.GetFromJsonAsync<JsonElement>($"/api/alarms?{range}");
        Assert.DoesNotContain(history.EnumerateArray(), h => h.GetProperty("kind").GetString() == "uncounted");

        // agent1 replaces their own dispatched tag: the call stops counting, and the history says so
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/tag", new { purpose = "consultation", subtype = "other", customerId }));
        var uncounted = await Eventually.GetAsync(async () => await supervisor.GetFromJsonAsync<JsonElement>($"/api/alarms?{range}"),
            h => h.EnumerateArray().Any(x => x.GetProperty("kind").GetString() == "uncounted"), what: "the uncount in the alarm history");
        Assert.Equal(call, uncounted.EnumerateArray().Single(x => x.GetProperty("kind").GetString() == "uncounted").GetProperty("callId").GetString());
    }

    [Fact]
    public async Task A_call_dialled_out_while_holding_is_asked_for_its_own_tag_after_the_held_one()
    {
        await desk.ReadyAsync("agent1");
        var held = await AnsweredAsync("agent1", "13900001608");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{held}/hold"));
        var dialled = await desk.PostForCallAsync("agent1", "/api/calls/dial", new { number = "13900001609" });
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{dialled}/hang-up"));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{held}/retrieve"));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{held}/hang-up"));
        var state = await desk.StateAsync("agent1", "wrapUp");
        Assert.Equal(dialled, state.GetProperty("untaggedCallId").GetString()); // the first to end is asked first

        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{dialled}/tag", new { purpose = "consultation", subtype = "other" }));
        await Eventually.GetAsync(async () => await (await desk.As("agent1")).GetFromJsonAsync<JsonElement>("/api/agents/agent1"),
            s => s.GetProperty("untaggedCallId").GetString() == held, what: "then the held call");
        Assert.Equal("tagFirst", Code(await ProblemAsync(await desk.PostAsync("agent1", "/api/agents/agent1/ready"), HttpStatusCode.UnprocessableEntity)));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{held}/tag", new { purpose = "consultation", subtype = "other" }));
        Desk.Ok(await desk.PostAsync("agent1", "/api/agents/agent1/ready"));
        await desk.StateAsync("agent1", "ready");
    }

    [Fact]
    public async Task After_call_work_allows_not_ready_with_a_reason()
    {
        await desk.ReadyAsync("agent1");
        var call = await AnsweredAsync("agent1", "13900001610");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{call}/hang-up"));
        await desk.StateAsync("agent1", "wrapUp");
        Desk.Ok(await desk.PostAsync("agent1", "/api/agents/agent1/not-ready", new { reasonCode = "break" }));
        var s = await desk.StateAsync("agent1", "notReady");
        Assert.Equal(call, s.GetProperty("untaggedCallId").GetString()); // still to tag before the next call
    }
}
