using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Calls.ScreenPops;

/// <summary>R-POP-4, R-POP-5: the last 4 calls from the number (by event time, with their tags) and the customer's last 4 work orders.</summary>
public class ScreenPopHistoryTests(ScreenPopAppFixture fixture) : IClassFixture<ScreenPopAppFixture>
{
    static readonly DateTimeOffset T0 = new(2026, 11, 21, 15, 0, 0, TimeSpan.FromHours(8));
    ScreenPopKit Kit => fixture.Kit;

    [Fact]
    public async Task The_last_four_calls_before_this_one_by_event_time_carry_their_purpose_and_agent()
    {
        // The agents tag on the desktop now (wall clock); the new call is offered after that, so it knows the tags (a pop shows
        // what was known at its offer, in event time).
        var T0 = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero).AddMinutes(10);
        var phone = (await Kit.PhonesAsync(shared: false, 3))[1];
        // Six earlier calls (hours before T0) and one that arrived after T0, ingested out of order.
        (string Id, int HoursBefore, string Agent, string? Purpose, string? Subtype)[] history =
        [
            ("h-3", 3, "agent6", "complaint", "service"), ("h-26", 26, "agent5", "repair", "no-signal"), ("h-1", 1, "agent5", "repair", "no-signal"),
            ("h-after", -2, "agent6", "order", "upgrade"), ("h-50", 50, "agent6", "consultation", "billing"), ("h-2", 2, "agent6", null, null),
            ("h-5", 5, "agent5", "consultation", "billing"),
        ];
        foreach (var (id, hours, agent, _, _) in history)
        {
            var arrived = T0.AddHours(-hours);
            await Kit.PostAsync(ScreenPopKit.Ev("CallArrived", id, arrived, ani: phone, ivr: ["9", hours.ToString()[..1]]),
                ScreenPopKit.Ev("CallAnswered", id, arrived.AddSeconds(20), agent), ScreenPopKit.Ev("CallEnded", id, arrived.AddMinutes(3), agent));
        }
        foreach (var (id, _, agent, purpose, subtype) in history.Where(h => h.Purpose is not null))
        {
            var client = await Kit.App.SignInAsync(agent);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/calls/{id}/tag", new { purpose, subtype })).StatusCode);
        }

        await Kit.PostAsync(ScreenPopKit.Ev("CallArrived", "h-now", T0, ani: phone), ScreenPopKit.Ev("CallOffered", "h-now", T0.AddSeconds(8), "agent7"));
        var pop = await Kit.PopAsync(await Kit.App.SignInAsync("agent7"), "h-now");

