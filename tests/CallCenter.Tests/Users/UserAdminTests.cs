using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Users;

/// <summary>R-ADM-1: users are created, edited, disabled (never deleted); the PBX's events naming them are accepted;
/// every change is on the auditor's trail. Real PostgreSQL.</summary>
public class UserAdminTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task A_created_agent_signs_in_her_cti_events_are_accepted_and_disabling_ends_her_session_within_a_second()
    {
        var admin = await app.SignInAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/users", UsersApi.Naama());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, user.GetProperty("proficiency").GetProperty("billing").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/users", UsersApi.Naama())).StatusCode);

        // The PBX reports a call offered to and answered by naama: accepted (it used to be "Unknown agent").
        var cti = app.Anonymous();
        cti.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
        var at = DateTimeOffset.UtcNow;
        var events = new object[]
        {
            new { eventId = Guid.NewGuid(), type = "CallArrived", callId = "naama-1", occurredAt = at, ani = "13800000001", dnis = "96000" },
            new { eventId = Guid.NewGuid(), type = "CallOffered", callId = "naama-1", occurredAt = at.AddSeconds(1), agentId = "naama" },
            new { eventId = Guid.NewGuid(), type = "CallAnswered", callId = "naama-1", occurredAt = at.AddSeconds(2), agentId = "naama" },
        };
        var ingest = await cti.PostAsJsonAsync("/api/cti/events", events);
        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);

        var naama = await UsersApi.CookieOfAsync(app, "naama", "Billing-desk-42");
        Assert.Equal(HttpStatusCode.OK, (await naama.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await naama.PostAsync("/api/agents/naama/sign-in", JsonContent.Create(new { skillGroups = new[] { "billing" } }))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/users/naama/disable", null)).StatusCode);
        var disabledAt = DateTime.UtcNow;
        await Eventually.GetAsync(async () => (await naama.GetAsync("/api/me")).StatusCode, s => s == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(1), "naama's open session refused after disabling");
        var refusedAfter = DateTime.UtcNow - disabledAt;
        Assert.True(refusedAfter < TimeSpan.FromSeconds(1), $"session ended after {refusedAfter.TotalMilliseconds} ms");
        var again = await UsersApi.LoginAsync(app.Anonymous(), "naama", "Billing-desk-42");
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("disabled", await again.Content.ReadAsStringAsync());

        // Never deleted: still listed (disabled), and her facts still replay for the auditor.
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.True(list.EnumerateArray().Single(u => u.GetProperty("id").GetString() == "naama").GetProperty("disabled").GetBoolean());
        var auditor = await app.SignInAsync("auditor");
        var trail = await auditor.GetFromJsonAsync<JsonElement>("/api/admin-changes?userId=naama");
        var types = trail.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["UserDisabled", "UserCreated"], types);
        Assert.All(trail.EnumerateArray(), e => Assert.Equal("admin", e.GetProperty("actor").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("agent1")).GetAsync("/api/admin-changes")).StatusCode);
        var day = DateOnly.FromDateTime(at.UtcDateTime.AddHours(8)).ToString("yyyy-MM-dd");
        var replay = await Eventually.GetAsync(() => auditor.GetAsync($"/api/audit/agents/naama/days/{day}"), r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15), "naama's day replays");
        Assert.Contains("naama-1", await replay.Content.ReadAsStringAsync());

        // Enabled again, she signs in.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/users/naama/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UsersApi.LoginAsync(app.Anonymous(), "naama", "Billing-desk-42")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field_and_changes_nothing()
    {
        var admin = await app.SignInAsync("admin");
        async Task<string[]> Fields(object body)
        {
            var r = await admin.PostAsJsonAsync("/api/users", body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        }
        Assert.Contains("password", await Fields(new { id = "x1", name = "X", password = "short", roles = new[] { "agent" } }));
        Assert.Contains("roles", await Fields(new { id = "x1", name = "X", password = "Good-pass-9", roles = new[] { "king" } }));
        Assert.Contains("skillGroups", await Fields(new { id = "x1", name = "X", password = "Good-pass-9", roles = new[] { "agent" }, skillGroups = new[] { "nope" } }));
        Assert.Contains("extension", await Fields(new { id = "x1", name = "X", password = "Good-pass-9", roles = new[] { "agent" }, extension = "8001" }));
        Assert.Contains("team", await Fields(new { id = "x1", name = "X", password = "Good-pass-9", roles = new[] { "agent" }, team = "team-9" }));
        Assert.Contains("proficiency", await Fields(new { id = "x1", name = "X", password = "Good-pass-9", roles = new[] { "agent" }, skillGroups = new[] { "billing" }, proficiency = new { billing = 7 } }));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/users/x1")).StatusCode);
    }

    [Fact]
    public async Task A_team_admin_manages_only_their_teams_agents()
    {
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users",
            new { id = "lead1", name = "Lead", password = "Lead-pass-1", roles = new[] { "teamadmin" } })).StatusCode);
        var put = await admin.PutAsJsonAsync("/api/teams/team-1", new { name = "Team A", supervisors = new[] { "supervisor1" }, admins = new[] { "lead1" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var lead = await UsersApi.SignInAsync(app, "lead1", "Lead-pass-1");
        var visible = (await lead.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToList();
        Assert.Contains("agent1", visible);
        Assert.DoesNotContain("agent11", visible);
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync("/api/users", UsersApi.Naama("team-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/users",
            new { id = "n2", name = "N2", password = "Billing-desk-43", roles = new[] { "agent" }, team = "team-2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsync("/api/users/agent11/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/users",
            new { id = "boss", name = "Boss", password = "Chief-pass-12", roles = new[] { "admin" }, team = "team-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync("/api/users/agent2/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/teams", new { id = "t9", name = "T9" })).StatusCode);
    }

    [Fact]
    public async Task Excel_export_then_import_dry_run_says_what_would_change_and_changes_nothing()
    {
        var admin = await app.SignInAsync("admin");
        var xlsx = await admin.GetByteArrayAsync("/api/users/export");
        var rows = MiniExcelLibs.MiniExcel.Query<CallCenter.Users.Excel.UserSheetRow>(new MemoryStream(xlsx)).ToList();
        Assert.Contains(rows, r => r.Id == "agent1" && r.Team == "team-1");
        rows.Single(r => r.Id == "agent1").Name = "Renamed";
        rows.Add(new CallCenter.Users.Excel.UserSheetRow { Id = "imported1", Name = "Imported", Roles = "agent", SkillGroups = "billing", Password = "Import-pass-1", Team = "team-2" });
        using var changed = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(changed, rows);

        HttpContent Body() => new ByteArrayContent(changed.ToArray());
        var dry = await (await admin.PostAsync("/api/users/import?dryRun=true", Body())).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(dry.GetProperty("applied").GetBoolean());
        var changes = dry.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("id").GetString(), c.GetProperty("action").GetString())).ToList();
        Assert.Equal([("agent1", "update"), ("imported1", "create")], changes);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/users/imported1")).StatusCode);
        Assert.Equal("张伟", (await admin.GetFromJsonAsync<JsonElement>("/api/users/agent1")).GetProperty("name").GetString());

        var real = await (await admin.PostAsync("/api/users/import?dryRun=false", Body())).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(real.GetProperty("applied").GetBoolean());
        Assert.Equal("Renamed", (await admin.GetFromJsonAsync<JsonElement>("/api/users/agent1")).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await UsersApi.LoginAsync(app.Anonymous(), "imported1", "Import-pass-1")).StatusCode);
    }
}
