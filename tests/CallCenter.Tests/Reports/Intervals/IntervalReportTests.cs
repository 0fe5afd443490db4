using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using MiniExcelLibs;

namespace CallCenter.Tests.Reports.Intervals;

/// <summary>The reports on the interval read model: formulas against the recount, .xlsx = JSON, validation and access.</summary>
[Collection(IntervalKpiCollection.Name)]
public class IntervalReportTests(IntervalKpiFixture fixture)
{
    const string Range = $"from={IntervalKpiFixture.From}&to={IntervalKpiFixture.To}";
    sealed record ServiceLevel(string Key, long Offered, long Answered, long Abandoned, long AnsweredInSl,
        double? ServiceLevelValue, double? AsaSeconds, double? AhtSeconds, double? AbandonRate, double? Occupancy);

    static double? Share(long n, long d) => d <= 0 ? null : Math.Round((double)n / d, 4);
    static double? Avg(long ms, long n) => n <= 0 ? null : Math.Round(ms / 1000.0 / n, 1);
    static string Day(string bucket) => DateTimeOffset.Parse(bucket + "Z").ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

    static ServiceLevel Expected(string key, long[] m, long ready, long talking, long wrapUp, bool states) => new(key, m[1], m[2], m[5], m[3],
        Share(m[3], m[2] + m[7]), Avg(m[4], m[2]), Avg(m[10] + m[11] + m[12], m[9]), Share(m[5] - m[6], m[1] - m[6]),
        states ? Share(talking + wrapUp, ready + talking + wrapUp) : null);

    static ServiceLevel Read(JsonElement r) => new(r.GetProperty("key").GetString()!, r.GetProperty("offered").GetInt64(), r.GetProperty("answered").GetInt64(),
        r.GetProperty("abandoned").GetInt64(), r.GetProperty("answeredInSl").GetInt64(), N(r, "serviceLevel"), N(r, "asaSeconds"), N(r, "ahtSeconds"),
        N(r, "abandonRate"), N(r, "occupancy"));

    static double? N(JsonElement r, string p) => r.GetProperty(p).ValueKind == JsonValueKind.Null ? null : r.GetProperty(p).GetDouble();

    [Fact]
    public async Task Service_level_by_day_skill_group_and_area_follows_the_documented_formulas()
    {
        var recount = await IntervalRecount.FromStoreAsync(fixture.App);
        var analyst = await fixture.App.SignInAsync("analyst");
        var inRange = recount.Calls.Where(c => string.CompareOrdinal(Day(c.Key.Split('|')[0]), IntervalKpiFixture.From) >= 0).ToList();
        long[] Sum(IEnumerable<long[]> rows) => [.. Enumerable.Range(0, 13).Select(i => rows.Sum(m => m[i]))];
        long State(Func<string[], bool> where, string state) =>
            recount.States.Where(s => s.Key.Split('|') is var k && k[3] == state && where(k) && string.CompareOrdinal(Day(k[0]), IntervalKpiFixture.From) >= 0).Sum(s => s.Value);

        foreach (var (groupBy, part) in new[] { ("day", 0), ("skillGroup", 1), ("area", 3) })
        {
            string KeyOf(string k) => part == 0 ? Day(k.Split('|')[0]) : k.Split('|')[part] is { Length: > 0 } v ? v : "unknown";
            var keys = inRange.Select(c => KeyOf(c.Key)).Distinct().Order(StringComparer.Ordinal);
            var expected = keys.Select(key =>
            {
                Func<string[], bool> mine = part == 0 ? k => Day(k[0]) == key && k[2] == "" : part == 1 ? k => k[2] == key : _ => false;
                return Expected(key, Sum(inRange.Where(c => KeyOf(c.Key) == key).Select(c => c.Value)),
                    State(mine, "ready"), State(mine, "talking"), State(mine, "wrapUp"), part != 3);
            }).ToList();
            var json = await analyst.GetFromJsonAsync<List<JsonElement>>($"/api/reports/service-level?{Range}&groupBy={groupBy}");
            var actual = json!.Select(Read).ToList();
            Assert.Equal(expected, actual);
            Assert.Contains(actual, a => a.ServiceLevelValue is > 0 and < 1);
        }
    }