        var calls = pop.GetProperty("recentCalls");
        Assert.Equal(["h-1", "h-2", "h-3", "h-5"], ScreenPopKit.Strings(calls, "callId"));
        Assert.Equal([T0.AddHours(-1), T0.AddHours(-2), T0.AddHours(-3), T0.AddHours(-5)], calls.EnumerateArray().Select(c => c.GetProperty("at").GetDateTimeOffset()));
        Assert.Equal(["repair", null, "complaint", "consultation"], ScreenPopKit.Strings(calls, "purpose"));
        Assert.Equal(["no-signal", null, "service", "billing"], ScreenPopKit.Strings(calls, "subtype"));
        Assert.Equal(["agent5", "agent6", "agent6", "agent5"], ScreenPopKit.Strings(calls, "agentId"));
        Assert.Equal(["陈静", "杨磊", "杨磊", "陈静"], ScreenPopKit.Strings(calls, "agentName"));
        Assert.All(calls.EnumerateArray(), c => Assert.Equal(phone, c.GetProperty("ani").GetString()));
        Assert.Equal(["9", "5"], calls[3].GetProperty("ivrTrail").EnumerateArray().Select(k => k.GetString()));
    }

    /// <summary>Issue 12: a pop is what was known at its offer, in event time. The same calls sent in order for one number and
    /// in the worst order for another (the new call offered before it arrived, an earlier call arriving and answered after that,
    /// and an answer stamped after the offer) give the same pop.</summary>
    [Fact]
    public async Task A_pop_is_the_same_whatever_order_its_facts_arrive_in()
    {
        var phones = await Kit.PhonesAsync(shared: false, 6);
        var t0 = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        object[] Calls(string p, string prefix) =>
        [
            ScreenPopKit.Ev("CallArrived", prefix + "-1", t0.AddHours(-2), ani: p), ScreenPopKit.Ev("CallAnswered", prefix + "-1", t0.AddHours(-2).AddSeconds(9), "agent5"),
            ScreenPopKit.Ev("CallEnded", prefix + "-1", t0.AddHours(-2).AddMinutes(4), "agent5"),
            // answered only after the new call was offered: the pop does not name its agent yet
            ScreenPopKit.Ev("CallArrived", prefix + "-2", t0.AddSeconds(-30), ani: p), ScreenPopKit.Ev("CallAnswered", prefix + "-2", t0.AddSeconds(20), "agent6"),
            ScreenPopKit.Ev("CallArrived", prefix + "-now", t0, ani: p, ivr: ["1"]), ScreenPopKit.Ev("CallOffered", prefix + "-now", t0.AddSeconds(8), "agent7"),
        ];
        var inOrder = Calls(phones[4], "ord");
        await Kit.PostAsync(inOrder);
        var shuffled = Calls(phones[5], "shf");
        await Kit.PostAsync(shuffled[6]); // the offer first
        await Kit.PostAsync(shuffled[5], shuffled[4], shuffled[3]);
        await Kit.PostAsync(shuffled[0], shuffled[2], shuffled[1]);

        var agent7 = await Kit.App.SignInAsync("agent7");
        // The customers differ (each phone is one customer's); the rest of the pop must be the same.
        string Shape(JsonElement pop, string prefix, string phone) =>
            string.Join(" ", new[] { "ani", "dnis", "ivrTrail", "match", "recentCalls" }.Select(p => pop.GetProperty(p).GetRawText()))
                .Replace(prefix + "-", "X-").Replace(phone, "PHONE");
        var expected = Shape(await Kit.PopAsync(agent7, "ord-now"), "ord", phones[4]);
        Assert.Contains("\"agentId\":\"agent5\"", expected); // X-1, answered before the offer
        Assert.Contains("\"callId\":\"X-2\"", expected);
        Assert.StartsWith("\"PHONE\" \"96123\" [\"1\"]", expected);
        await Eventually.GetAsync(async () => Shape(await Kit.PopAsync(agent7, "shf-now"), "shf", phones[5]), pop => pop == expected,
            TimeSpan.FromSeconds(60), "the shuffled pop equals the in-order pop");
    }

    [Fact]
    public async Task Dispatching_five_work_orders_shows_the_last_four_with_status_and_step()
    {
        var phone = (await Kit.PhonesAsync(shared: false, 3))[2];
        var agent = await Kit.App.SignInAsync("agent8");
        var customer = (await agent.GetFromJsonAsync<List<JsonElement>>("/api/customers?q=" + phone))!
            .Single(c => c.GetProperty("phones").EnumerateArray().Any(p => p.GetString() == phone));
        var customerId = customer.GetProperty("id").GetString();

        var dispatched = new List<(string Id, string Serial)>();
        for (var i = 1; i <= 5; i++)
        {
            var response = await agent.PostAsJsonAsync("/api/work-orders",
                new { customerId, type = i % 2 == 0 ? "installation" : "fault", description = $"第{i}次：无信号", callId = i == 5 ? "wo-call" : null });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            dispatched.Add((body.GetProperty("id").GetString()!, body.GetProperty("serial").GetString()!));
        }
        Assert.All(dispatched, d => Assert.Matches(new Regex(@"^WO-\d{8}-\d{4}$"), d.Serial));
        Assert.Equal(5, dispatched.Select(d => d.Serial).Distinct().Count());
        Assert.Equal(dispatched.Select(d => d.Serial).Order(StringComparer.Ordinal), dispatched.Select(d => d.Serial)); // counted up

        await Kit.PostAsync(ScreenPopKit.Ev("CallArrived", "wo-call", T0, ani: phone), ScreenPopKit.Ev("CallOffered", "wo-call", T0.AddSeconds(5), "agent8"));
        var orders = (await Kit.PopAsync(agent, "wo-call")).GetProperty("recentWorkOrders");
        Assert.Equal(dispatched.Skip(1).Reverse().Select(d => d.Serial), ScreenPopKit.Strings(orders, "serial"));
        Assert.Equal(dispatched.Skip(1).Reverse().Select(d => d.Id), ScreenPopKit.Strings(orders, "id"));
        Assert.Equal(["fault", "installation", "fault", "installation"], ScreenPopKit.Strings(orders, "type"));
        var first = orders[0];
        Assert.Equal((customer.GetProperty("name").GetString(), customer.GetProperty("area").GetString(), customer.GetProperty("areaName").GetString(), customer.GetProperty("serviceType").GetString()),
            (first.GetProperty("customerName").GetString(), first.GetProperty("area").GetString(), first.GetProperty("areaName").GetString(), first.GetProperty("serviceType").GetString()));
        Assert.Equal(("inProgress", "dispatched"), (first.GetProperty("status").GetString(), first.GetProperty("currentStep").GetString()));
        Assert.True(first.GetProperty("dispatchedAt").GetDateTimeOffset() > orders[1].GetProperty("dispatchedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_dispatch_names_the_bad_field_and_an_unknown_customer_is_404()
    {
        var agent = await Kit.App.SignInAsync("agent9");
        var bad = await agent.PostAsJsonAsync("/api/work-orders", new { customerId = "C000001", type = "delivery-by-drone", description = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("type", out _));
        var noText = await agent.PostAsJsonAsync("/api/work-orders", new { customerId = "C000001", type = "fault", description = "" });
        Assert.True((await noText.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("description", out _));
        var unknown = await agent.PostAsJsonAsync("/api/work-orders", new { customerId = "C-NOPE", type = "fault", description = "无信号" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var analyst = await Kit.App.SignInAsync("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/work-orders", new { customerId = "C000001", type = "fault", description = "无信号" })).StatusCode);
    }

    [Fact]
    public async Task Dispatches_racing_for_a_serial_each_get_their_own()
    {
        var agents = await Task.WhenAll(Enumerable.Range(11, 8).Select(i => Kit.App.SignInAsync($"agent{i}")));
        var responses = await Task.WhenAll(agents.Select(a => a.PostAsJsonAsync("/api/work-orders", new { customerId = "C000002", type = "installation", description = "新装宽带" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var serials = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("serial").GetString()!));
        Assert.Equal(8, serials.Distinct().Count());
        var numbers = serials.Select(s => int.Parse(s[^4..])).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 8), numbers); // no gaps between racing dispatches
    }
}
