using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallCenter.Tests.Reports.Intervals;

/// <summary>
/// R-ROLE-2 on the agent-level reports: supervisor1 (team-1: agent1–10) and supervisor2 (team-2: agent11–20) each read the rows of
/// their own team's agents only, with the same figures analysts see; naming the other team's agent is 403; analysts and admins see all.
/// </summary>
[Collection(IntervalKpiCollection.Name)]
public class TeamScopedReportsTests(IntervalKpiFixture fixture)
{
    const string Range = $"from={IntervalKpiFixture.From}&to={IntervalKpiFixture.To}";
    static readonly HashSet<string> Team1 = [.. Enumerable.Range(1, 10).Select(i => $"agent{i}")];
    static readonly HashSet<string> Team2 = [.. Enumerable.Range(11, 10).Select(i => $"agent{i}")];

    static async Task<List<JsonElement>> RowsAsync(HttpClient c, string path) => (await c.GetFromJsonAsync<List<JsonElement>>(path))!;
    static string[] Agents(IEnumerable<JsonElement> rows, string field) => [.. rows.Select(r => r.GetProperty(field).GetString()!).Distinct().Order()];

    [Theory]
    [InlineData("agent-efficiency?groupBy=agent", "key")]
    [InlineData("service-level?groupBy=agent", "key")]
    [InlineData("agent-states?groupBy=day", "agent")]
    public async Task Each_supervisor_reads_their_own_teams_agents_with_the_figures_analysts_see(string report, string field)
    {
        var path = $"/api/reports/{report}&{Range}";
        var all = await RowsAsync(await fixture.App.SignInAsync("analyst"), path);
        var everyone = Agents(all, field);
        Assert.Contains(everyone, Team1.Contains);
        Assert.Contains(everyone, Team2.Contains);
        Assert.Equal(all.Select(r => r.GetRawText()), (await RowsAsync(await fixture.App.SignInAsync("admin"), path)).Select(r => r.GetRawText()));

        foreach (var (supervisor, team) in new[] { ("supervisor1", Team1), ("supervisor2", Team2) })
        {
            var mine = await RowsAsync(await fixture.App.SignInAsync(supervisor), path);
            Assert.NotEmpty(mine);
            Assert.All(Agents(mine, field), a => Assert.Contains(a, team));
            // exactly the analyst's rows of the team's agents, figures unchanged
            Assert.Equal(all.Where(r => team.Contains(r.GetProperty(field).GetString()!)).Select(r => r.GetRawText()), mine.Select(r => r.GetRawText()));
        }
    }

    [Fact]
    public async Task The_answer_ranking_ranks_a_supervisors_agents_among_themselves()
    {
        var path = $"/api/reports/answer-ranking?groupBy=agent&{Range}";
        var all = await RowsAsync(await fixture.App.SignInAsync("analyst"), path);
        Assert.Contains(Agents(all, "key"), Team2.Contains);
        var mine = await RowsAsync(await fixture.App.SignInAsync("supervisor1"), path);
        Assert.All(Agents(mine, "key"), a => Assert.Contains(a, Team1));
        Assert.Equal(1, mine[0].GetProperty("rank").GetInt32());
        Assert.Equal(all.Where(r => Team1.Contains(r.GetProperty("key").GetString()!)).Select(r => r.GetProperty("key").GetString()),
            mine.Select(r => r.GetProperty("key").GetString()));
        // as xlsx too: the same rows
        var xlsx = await (await fixture.App.SignInAsync("supervisor1")).GetAsync(path + "&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(mine.Count, sheet.Count);
    }

    [Theory]
    [InlineData("/api/reports/agent-states?groupBy=day&agent={0}&" + Range)]
    [InlineData("/api/reports/agent-efficiency?groupBy=day&agent={0}&" + Range)]
    [InlineData("/api/reports/skill-group-efficiency?groupBy=skillGroup&agent={0}&" + Range)]
    [InlineData("/api/reports/service-level?groupBy=day&agent={0}&" + Range)]
    [InlineData("/api/audit/agents/{0}/days/" + IntervalKpiFixture.To)]
    public async Task Naming_another_teams_agent_is_403_for_a_supervisor_and_fine_for_their_own_and_for_analysts(string template)
    {
        var supervisor1 = await fixture.App.SignInAsync("supervisor1");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor1.GetAsync(string.Format(template, "agent11"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor1.GetAsync(string.Format(template, "agent1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await fixture.App.SignInAsync("supervisor2")).GetAsync(string.Format(template, "agent11"))).StatusCode);
        var reader = template.StartsWith("/api/audit") ? "auditor" : "analyst";
        Assert.Equal(HttpStatusCode.OK, (await (await fixture.App.SignInAsync(reader)).GetAsync(string.Format(template, "agent11"))).StatusCode);
    }
}