    /// <summary>PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks.</summary>
    static double? Percentile(IEnumerable<long> values, double p)
    {
        var v = values.Order().ToList();
        if (v.Count == 0) return null;
        var pos = p * (v.Count - 1);
        var (lo, hi) = ((int)Math.Floor(pos), (int)Math.Ceiling(pos));
        return Math.Round((v[lo] + (v[hi] - v[lo]) * (pos - lo)) / 1000.0, 1);
    }

    [Fact]
    public async Task Maxima_percentiles_and_asa_over_all_answered_calls_equal_a_recount_per_call()
    {
        var recount = await IntervalRecount.FromStoreAsync(fixture.App);
        var analyst = await fixture.App.SignInAsync("analyst");
        var waits = recount.Waits.Where(w => string.CompareOrdinal(Day(w.Key.Split('|')[0]), IntervalKpiFixture.From) >= 0).ToList();
        static string Group(IntervalRecount.CallWait w) => w.Key.Split('|')[1] is { Length: > 0 } g ? g : "unknown";
        var queueTime = (await analyst.GetFromJsonAsync<List<JsonElement>>($"/api/reports/queue-time?{Range}&groupBy=skillGroup"))!;
        Assert.NotEmpty(queueTime);
        foreach (var row in queueTime)
        {
            var mine = waits.Where(w => Group(w) == row.GetProperty("key").GetString()).ToList();
            var both = mine.Select(w => w.AnswerWait ?? w.AbandonWait).OfType<long>().ToList();
            Assert.Equal(Math.Round(mine.Select(w => w.AnswerWait ?? 0).DefaultIfEmpty().Max() / 1000.0, 1), row.GetProperty("maxAnswerWaitSeconds").GetDouble());
            Assert.Equal(Math.Round(mine.Select(w => w.AbandonWait ?? 0).DefaultIfEmpty().Max() / 1000.0, 1), row.GetProperty("maxAbandonWaitSeconds").GetDouble());
            Assert.True(row.GetProperty("maxAnswerWaitSeconds").GetDouble() > 0, "a maximum wait is known without waiting for anything");
            Assert.Equal(Percentile(both, 0.5), N(row, "medianWaitSeconds"));
            Assert.Equal(Percentile(both, 0.9), N(row, "p90WaitSeconds"));
        }
        var serviceLevel = (await analyst.GetFromJsonAsync<List<JsonElement>>($"/api/reports/service-level?{Range}&groupBy=skillGroup"))!;
        foreach (var row in serviceLevel)
        {
            var mine = waits.Where(w => Group(w) == row.GetProperty("key").GetString()).ToList();
            var answered = mine.Where(w => w.AnswerWait is not null).ToList(); // the history answers queued calls only
            Assert.Equal(answered.Count == 0 ? null : Math.Round(answered.Sum(w => w.AnswerWait!.Value) / 1000.0 / answered.Count, 1), N(row, "asaAllSeconds"));
            Assert.Equal(Percentile(answered.Select(w => w.Talk!.Value), 0.5), N(row, "medianTalkSeconds"));
            Assert.Equal(Percentile(answered.Select(w => w.Talk!.Value), 0.9), N(row, "p90TalkSeconds"));
        }
        // The formulas a request may choose, from the same sums.
        var sums = recount.Calls.Where(c => string.CompareOrdinal(Day(c.Key.Split('|')[0]), IntervalKpiFixture.From) >= 0).Select(c => c.Value).ToList();
        long S(int i) => sums.Sum(m => m[i]);
        foreach (var (formula, denominator) in new[] { ("answered", S(2)), ("answeredAndAbandoned", S(2) + S(5)), ("abandonedAfterShort", S(2) + S(5) - S(6)), ("abandonedAfterT", S(2) + S(7)) })
        {
            var all = (await analyst.GetFromJsonAsync<List<JsonElement>>($"/api/reports/service-level?{Range}&groupBy=year&slFormula={formula}"))!;
            Assert.Equal(Share(S(3), denominator), N(Assert.Single(all), "serviceLevel"));
        }
    }

