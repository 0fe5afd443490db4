using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Telephony.Routing;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Telephony.Routing;

/// <summary>Queues and blacklist over HTTP (R-ACD-2, R-ACD-4, R-ROLE-2): admins change, everyone signed in reads.</summary>
public class AcdAdminTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    static object Billing(string strategy = "balanced", string[]? duty = null, string opensAt = "08:00", string? ivrKey = "3", int serviceLevel = 30) => new
    {
        name = "Billing", nameZh = "缴费账务", strategy, ivrKey, serviceLevelSeconds = serviceLevel, maxWaitSeconds = 90,
        opensAt, closesAt = "21:30", dutyAgents = duty ?? new[] { "agent5" },
    };

    static async Task<JsonElement> Errors(HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    [Fact]
    public async Task The_demo_queues_are_listed_and_an_admin_change_reaches_the_directory_at_once()
    {
        var agent = await app.SignInAsync("agent3");
        var queues = await agent.GetFromJsonAsync<JsonElement>("/api/queues");
        Assert.Equal(["broadband", "cable-tv", "billing", "general"], queues.EnumerateArray().Select(q => q.GetProperty("id").GetString()!).ToArray());
        Assert.Equal("08:00", queues[0].GetProperty("opensAt").GetString());

        var directory = app.Services.GetRequiredService<QueueDirectory>();
        Assert.Equal("billing", (await directory.ByIvrTrailAsync(["9", "3", "1"])).Id);
        Assert.Equal("general", (await directory.ByIvrTrailAsync(["9"])).Id);
        Assert.Equal("general", (await directory.ByIvrTrailAsync([])).Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/queues/billing", Billing())).StatusCode);

        var admin = await app.SignInAsync("admin");
        var saved = await admin.PutAsJsonAsync("/api/queues/billing", Billing(RoutingStrategies.TimeOfDay, ["agent1", "agent5"]));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var billing = await directory.ByIdAsync("billing");
        Assert.Equal((RoutingStrategies.TimeOfDay, new TimeOnly(21, 30), 30), (billing!.Strategy, billing.ClosesAt, billing.ServiceLevelSeconds));
        Assert.Equal(["agent1", "agent5"], billing.DutyAgents);
    }

    [Theory]
    [InlineData("strategy")]
    [InlineData("dutyAgents")]
    [InlineData("opensAt")]
    [InlineData("serviceLevelSeconds")]
    [InlineData("ivrKey")]
    public async Task A_bad_queue_is_400_naming_the_field(string field)
    {
        var admin = await app.SignInAsync("admin");
        var body = field switch
        {
            "strategy" => Billing(strategy: "round-robin"),
            "dutyAgents" => Billing(duty: ["agent99"]),
            "opensAt" => Billing(opensAt: "8 o'clock"),
            "serviceLevelSeconds" => Billing(serviceLevel: 0),
            _ => Billing(ivrKey: "1"), // broadband's key
        };
        var response = await admin.PutAsJsonAsync("/api/queues/billing", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await Errors(response)).EnumerateObject().Select(e => e.Name).ToArray());
        var unchanged = await app.Services.GetRequiredService<QueueDirectory>().ByIdAsync("billing");
        Assert.Equal(RoutingStrategies.Balanced, unchanged!.Strategy);
    }

    [Fact]
    public async Task A_blacklisted_range_blocks_the_next_call_and_removing_it_unblocks()
    {
        var blacklist = app.Services.GetRequiredService<BlacklistService>();
        Assert.True(await blacklist.IsBlockedAsync("13800138000"));           // demo entry
        Assert.False(await blacklist.IsBlockedAsync("0755-2666-1234"));       // loads and holds the patterns

        var admin = await app.SignInAsync("admin");
        var added = await admin.PostAsJsonAsync("/api/blacklist", new { pattern = "075526660000-075526669999", reason = "推销" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var entry = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("admin", entry.GetProperty("createdBy").GetString());
        Assert.True(await blacklist.IsBlockedAsync("0755-2666-1234"));
        Assert.False(await blacklist.IsBlockedAsync("0755-2667-1234"));

        var agent = await app.SignInAsync("agent4");
        var listed = await agent.GetFromJsonAsync<JsonElement>("/api/blacklist");
        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("pattern").GetString() == "075526660000-075526669999");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/blacklist/{entry.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.False(await blacklist.IsBlockedAsync("0755-2666-1234"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/blacklist/{entry.GetProperty("id").GetInt64()}")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_change_the_blacklist_and_a_bad_pattern_is_400()
    {
        var agent = await app.SignInAsync("agent4");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/blacklist", new { pattern = "0755*", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync("/api/blacklist/1")).StatusCode);

        var admin = await app.SignInAsync("admin");
        foreach (var bad in new[] { "0755*9", "0108888-01088889999", "call me" })
        {
            var response = await admin.PostAsJsonAsync("/api/blacklist", new { pattern = bad, reason = "x" });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await Errors(response)).TryGetProperty("pattern", out _), bad);
        }
        var duplicate = await admin.PostAsJsonAsync("/api/blacklist", new { pattern = "+86 138 0013 8000", reason = "again" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/blacklist")).GetArrayLength());
    }
}
