using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls;

/// <summary>POST /api/cti/events (API.md): idempotent by eventId, whole-batch validation, API key, agent states following calls (R-TAG-2).</summary>
public class CtiIngestionTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(8));

    HttpClient Pbx()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
        return client;
    }

    static object Ev(string type, string callId, int second, string? agentId = null, string? ani = null, Guid? id = null) => new
    {
        eventId = id ?? Guid.NewGuid(), type, callId, occurredAt = T0.AddSeconds(second), ani, dnis = "96123",
        ivrTrail = new[] { "1", "3" }, agentId, queue = "broadband",
    };

    /// <summary>An event stamped when it is posted, as a live PBX reports it: agent streams fold in event time (decision 0012), so facts
    /// about an agent who signed in on the desktop a moment ago carry times after that sign-in.</summary>
    static object Live(string type, string callId, string? agentId = null, string? ani = null, int secondsAgo = 0) => new
    {
        eventId = Guid.NewGuid(), type, callId, occurredAt = DateTimeOffset.UtcNow.AddSeconds(-secondsAgo), ani, dnis = "96123",
        ivrTrail = new[] { "1", "3" }, agentId, queue = "broadband",
    };

    static async Task Accepted(Task<HttpResponseMessage> post)
    {
        var response = await post;
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    async Task<int> StreamLength(string stream)
    {
        var n = 0;
        await foreach (var _ in app.Services.GetRequiredService<IEventStore>().ReadStreamAsync(stream)) n++;
        return n;
    }

    [Fact]
    public async Task The_same_event_posted_twice_is_stored_once()
    {
        var id = Guid.NewGuid();
        var first = await Pbx().PostAsJsonAsync("/api/cti/events", Ev("CallArrived", "c-dup", 0, ani: "13800001111", id: id));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());
        var again = await Pbx().PostAsJsonAsync("/api/cti/events", new[] { Ev("CallArrived", "c-dup", 0, ani: "13800001111", id: id), Ev("CallQueued", "c-dup", 2) });
        var counts = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1), (counts.GetProperty("stored").GetInt32(), counts.GetProperty("duplicates").GetInt32()));
        Assert.Equal(2, await StreamLength("call-c-dup"));
    }

    [Fact]
    public async Task A_batch_with_one_malformed_event_stores_nothing_and_names_the_event_and_field()
    {
        var batch = new[]
        {
            Ev("CallArrived", "c-bad", 0, ani: "13800002222"),
            Ev("CallOffered", "c-bad", 3), // no agentId
            Ev("CallArrived", "c-other", 0, ani: "13800003333"),
        };
        var response = await Pbx().PostAsJsonAsync("/api/cti/events", batch);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name == "events[1].agentId");
        Assert.Equal(0, await StreamLength("call-c-bad"));
        Assert.Equal(0, await StreamLength("call-c-other"));

        var unknownType = await Pbx().PostAsJsonAsync("/api/cti/events", new[] { new { eventId = Guid.NewGuid(), type = "CallExploded", callId = "c-x", occurredAt = T0 } });
        Assert.Contains((await unknownType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject(), e => e.Name == "events[0].type");

        var malformed = await Pbx().PostAsync("/api/cti/events", new StringContent("[{\"eventId\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Without_the_connector_key_nothing_is_accepted()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/cti/events", Ev("CallArrived", "c-key", 0, ani: "1"))).StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/cti/events", Ev("CallArrived", "c-key", 0, ani: "1"))).StatusCode);
        Assert.Equal(0, await StreamLength("call-c-key"));
    }

    [Fact]
    public async Task Talking_and_after_call_work_follow_the_call_and_ready_waits_for_the_tag()
    {
        var agent = await app.SignInAsync("agent10");
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/agents/agent10/sign-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/agents/agent10/ready", null)).StatusCode);

        var answeredAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()); // as stored (timestamptz)
        await Accepted(Pbx().PostAsJsonAsync("/api/cti/events", new[]
        {
            Live("CallArrived", "c-flow", ani: "13900004444", secondsAgo: 25), Live("CallOffered", "c-flow", "agent10", secondsAgo: 5),
            new { eventId = Guid.NewGuid(), type = "CallAnswered", callId = "c-flow", occurredAt = answeredAt, ani = (string?)null, dnis = "96123",
                ivrTrail = new[] { "1", "3" }, agentId = (string?)"agent10", queue = "broadband" },
        }));
        async Task<JsonElement> State() => await agent.GetFromJsonAsync<JsonElement>("/api/agents/agent10");
        var talking = await Eventually.GetAsync(State, s => s.GetProperty("state").GetString() == "talking", what: "agent10 talking");
        Assert.Equal("c-flow", talking.GetProperty("currentCallId").GetString());
        Assert.Equal(answeredAt, talking.GetProperty("since").GetDateTimeOffset()); // event time, not the wall clock

        await Pbx().PostAsJsonAsync("/api/cti/events", Live("CallEnded", "c-flow", "agent10"));
        var wrapUp = await Eventually.GetAsync(State, s => s.GetProperty("state").GetString() == "wrapUp", what: "agent10 in after-call work");
        Assert.Equal("c-flow", wrapUp.GetProperty("untaggedCallId").GetString());

        var ready = await agent.PostAsync("/api/agents/agent10/ready", null);
        Assert.Equal((HttpStatusCode)422, ready.StatusCode);
        Assert.Contains("c-flow", await ready.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode)422, (await agent.PostAsync("/api/agents/agent10/wrap-up/end", null)).StatusCode);

        var badTag = await agent.PostAsJsonAsync("/api/calls/c-flow/tag", new { purpose = "repair", subtype = "karaoke" });
        Assert.Equal(HttpStatusCode.BadRequest, badTag.StatusCode);
        var otherAgent = await app.SignInAsync("agent11");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAgent.PostAsJsonAsync("/api/calls/c-flow/tag", new { purpose = "repair", subtype = "no-signal" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsJsonAsync("/api/calls/c-nope/tag", new { purpose = "repair", subtype = "no-signal" })).StatusCode);

        var tag = await agent.PostAsJsonAsync("/api/calls/c-flow/tag", new { purpose = "repair", subtype = "no-signal" });
        Assert.Equal(HttpStatusCode.OK, tag.StatusCode);
        // Ready works the moment the tag is saved.
        var readyAfterTag = await agent.PostAsync("/api/agents/agent10/ready", null);
        Assert.Equal(HttpStatusCode.OK, readyAfterTag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync("/api/calls/c-flow/tag", new { purpose = "repair", subtype = "no-signal" })).StatusCode);
        var final = await Eventually.GetAsync(State, s => s.GetProperty("state").GetString() == "ready", what: "agent10 ready again");
        Assert.Equal(JsonValueKind.Null, final.GetProperty("untaggedCallId").ValueKind);
    }

    [Fact]
    public async Task A_call_tagged_before_its_end_reaches_the_agent_needs_no_second_tag()
    {
        var agent = await app.SignInAsync("agent12");
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/agents/agent12/sign-in", null)).StatusCode);
        await Accepted(Pbx().PostAsJsonAsync("/api/cti/events", new[] { Live("CallArrived", "c-early", ani: "13900005555", secondsAgo: 5), Live("CallAnswered", "c-early", "agent12") }));
        async Task<JsonElement> State() => await agent.GetFromJsonAsync<JsonElement>("/api/agents/agent12");
        await Eventually.GetAsync(State, s => s.GetProperty("state").GetString() == "talking", what: "agent12 talking");
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync("/api/calls/c-early/tag", new { purpose = "consultation", subtype = "billing" })).StatusCode);
        await Pbx().PostAsJsonAsync("/api/cti/events", Live("CallEnded", "c-early", "agent12"));
        await Eventually.GetAsync(State, s => s.GetProperty("state").GetString() == "wrapUp", what: "agent12 in after-call work");
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/agents/agent12/wrap-up/end", null)).StatusCode);
    }

    [Fact]
    public async Task The_tag_records_the_chosen_customers_area_and_an_unknown_customer_is_400()
    {
        var agent = await app.SignInAsync("agent13");
        var customers = await agent.GetFromJsonAsync<List<JsonElement>>("/api/customers?q=" + Uri.EscapeDataString("东湖花园") + "&take=5");
        var customer = customers![0];
        await Pbx().PostAsJsonAsync("/api/cti/events", new[]
        {
            Ev("CallArrived", "c-area", 0, ani: customer.GetProperty("phones")[0].GetString()), Ev("CallAnswered", "c-area", 5, "agent13"),
            Ev("CallEnded", "c-area", 95, "agent13"),
        });
        var unknown = await agent.PostAsJsonAsync("/api/calls/c-area/tag", new { purpose = "repair", subtype = "no-signal", customerId = "C-NOPE" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("customerId", out _));

        var tag = await agent.PostAsJsonAsync("/api/calls/c-area/tag",
            new { purpose = "work-order-dispatched", subtype = "fault-repair", customerId = customer.GetProperty("id").GetString() });
        Assert.Equal(HttpStatusCode.OK, tag.StatusCode);
        var stored = new List<string>();
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadStreamAsync("call-c-area")) stored.Add(e.Type);
        Assert.Equal("CallTagged.v1", stored[^1]);
        Assert.Equal(customer.GetProperty("area").GetString(), (await tag.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("area").GetString());
    }
}
