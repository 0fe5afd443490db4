using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;

namespace CallCenter.Tests.Supervisor;

/// <summary>R-SUP-6: a team's supervisor sets thresholds; an agent not ready longer than the team's limit notifies that team's supervisor only.</summary>
public class TeamThresholdTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task Not_ready_past_the_teams_limit_notifies_its_supervisor_timed_at_since_plus_limit_and_not_another_team()
    {
        var s1 = await desk.As("supervisor1");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("supervisor2")).PutAsJsonAsync("/api/teams/team-1/thresholds", new { notReadySeconds = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("agent4")).GetAsync("/api/teams/team-1/thresholds")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s1.GetAsync("/api/teams/no-such-team/thresholds")).StatusCode);
        var bad = await s1.PutAsJsonAsync("/api/teams/team-1/thresholds", new { notReadySeconds = 0, waitingCalls = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("notReadySeconds", problem);
        Assert.Contains("waitingCalls", problem);
        Assert.Null((await s1.GetFromJsonAsync<JsonElement>("/api/teams/team-1/thresholds")).GetProperty("notReadySeconds").GetString());

        var (hub1, got1) = await HubClient.ConnectAsync(app, "supervisor1", "supervisorNotification");
        var (hub2, got2) = await HubClient.ConnectAsync(app, "supervisor2", "supervisorNotification");
        await using var _ = hub1;
        await using var __ = hub2;
        Assert.Equal(HttpStatusCode.OK, (await s1.PutAsJsonAsync("/api/teams/team-1/thresholds", new { notReadySeconds = 2, wrapUpSeconds = 120 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await desk.As("supervisor2")).PutAsJsonAsync("/api/teams/team-2/thresholds", new { notReadySeconds = 3 })).StatusCode);

        Desk.Ok(await desk.PostAsync("agent4", "/api/agents/agent4/sign-in")); // not ready on sign-in
        var since = DateTimeOffset.Parse((await desk.StateAsync("agent4", "notReady")).GetProperty("since").GetString()!);
        var note = await HubClient.NextAsync(got1, n => n.GetProperty("kind").GetString() == "threshold" && n.GetProperty("agentId").GetString() == "agent4", TimeSpan.FromSeconds(60));
        Assert.Equal("notReady", note.GetProperty("threshold").GetString());
        Assert.Equal(2, note.GetProperty("limitSeconds").GetInt32());
        Assert.Equal("team-1", note.GetProperty("teamId").GetString());
        Assert.Equal(since.AddSeconds(2), note.GetProperty("at").GetDateTimeOffset()); // event time, not when it was noticed

        Desk.Ok(await desk.PostAsync("agent12", "/api/agents/agent12/sign-in"));
        var other = await HubClient.NextAsync(got2, n => n.GetProperty("kind").GetString() == "threshold", TimeSpan.FromSeconds(60));
        Assert.Equal("agent12", other.GetProperty("agentId").GetString()); // supervisor2's first: agent4's never reached them
    }
}
