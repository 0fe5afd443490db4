using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallCenter.Tests.Calls.ScreenPops;

/// <summary>R-POP-1…3: the caller's number finds one customer, several (up to 5 listed, the agent picks one), or none.</summary>
public class ScreenPopMatchTests(ScreenPopAppFixture fixture) : IClassFixture<ScreenPopAppFixture>
{
    static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(8));
    ScreenPopKit Kit => fixture.Kit;

    async Task<string> OfferAsync(string callId, string ani, string agentId)
    {
        await Kit.PostAsync(ScreenPopKit.Ev("CallArrived", callId, T0, ani: ani, ivr: ["2", "1"]), ScreenPopKit.Ev("CallOffered", callId, T0.AddSeconds(9), agentId));
        return callId;
    }

    [Fact]
    public async Task One_customer_with_the_number_pops_profile_and_business_data_for_the_offered_agent_only()
    {
        var phone = (await Kit.PhonesAsync(shared: false, 1))[0];
        var agent = await Kit.App.SignInAsync("agent1");
        var callId = await OfferAsync("pop-single", phone, "agent1");

        var pop = await Kit.PopAsync(agent, callId);
        var expected = (await agent.GetFromJsonAsync<List<JsonElement>>("/api/customers?q=" + phone))!.Single(c => c.GetProperty("phones").EnumerateArray().Any(p => p.GetString() == phone));
        Assert.Equal(("single", callId, "agent1", phone), (pop.GetProperty("match").GetString(), pop.GetProperty("callId").GetString(), pop.GetProperty("agentId").GetString(), pop.GetProperty("ani").GetString()));
        Assert.Equal(["2", "1"], pop.GetProperty("ivrTrail").EnumerateArray().Select(k => k.GetString()));
        var customer = pop.GetProperty("customer");
        foreach (var field in new[] { "id", "name", "address", "area", "areaName", "serviceType", "level" })
            Assert.Equal(expected.GetProperty(field).GetString(), customer.GetProperty(field).GetString());
        var business = pop.GetProperty("business");
        Assert.Equal(expected.GetProperty("smartCard").GetString(), business.GetProperty("smartCard").GetString());
        Assert.Equal(expected.GetProperty("arrears").GetDecimal(), business.GetProperty("arrears").GetDecimal());
        Assert.Equal(expected.GetProperty("status").GetString(), business.GetProperty("status").GetString());
        Assert.Equal(expected.GetProperty("products").GetArrayLength(), business.GetProperty("products").GetArrayLength());
        Assert.Equal(1, pop.GetProperty("customers").GetArrayLength());

        var stranger = await Kit.App.SignInAsync("agent2");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/calls/{callId}/screen-pop")).StatusCode);
        var supervisor = await Kit.App.SignInAsync("supervisor1");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/calls/{callId}/screen-pop")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/api/calls/pop-never/screen-pop")).StatusCode);
    }

    [Fact]
    public async Task A_shared_number_lists_at_most_five_customers_and_the_chosen_one_gets_the_single_view()
    {
        var phone = (await Kit.PhonesAsync(shared: true, 1))[0];
        var sharers = int.Parse((await Kit.ColumnAsync($"select count(*) from customers where phones @> array['{phone}']"))[0]);
        Assert.True(sharers > 1);
        var agent = await Kit.App.SignInAsync("agent3");
        var callId = await OfferAsync("pop-multiple", phone, "agent3");

        var pop = await Kit.PopAsync(agent, callId);
        Assert.Equal("multiple", pop.GetProperty("match").GetString());
        Assert.Equal(Math.Min(sharers, 5), pop.GetProperty("customers").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, pop.GetProperty("customer").ValueKind);
        Assert.Empty(pop.GetProperty("recentWorkOrders").EnumerateArray());
        var summary = pop.GetProperty("customers")[1];
        foreach (var field in new[] { "id", "name", "address", "area", "serviceType", "level" }) Assert.False(string.IsNullOrEmpty(summary.GetProperty(field).GetString()));

        var chosenId = summary.GetProperty("id").GetString()!;
        var chosen = await Kit.PopAsync(agent, callId, chosenId);
        Assert.Equal(("single", chosenId, callId), (chosen.GetProperty("match").GetString(), chosen.GetProperty("customer").GetProperty("id").GetString(), chosen.GetProperty("callId").GetString()));
        Assert.Equal(JsonValueKind.Object, chosen.GetProperty("business").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/calls/{callId}/screen-pop?customerId=C-NOPE")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_number_finds_no_customer()
    {
        string phone;
        do phone = "199" + Random.Shared.Next(10_000_000, 99_999_999);
        while ((await Kit.ColumnAsync($"select id from customers where phones @> array['{phone}']")).Count > 0);
        var agent = await Kit.App.SignInAsync("agent4");
        var pop = await Kit.PopAsync(agent, await OfferAsync("pop-none", phone, "agent4"));
        Assert.Equal("none", pop.GetProperty("match").GetString());
        Assert.Empty(pop.GetProperty("customers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, pop.GetProperty("customer").ValueKind);
        Assert.Equal(JsonValueKind.Null, pop.GetProperty("business").ValueKind);
    }
}
