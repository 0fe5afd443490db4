using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Customers;
using CallCenter.Customers.Authorizations;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;
using Npgsql;

namespace CallCenter.Tests.Customers;

/// <summary>R-SVC-2 decisions: re-authorising a card or modem, temporary authorisation for arrears (pure).</summary>
public class AuthorizationDeciderTests
{
    static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    static readonly AuthorizationCustomer Active = new("C000001", CustomerStatuses.Active, "8001000100020003");
    static readonly AuthorizationCustomer Owing = new("C000002", CustomerStatuses.SuspendedArrears, "8001000100020004");

    [Theory]
    [InlineData("00:1a:2b:3c:4d:5e")]
    [InlineData("00-1A-2B-3C-4D-5E")]
    [InlineData("001a.2b3c.4d5e")]
    [InlineData("001A2B3C4D5E")]
    public void A_mac_address_in_any_spelling_is_stored_one_way(string typed) =>
        Assert.Equal("00:1A:2B:3C:4D:5E", Assert.IsType<DeviceReauthorized>(
            Assert.Single(AuthorizationDecider.Reauthorize(CustomerAuthorizationStream.Initial, Active, AuthorizationDevices.Mac, typed, null, At))).Identifier);

    [Fact]
    public void The_smart_card_on_file_is_reauthorized()
    {
        var e = Assert.IsType<DeviceReauthorized>(Assert.Single(AuthorizationDecider.Reauthorize(CustomerAuthorizationStream.Initial, Active, AuthorizationDevices.SmartCard, null, " lost signal ", At)));
        Assert.Equal(("8001000100020003", "lost signal", At), (e.Identifier, e.Reason, e.At));
    }

    [Fact]
    public void Suspended_for_arrears_needs_a_temporary_authorization_first_which_runs_its_days_and_is_not_stacked()
    {
        var s = CustomerAuthorizationStream.Initial;
        Assert.Equal("suspendedForArrears", Assert.Throws<RuleViolationException>(() => AuthorizationDecider.Reauthorize(s, Owing, AuthorizationDevices.SmartCard, null, null, At)).Code);
        var granted = Assert.IsType<TemporaryAuthorizationGranted>(Assert.Single(AuthorizationDecider.GrantTemporary(s, Owing, 3, "promised to pay", At)));
        Assert.Equal(At.AddDays(3), granted.Until);
        s = CustomerAuthorizationStream.Evolve(s, granted);
        Assert.Single(AuthorizationDecider.Reauthorize(s, Owing, AuthorizationDevices.SmartCard, null, null, At.AddDays(1)));
        Assert.Equal("temporaryAuthorizationRunning", Assert.Throws<RuleViolationException>(() => AuthorizationDecider.GrantTemporary(s, Owing, 1, "again", At.AddDays(2))).Code);
        Assert.Single(AuthorizationDecider.GrantTemporary(s, Owing, 1, "again", At.AddDays(3))); // over: may be granted again
        Assert.Equal("suspendedForArrears", Assert.Throws<RuleViolationException>(() => AuthorizationDecider.Reauthorize(s, Owing, AuthorizationDevices.SmartCard, null, null, At.AddDays(3))).Code);
    }

    [Fact]
    public void Only_customers_suspended_for_arrears_get_temporary_authorization_and_cancelled_ones_nothing()
    {
        Assert.Equal("notSuspendedForArrears", Assert.Throws<RuleViolationException>(() => AuthorizationDecider.GrantTemporary(CustomerAuthorizationStream.Initial, Active, 2, "x", At)).Code);
        var cancelled = Active with { Status = CustomerStatuses.Cancelled };
        Assert.Equal("customerCancelled", Assert.Throws<RuleViolationException>(() => AuthorizationDecider.Reauthorize(CustomerAuthorizationStream.Initial, cancelled, AuthorizationDevices.Mac, "001A2B3C4D5E", null, At)).Code);
        Assert.Equal("noSmartCard", Assert.Throws<RuleViolationException>(() => AuthorizationDecider.Reauthorize(CustomerAuthorizationStream.Initial, Active with { SmartCard = null }, AuthorizationDevices.SmartCard, null, null, At)).Code);
    }
}