    [Theory]
    [InlineData("service-level", "skillGroup")]
    [InlineData("call-volume", "hour")]
    [InlineData("queue-time", "skillGroup")]
    [InlineData("agent-efficiency", "agent")]
    [InlineData("skill-group-efficiency", "skillGroup")]
    [InlineData("answer-ranking", "agent")]
    [InlineData("agent-states", "day")]
    public async Task Each_report_as_xlsx_reads_back_to_its_json_rows(string report, string groupBy)
    {
        var analyst = await fixture.App.SignInAsync("analyst");
        var url = $"/api/reports/{report}?{Range}&groupBy={groupBy}";
        var json = (await analyst.GetFromJsonAsync<List<Dictionary<string, JsonElement>>>(url))!;
        Assert.NotEmpty(json);
        var response = await analyst.GetAsync(url + "&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        static string Cell(object? v) => v switch { null => "", string s => s, IConvertible c => Convert.ToDouble(c).ToString("R"), _ => v.ToString()! };
        static string Json(JsonElement v) => v.ValueKind switch { JsonValueKind.Null => "", JsonValueKind.Number => v.GetDouble().ToString("R"), _ => v.ToString() };
        Assert.Equal(json.Select(r => string.Join(";", r.Select(c => Json(c.Value)))),
            sheet.Select(r => string.Join(";", r.Values.Select(Cell))));
        var catalogue = (await analyst.GetFromJsonAsync<List<JsonElement>>("/api/reports"))!;
        var definition = Assert.Single(catalogue, d => d.GetProperty("name").GetString() == report);
        Assert.Equal(definition.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()), json[0].Keys);
    }

    [Fact]
    public async Task Answer_ranking_orders_agents_by_calls_answered_and_agent_states_split_not_ready_by_reason()
    {
        var analyst = await fixture.App.SignInAsync("analyst");
        var ranking = (await analyst.GetFromJsonAsync<List<JsonElement>>($"/api/reports/answer-ranking?{Range}"))!;
        var answered = ranking.Select(r => r.GetProperty("answered").GetInt64()).ToList();
        Assert.Equal(answered.OrderDescending(), answered);
        Assert.Equal(1, ranking[0].GetProperty("rank").GetInt32());
        var recount = await IntervalRecount.FromStoreAsync(fixture.App);
        var top = ranking[0].GetProperty("key").GetString()!;
        Assert.Equal(recount.Calls.Where(c => c.Key.Split('|')[2] == top && string.CompareOrdinal(Day(c.Key.Split('|')[0]), IntervalKpiFixture.From) >= 0).Sum(c => c.Value[9]), answered[0]);
        var states = (await analyst.GetFromJsonAsync<List<JsonElement>>($"/api/reports/agent-states?{Range}&agent=agent2"))!;
        Assert.Contains(states, s => s.GetProperty("state").GetString() == "notReady" && s.GetProperty("reason").GetString() == "lunch");
        Assert.All(states, s => Assert.Equal("agent2", s.GetProperty("agent").GetString()));
    }

    [Fact]
    public async Task Bad_grouping_or_range_is_400_naming_the_field_and_agents_may_not_read_reports()
    {
        var analyst = await fixture.App.SignInAsync("analyst");
        foreach (var (query, field) in new[] { ($"{Range}&groupBy=fortnight", "groupBy"), ($"{Range}&slFormula=x", "slFormula"), ("to=2026-11-01&groupBy=day", "from"),
                     ("from=2026-11-01&to=yesterday", "to"), ("from=2026-11-05&to=2026-11-01", "to") })
        {
            var bad = await analyst.GetAsync($"/api/reports/service-level?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), query);
        }
        var agent = await fixture.App.SignInAsync("agent4");
        foreach (var report in new[] { "service-level", "call-volume", "queue-time", "agent-efficiency", "skill-group-efficiency", "answer-ranking", "agent-states" })
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/reports/{report}?{Range}")).StatusCode);
    }

    [Fact]
    public async Task My_workload_is_my_own_efficiency_by_day()
    {
        var agent = await fixture.App.SignInAsync("agent4");
        var mine = (await agent.GetFromJsonAsync<List<JsonElement>>($"/api/me/workload?{Range}"))!;
        var analyst = await fixture.App.SignInAsync("analyst");
        var byDay = (await analyst.GetFromJsonAsync<List<JsonElement>>($"/api/reports/agent-efficiency?{Range}&groupBy=day&agent=agent4"))!;
        Assert.Equal(30, mine.Count);
        Assert.Equal(byDay.Select(r => r.ToString()), mine.Select(r => r.ToString()));
        Assert.True(mine.Sum(r => r.GetProperty("answered").GetInt64()) > 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.GetAsync("/api/me/workload?from=2026-11-01")).StatusCode);
    }
}
