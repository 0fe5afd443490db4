using System.Net.Http.Json;
using CallCenter.Customers;
using CallCenter.Reports.Identification;
using CallCenter.Reports.Satisfaction;
using CallCenter.Tests.Calls.ScreenPops;
using MiniExcelLibs;

namespace CallCenter.Tests.Reports;

/// <summary>R-RPT-2 and satisfaction (R-RPT-4) on the shared history: each equals a recomputation from the raw events and the directory.</summary>
[Collection(CallReportsCollection.Name)]
public class IdentificationAndSatisfactionTests(CallReportsFixture fixture)
{
    static readonly DateTimeOffset RangeFrom = new(2026, 10, 22, 0, 0, 0, TimeSpan.FromHours(8)), RangeTo = new(2026, 11, 22, 0, 0, 0, TimeSpan.FromHours(8));
    const string Range = $"from={CallReportsFixture.From}&to={CallReportsFixture.To}";
    static readonly string[] Groupings = ["day", "agent", "skillGroup"];

    static string Key(string groupBy, DateTimeOffset at, string? agent, string? queue) =>
        groupBy switch { "day" => RawCalls.Day(at), "agent" => agent ?? "unknown", _ => queue ?? "unknown" };

    [Fact]
    public async Task Identification_equals_the_pop_matches_recounted_from_the_directory()
    {
        var raw = await RawCalls.ReadAsync(fixture.App);
        var owners = (await new ScreenPopKit(fixture.App).ColumnAsync("select p || ' ' || count(*) from (select unnest(phones) p from customers) x group by p"))
            .Select(r => r.Split(' ')).ToDictionary(r => r[0], r => int.Parse(r[1]));
        string Match(RawCall c) => (PhoneNumbers.Normalize(c.Number) is { } n && owners.TryGetValue(n, out var k) ? k : 0) switch { 0 => "none", 1 => "single", _ => "multiple" };
        var offered = raw.Calls.Values.Where(c => c.ArrivedAt >= RangeFrom && c.ArrivedAt < RangeTo && c.OfferedTo is not null).ToList();
        Assert.Contains(offered, c => Match(c) == "single");
        Assert.Contains(offered, c => Match(c) == "none");
        Assert.Contains(offered, c => c.Id == "otf-c" && c.CustomerId is not null);
        var analyst = await fixture.App.SignInAsync("analyst");
        foreach (var groupBy in Groupings)
        {
            var expected = offered.GroupBy(c => Key(groupBy, c.ArrivedAt!.Value, c.AnsweredBy ?? c.OfferedTo, c.Queue)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new IdentificationRow(g.Key, g.Count(), g.Count(c => Match(c) == "single"), g.Count(c => Match(c) == "multiple"), g.Count(c => Match(c) == "none"),
                    g.Count(c => c.CustomerId is not null), RawCalls.Share(g.Count(c => Match(c) == "single"), g.Count()))).ToList();
            Assert.Equal(expected, await analyst.GetFromJsonAsync<List<IdentificationRow>>($"/api/reports/customer-identification?{Range}&groupBy={groupBy}"));
        }
    }

    [Fact]
    public async Task Satisfaction_equals_the_survey_scores_recounted_and_its_xlsx_reads_back()
    {
        var raw = await RawCalls.ReadAsync(fixture.App);
        var surveyed = raw.Calls.Values.Where(c => c.Score is not null && c.SurveyAt >= RangeFrom && c.SurveyAt < RangeTo).ToList();
        Assert.True(surveyed.Select(c => c.Score).Distinct().Count() >= 3, "the history has a spread of scores");
        var analyst = await fixture.App.SignInAsync("analyst");
        foreach (var groupBy in Groupings)
        {
            var expected = surveyed.GroupBy(c => Key(groupBy, c.SurveyAt!.Value, c.SurveyAgent ?? c.AnsweredBy, c.Queue)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new SatisfactionRow(g.Key, g.Count(),
                    (double)Math.Round((decimal)g.Sum(c => c.Score!.Value) / g.Count(), 2, MidpointRounding.AwayFromZero),
                    g.Count(c => c.Score == 1), g.Count(c => c.Score == 2), g.Count(c => c.Score == 3), g.Count(c => c.Score == 4), g.Count(c => c.Score == 5))).ToList();
            var json = await analyst.GetFromJsonAsync<List<SatisfactionRow>>($"/api/reports/satisfaction?{Range}&groupBy={groupBy}");
            Assert.Equal(expected, json);

            using var xlsx = new MemoryStream(await analyst.GetByteArrayAsync($"/api/reports/satisfaction?{Range}&groupBy={groupBy}&format=xlsx"));
            var read = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => new SatisfactionRow((string)r["Key"]!,
                Convert.ToInt32(r["Surveys"]), r["Average"] is null ? null : Convert.ToDouble(r["Average"]), Convert.ToInt32(r["Score1"]), Convert.ToInt32(r["Score2"]),
                Convert.ToInt32(r["Score3"]), Convert.ToInt32(r["Score4"]), Convert.ToInt32(r["Score5"]))).ToList();
            Assert.Equal(json, read);
        }
    }
}