/// <summary>R-SVC-2 over HTTP: roles, validation, the history read model and its rebuild.</summary>
public class AuthorizationTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    async Task<string> CustomerAsync(string status)
    {
        await using var conn = new NpgsqlConnection(app.Database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select id from customers where status = @s and smart_card is not null order by id limit 1", conn);
        cmd.Parameters.AddWithValue("s", status);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    async Task<JsonElement> HistoryAsync(string user, string id) =>
        await (await desk.As(user)).GetFromJsonAsync<JsonElement>($"/api/customers/{id}/authorizations");

    [Fact]
    public async Task An_agent_grants_a_suspended_customer_temporary_service_then_reauthorizes_the_card_and_the_history_shows_both()
    {
        var id = await CustomerAsync(CustomerStatuses.SuspendedArrears);
        var refused = await desk.PostAsync("agent1", $"/api/customers/{id}/authorizations/reauthorize", new { device = "smart-card" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("suspendedForArrears", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var granted = await desk.PostAsync("agent1", $"/api/customers/{id}/authorizations/temporary", new { days = 3, reason = "Promised to pay on Friday" });
        Desk.Ok(granted);
        var answer = await granted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.String, answer.GetProperty("temporaryUntil").ValueKind);
        Assert.Equal("temporary", Assert.Single(answer.GetProperty("history").EnumerateArray().ToList()).GetProperty("kind").GetString()); // at once, before the read model
        Desk.Ok(await desk.PostAsync("supervisor1", $"/api/customers/{id}/authorizations/reauthorize", new { device = "mac", mac = "00-1a-2b-3c-4d-5e", reason = "New modem" }));

        var history = await Eventually.GetAsync(() => HistoryAsync("agent1", id), h => h.GetProperty("history").GetArrayLength() == 2, what: "two changes in the history");
        Assert.Equal(2, history.GetProperty("changes").GetInt32());
        var rows = history.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(("reauthorized", "mac", "00:1A:2B:3C:4D:5E", "supervisor1"),
            (rows[0].GetProperty("kind").GetString(), rows[0].GetProperty("device").GetString(), rows[0].GetProperty("identifier").GetString(), rows[0].GetProperty("by").GetString()));
        Assert.Equal(("temporary", 3, "agent1"), (rows[1].GetProperty("kind").GetString(), rows[1].GetProperty("days").GetInt32(), rows[1].GetProperty("by").GetString()));
        Assert.Equal(2, (await desk.RecordedAsync($"authorization-{id}")).Count);
    }

    [Theory]
    [InlineData("reauthorize", """{"device":"fax"}""", "device")]
    [InlineData("reauthorize", """{"device":"mac","mac":"00:1A:2B"}""", "mac")]
    [InlineData("reauthorize", """{"device":"mac"}""", "mac")]
    [InlineData("temporary", """{"days":0,"reason":"x"}""", "days")]
    [InlineData("temporary", """{"days":8,"reason":"x"}""", "days")]
    [InlineData("temporary", """{"days":2,"reason":"  "}""", "reason")]
    public async Task Bad_input_is_400_naming_the_field_and_stores_nothing(string action, string body, string field)
    {
        var id = await CustomerAsync(CustomerStatuses.SuspendedArrears);
        var agent = await desk.As("agent1");
        var r = await agent.PostAsync($"/api/customers/{id}/authorizations/{action}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(await desk.RecordedAsync($"authorization-{id}"));
    }

    [Fact]
    public async Task An_unknown_customer_is_404_and_other_roles_are_403()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await (await desk.As("agent1")).GetAsync("/api/customers/C999999/authorizations")).StatusCode);
        var id = await CustomerAsync(CustomerStatuses.Active);
        foreach (var user in new[] { "analyst", "auditor" })
        {
            var client = await desk.As(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/customers/{id}/authorizations")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/customers/{id}/authorizations/reauthorize", new { device = "smart-card" })).StatusCode);
        }
        Desk.Ok(await (await desk.As("admin")).PostAsJsonAsync($"/api/customers/{id}/authorizations/reauthorize", new { device = "smart-card" }));
        var temp = await desk.PostAsync("agent1", $"/api/customers/{id}/authorizations/temporary", new { days = 1, reason = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, temp.StatusCode); // active customers need no temporary authorisation
    }
}
