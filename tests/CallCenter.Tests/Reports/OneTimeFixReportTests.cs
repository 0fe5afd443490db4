using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Reports.OneTimeFix;
using CallCenter.Tests.Calls.ScreenPops;
using MiniExcelLibs;

namespace CallCenter.Tests.Reports;

/// <summary>R-RPT-1 on 30 days of history plus hand-written calls: the report equals a recomputation from the raw events.</summary>
[Collection(CallReportsCollection.Name)]
public class OneTimeFixReportTests(CallReportsFixture fixture)
{
    static readonly DateTimeOffset RangeFrom = new(2026, 10, 22, 0, 0, 0, TimeSpan.FromHours(8)), RangeTo = new(2026, 11, 22, 0, 0, 0, TimeSpan.FromHours(8));
    const string Query = $"/api/reports/one-time-fix-rate?from={CallReportsFixture.From}&to={CallReportsFixture.To}";

    async Task<List<OneTimeFixRow>> ReportAsync(string groupBy)
    {
        var analyst = await fixture.App.SignInAsync("analyst");
        return (await analyst.GetFromJsonAsync<List<OneTimeFixRow>>($"{Query}&groupBy={groupBy}"))!;
    }

    [Fact]
    public async Task Every_grouping_equals_the_recomputation_from_the_raw_events()
    {
        var expected = OneTimeFixRecount.Outcomes(await RawCalls.ReadAsync(fixture.App));
        Assert.True(expected.Count(o => o.Outcome == "fixed") > 50 && expected.Count(o => o.Outcome == "repeated") > 5,
            $"the history has both outcomes: {expected.Count(o => o.Outcome == "fixed")} fixed, {expected.Count(o => o.Outcome == "repeated")} repeated");
        foreach (var groupBy in new[] { "day", "agent", "skillGroup", "area" })
            Assert.Equal(OneTimeFixRecount.Rows(expected, groupBy, RangeFrom, RangeTo), await ReportAsync(groupBy));
        Assert.Equal(31, (await ReportAsync("day")).Count); // 30 history days and the hand-written day
    }

    [Fact]
    public async Task Repeats_at_1h59_and_2h01_pending_windows_and_other_purposes_are_told_apart()
    {
        var rows = await new ScreenPopKit(fixture.App).ColumnAsync(
            "select call_id || ' ' || outcome || ' ' || coalesce(repeat_call_id, '-') || ' ' || agent_id || ' ' || skill_group from one_time_fix_outcomes where call_id like 'otf-%' order by call_id");
        Assert.Equal([
            "otf-a repeated otf-a-again agent3 broadband", "otf-b fixed - agent3 broadband", "otf-p pending - agent3 broadband",
            "otf-q repeated otf-q-again agent3 broadband"], rows);
        var day = (await ReportAsync("day")).Single(r => r.Key == "2026-11-21");
        Assert.Equal(new OneTimeFixRow("2026-11-21", 4, 1, 2, 1, 0.3333), day);
    }

    [Fact]
    public async Task The_xlsx_reads_back_to_the_json_rows()
    {
        var analyst = await fixture.App.SignInAsync("analyst");
        foreach (var groupBy in new[] { "day", "area" })
        {
            var response = await analyst.GetAsync($"{Query}&groupBy={groupBy}&format=xlsx");
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            var read = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => new OneTimeFixRow(
                (string)r["Key"]!, Convert.ToInt32(r["Tagged"]), Convert.ToInt32(r["Fixed"]), Convert.ToInt32(r["Repeated"]), Convert.ToInt32(r["Pending"]),
                r["Rate"] is null ? null : Convert.ToDouble(r["Rate"]))).ToList();
            Assert.Equal(await ReportAsync(groupBy), read);
        }
    }

    [Fact]
    public async Task A_bad_grouping_is_400_naming_the_field_and_agents_may_not_read_reports()
    {
        var analyst = await fixture.App.SignInAsync("analyst");
        var bad = await analyst.GetAsync($"{Query}&groupBy=hour");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("groupBy", out _));
        var noRange = await analyst.GetAsync("/api/reports/one-time-fix-rate?groupBy=day");
        Assert.True((await noRange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
        var agent = await fixture.App.SignInAsync("agent4");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"{Query}&groupBy=day")).StatusCode);
        var supervisor = await fixture.App.SignInAsync("supervisor1");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"{Query}&groupBy=agent")).StatusCode);
        var catalogue = await analyst.GetFromJsonAsync<List<JsonElement>>("/api/reports");
        Assert.Contains(catalogue!, r => r.GetProperty("name").GetString() == "one-time-fix-rate" && r.GetProperty("chart").GetString() == "bar");
    }
}
