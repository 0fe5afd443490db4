using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Telephony.Pbx;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Telephony.Routing;

/// <summary>R-ADM-2 over HTTP: skill groups, calendars and the queue rules that use them; retired things stay readable.</summary>
public class AdminReferenceDataTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    static async Task<string[]> ErrorFields(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
    }

    static object Queue(string group, string? calendar, string afterHours, string? overflow = null) => new
    {
        name = "Night line", strategy = "longest-idle", serviceLevelSeconds = 20, maxWaitSeconds = 60, opensAt = "08:00", closesAt = "20:00",
        dutyAgents = Array.Empty<string>(), skillGroup = group, calendarId = calendar, afterHours, overflowQueue = overflow,
    };

    static object ClosedOn(string date) => new
    {
        name = "Closed today", weekly = new[] { new { day = "monday", open = "00:00", close = "24:00" } },
        holidays = new[] { new { date, name = "test" } }, exceptions = Array.Empty<object>(),
    };

    [Fact]
    public async Task A_closed_calendar_sends_calls_where_the_queue_rule_says_and_in_use_things_cannot_be_retired()
    {
        var admin = await app.SignInAsync("admin");
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/skill-groups/night", new { name = "Night" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/business-calendars/closed", ClosedOn(today))).StatusCode);

        Assert.Equal(["calendarId", "overflowQueue", "skillGroup"],
            await ErrorFields(await admin.PutAsJsonAsync("/api/queues/night", Queue("nobody", "nowhere", "overflow", "night"))));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/queues/night", Queue("night", "closed", "overflow", "general"))).StatusCode);

        var acd = app.Services.GetRequiredService<IAcd>();
        var routed = await acd.QueueForAsync("night", [], DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(("general", "general"), (routed.Id, routed.SkillGroup));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/queues/night", Queue("night", "closed", "voicemail"))).StatusCode);
        routed = await acd.QueueForAsync("night", [], DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(("night", false, 0), (routed.Id, routed.Open, routed.DutyAgents.Length));

        Assert.Equal(["active"], await ErrorFields(await admin.PutAsJsonAsync("/api/business-calendars/closed", new { name = "x", active = false })));
        Assert.Equal(["active"], await ErrorFields(await admin.PutAsJsonAsync("/api/skill-groups/night", new { name = "Night", active = false })));

        var members = await admin.PutAsJsonAsync("/api/skill-groups/night/members", new { agents = new[] { "agent7", "agent8" } });
        Assert.Equal(["agent7", "agent8"], (await members.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToArray());
        var agent = await app.SignInAsync("agent7");
        Assert.Contains("night", (await agent.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("skillGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/skill-groups/night/members", new { agents = Array.Empty<string>() })).StatusCode);

        // retiring the queue keeps it readable
        var retired = await admin.PutAsJsonAsync("/api/queues/night", new { name = "Night line", strategy = "longest-idle", serviceLevelSeconds = 20, maxWaitSeconds = 60,
            opensAt = "08:00", closesAt = "20:00", dutyAgents = Array.Empty<string>(), skillGroup = "night", active = false });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.False((await admin.GetFromJsonAsync<JsonElement>("/api/queues/night")).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/queues/nope")).StatusCode);
    }

    [Fact]
    public async Task Reason_codes_carry_approval_and_a_limit_and_retired_ones_stay_readable()
    {
        var admin = await app.SignInAsync("admin");
        Assert.Equal(["maxAway"], await ErrorFields(await admin.PutAsJsonAsync("/api/reason-codes/coaching", new { name = "Coaching", maxAway = 0 })));
        var saved = await admin.PutAsJsonAsync("/api/reason-codes/coaching", new { name = "Coaching", needsApproval = true, maxAway = 2, active = false });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var read = await admin.GetFromJsonAsync<JsonElement>("/api/reason-codes/coaching");
        Assert.Equal((true, 2, false), (read.GetProperty("needsApproval").GetBoolean(), read.GetProperty("maxAway").GetInt32(), read.GetProperty("active").GetBoolean()));
        Assert.DoesNotContain("coaching", (await admin.GetFromJsonAsync<JsonElement>("/api/reason-codes")).EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Contains("coaching", (await admin.GetFromJsonAsync<JsonElement>("/api/reason-codes?all=true")).EnumerateArray().Select(r => r.GetProperty("code").GetString()));
    }
}
