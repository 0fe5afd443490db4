using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;

namespace CallCenter.Tests.Supervisor;

/// <summary>R-ANN-1: targeted announcements pushed live to their audience only, edited by their author or an admin, with read receipts.</summary>
public class AnnouncementTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    async Task<long> PublishAsync(string user, object body)
    {
        var r = await (await desk.As(user)).PostAsJsonAsync("/api/announcements", body);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    async Task<JsonElement[]> MineAsync(string user) =>
        [.. (await (await desk.As(user)).GetFromJsonAsync<JsonElement>("/api/announcements")).EnumerateArray()];

    static bool Has(JsonElement[] list, long id) => list.Any(a => a.GetProperty("id").GetInt64() == id);

    [Fact]
    public async Task A_billing_announcement_reaches_billing_agents_within_one_second_and_never_the_others()
    {
        var (billingHub, billing) = await HubClient.ConnectAsync(app, "agent3", "announcementChanged"); // agent3: billing, general
        var (otherHub, other) = await HubClient.ConnectAsync(app, "agent1", "announcementChanged");     // agent1: broadband, general
        await using var _ = billingHub;
        await using var __ = otherHub;
        // warm the path: a first announcement to agent3 only
        var warm = await PublishAsync("supervisor1", new { title = "warm", urgent = false, audience = new { agents = new[] { "agent3" } } });
        await HubClient.NextAsync(billing, m => m.GetProperty("id").GetInt64() == warm, TimeSpan.FromSeconds(30));

        var clock = Stopwatch.StartNew();
        var id = await PublishAsync("supervisor1", new { title = "账单系统 18:00 升级", body = "billing only", urgent = true, audience = new { skillGroups = new[] { "billing" } } });
        await HubClient.NextAsync(billing, m => m.GetProperty("id").GetInt64() == id, TimeSpan.FromSeconds(10));
        var onDesk = await MineAsync("agent3"); // what the desktop shows once told
        clock.Stop();
        Assert.True(Has(onDesk, id));
        Assert.Equal(id, onDesk[0].GetProperty("id").GetInt64()); // urgent on top
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"publish → billing agent's hub → listed took {clock.ElapsedMilliseconds} ms");
        Console.WriteLine($"[measure] announcement for billing: publish → agent3's hub → GET listed in {clock.ElapsedMilliseconds} ms");

        Assert.False(Has(await MineAsync("agent1"), id));
        Assert.False(Has(await MineAsync("agent4"), id));
        Assert.True(Has(await MineAsync("agent7"), id)); // the other billing agent of team-1
        // agent1's next push is one addressed to it: the billing one never came
        var mine = await PublishAsync("supervisor1", new { title = "for agent1", urgent = false, audience = new { agents = new[] { "agent1" } } });
        Assert.Equal(mine, (await HubClient.NextAsync(other, _ => true, TimeSpan.FromSeconds(30))).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.PostAsync("agent1", $"/api/announcements/{id}/read")).StatusCode);
    }

    [Fact]
    public async Task Authors_and_admins_edit_and_delete_others_may_not_bad_input_stores_nothing_and_the_author_sees_who_read_it()
    {
        var id = await PublishAsync("supervisor1", new { title = "Team A meeting", urgent = false, audience = new { teams = new[] { "team-1" } } });
        Assert.True(Has(await MineAsync("agent2"), id));
        Assert.False(Has(await MineAsync("agent12"), id));

        var before = (await (await desk.As("admin")).GetFromJsonAsync<JsonElement>("/api/announcements/manage")).GetArrayLength();
        var bad = await (await desk.As("supervisor1")).PostAsJsonAsync("/api/announcements", new { title = "", urgent = false, audience = new { skillGroups = new[] { "nope" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("title", text);
        var badGroup = await (await desk.As("supervisor1")).PostAsJsonAsync("/api/announcements", new { title = "x", urgent = false, audience = new { skillGroups = new[] { "nope" } } });
        Assert.Equal(HttpStatusCode.BadRequest, badGroup.StatusCode);
        Assert.Contains("audience.skillGroups", await badGroup.Content.ReadAsStringAsync());
        var badWindow = await (await desk.As("supervisor1")).PostAsJsonAsync("/api/announcements", new { title = "x", validFrom = "2026-12-02T10:00:00Z", validTo = "2026-12-01T10:00:00Z" });
        Assert.Contains("validTo", await badWindow.Content.ReadAsStringAsync());
        Assert.Equal(before, (await (await desk.As("admin")).GetFromJsonAsync<JsonElement>("/api/announcements/manage")).GetArrayLength());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("supervisor2")).PutAsJsonAsync($"/api/announcements/{id}", new { title = "mine now", urgent = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("agent2")).PostAsJsonAsync("/api/announcements", new { title = "hi", urgent = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("supervisor2")).DeleteAsync($"/api/announcements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await desk.As("admin")).DeleteAsync("/api/announcements/999999")).StatusCode);

        // read receipts, seen by the author
        Assert.Equal(HttpStatusCode.NoContent, (await desk.PostAsync("agent2", $"/api/announcements/{id}/read")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.PostAsync("agent2", $"/api/announcements/{id}/read")).StatusCode); // once
        Assert.True((await MineAsync("agent2")).Single(a => a.GetProperty("id").GetInt64() == id).GetProperty("read").GetBoolean());
        var reads = await (await desk.As("supervisor1")).GetFromJsonAsync<JsonElement>($"/api/announcements/{id}/reads");
        Assert.Equal(["agent2"], reads.GetProperty("readers").EnumerateArray().Select(r => r.GetProperty("userId").GetString()));
        Assert.Equal(11, reads.GetProperty("audienceSize").GetInt32()); // agent1–10 and supervisor1 (a member of team-1)
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("supervisor2")).GetAsync($"/api/announcements/{id}/reads")).StatusCode);

        // edit: now for team-2 and later; then delete (admin)
        var edited = await (await desk.As("supervisor1")).PutAsJsonAsync($"/api/announcements/{id}",
            new { title = "Team B meeting", urgent = false, audience = new { teams = new[] { "team-2" } }, validFrom = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.False(Has(await MineAsync("agent2"), id));
        Assert.False(Has(await MineAsync("agent12"), id)); // not yet valid
        await (await desk.As("supervisor1")).PutAsJsonAsync($"/api/announcements/{id}", new { title = "Team B meeting", urgent = false, audience = new { teams = new[] { "team-2" } } });
        Assert.True(Has(await MineAsync("agent12"), id));
        Assert.Equal(HttpStatusCode.NoContent, (await (await desk.As("admin")).DeleteAsync($"/api/announcements/{id}")).StatusCode);
        Assert.False(Has(await MineAsync("agent12"), id));
    }
}
