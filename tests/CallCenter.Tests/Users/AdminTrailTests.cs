using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Users;

/// <summary>
/// R-ADM-1 "every admin change is an event: who changed what, when": skill groups and proficiency edited on the user, a group's
/// members set from the group's page, a team's members, skill groups and queues themselves — each read back by the auditor.
/// </summary>
public class AdminTrailTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    static async Task<JsonElement[]> TrailAsync(HttpClient auditor, string query) =>
        [.. (await auditor.GetFromJsonAsync<JsonElement>("/api/admin-changes?" + query)).EnumerateArray()];

    /// <summary>The [before, after] of one field in a change's <c>changes</c>.</summary>
    static (string? Before, string? After) Field(JsonElement change, string field)
    {
        var pair = change.GetProperty("change").GetProperty("changes").GetProperty(field);
        return (pair[0].GetString(), pair[1].GetString());
    }

    static void Ok(HttpResponseMessage r)
    {
        if (r.StatusCode != HttpStatusCode.OK) Assert.Fail($"{r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {r.Content.ReadAsStringAsync().Result}");
    }

    [Fact]
    public async Task Skill_group_membership_and_proficiency_edits_are_on_the_members_trail_with_who_and_when()
    {
        var admin = await app.SignInAsync("admin");
        var auditor = await app.SignInAsync("auditor");
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);

        // agent7 (billing, general at the default 3): the admin gives billing 5 and general 2 on the user.
        var agent7 = JsonNode.Parse(await admin.GetStringAsync("/api/users/agent7"))!.AsObject();
        agent7["proficiency"] = new JsonObject { ["billing"] = 5, ["general"] = 2 };
        Ok(await admin.PutAsJsonAsync("/api/users/agent7", agent7));
        var edit = (await TrailAsync(auditor, "userId=agent7")).First();
        Assert.Equal(("UserUpdated", "admin", "user-agent7"), (edit.GetProperty("type").GetString(), edit.GetProperty("actor").GetString(), edit.GetProperty("stream").GetString()));
        Assert.Equal(("billing:3,general:3", "billing:5,general:2"), Field(edit, "proficiency"));
        Assert.InRange(edit.GetProperty("at").GetDateTimeOffset(), started, DateTimeOffset.UtcNow.AddSeconds(5));

        // A new group, then its members set from the group's page: joining is on agent7's and agent8's trails.
        Ok(await admin.PutAsJsonAsync("/api/skill-groups/night", new { name = "Night", nameZh = "夜班" }));
        Ok(await admin.PutAsJsonAsync("/api/skill-groups/night/members", new { agents = new[] { "agent7", "agent8" } }));
        var joined = (await TrailAsync(auditor, "userId=agent7")).First();
        Assert.Equal(("billing,general", "billing,general,night"), Field(joined, "skillGroups"));
        Assert.Equal(("billing:5,general:2", "billing:5,general:2,night:3"), Field(joined, "proficiency"));
        Assert.Equal("admin", joined.GetProperty("actor").GetString());
        Assert.Equal(("broadband,cable-tv", "broadband,cable-tv,night"), Field((await TrailAsync(auditor, "userId=agent8")).First(), "skillGroups"));

        // Leaving billing from billing's page takes billing's level with it: general keeps its 2.
        var billing = await admin.GetFromJsonAsync<JsonElement>("/api/skill-groups/billing");
        var stay = billing.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).Where(m => m != "agent7").ToArray();
        Ok(await admin.PutAsJsonAsync("/api/skill-groups/billing/members", new { agents = stay }));
        var left = (await TrailAsync(auditor, "userId=agent7")).First();
        Assert.Equal(("billing:5,general:2,night:3", "general:2,night:3"), Field(left, "proficiency"));
        var user = await admin.GetFromJsonAsync<JsonElement>("/api/users/agent7");
        Assert.Equal(2, user.GetProperty("proficiency").GetProperty("general").GetInt32());
        // Users who did not change have nothing new on their trail.
        Assert.Empty(await TrailAsync(auditor, "userId=agent3"));

        // The group's own fields are on skillgroup-night.
        Ok(await admin.PutAsJsonAsync("/api/skill-groups/night", new { name = "Night shift", nameZh = "夜班" }));
        var group = await TrailAsync(auditor, "skillGroupId=night");
        Assert.Equal(["SkillGroupUpdated", "SkillGroupCreated"], group.Select(c => c.GetProperty("type").GetString()));
        Assert.Equal(("Night", "Night shift"), Field(group[0], "name"));
        Assert.Equal((null, "Night"), Field(group[1], "name"));
    }

    [Fact]
    public async Task Queue_settings_and_team_moves_are_events_the_auditor_reads_and_others_may_not()
    {
        var admin = await app.SignInAsync("admin");
        var auditor = await app.SignInAsync("auditor");

        var broadband = JsonNode.Parse(await admin.GetStringAsync("/api/queues/broadband"))!.AsObject();
        broadband["strategy"] = "sequential";
        broadband["dutyAgents"] = new JsonArray("agent1", "agent2");
        Ok(await admin.PutAsJsonAsync("/api/queues/broadband", broadband));
        Ok(await admin.PutAsJsonAsync("/api/queues/broadband", broadband)); // the same again: no change, no event
        var queue = await TrailAsync(auditor, "queueId=broadband");
        Assert.Equal("QueueUpdated", Assert.Single(queue).GetProperty("type").GetString());
        Assert.Equal(("longest-idle", "sequential"), Field(queue[0], "strategy"));
        Assert.Equal(("agent1,agent5", "agent1,agent2"), Field(queue[0], "dutyAgents"));
        Assert.Equal(2, queue[0].GetProperty("change").GetProperty("changes").EnumerateObject().Count());

        // agent10 moves from team-1 to team-2 on the team's page: on team-2's trail and on agent10's own.
        var team2 = await admin.GetFromJsonAsync<JsonElement>("/api/teams/team-2");
        var members = team2.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).Append("agent10").ToArray();
        Ok(await admin.PutAsJsonAsync("/api/teams/team-2", new { name = team2.GetProperty("name").GetString(), supervisors = new[] { "supervisor2" }, members }));
        Assert.Equal(("team-1", "team-2"), Field((await TrailAsync(auditor, "userId=agent10")).First(), "team"));
        Assert.Contains("agent10", Field((await TrailAsync(auditor, "teamId=team-2")).First(), "members").After);

        // The whole trail holds all of them; an agent and a supervisor may not read it.
        var all = await TrailAsync(auditor, "");
        Assert.Equal(["queue-broadband", "team-team-2", "user-agent10"], all.Select(c => c.GetProperty("stream").GetString()!).Distinct().Order().ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("agent1")).GetAsync("/api/admin-changes?queueId=broadband")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("supervisor1")).GetAsync("/api/admin-changes")).StatusCode);
    }
}
