using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallCenter.Tests.Infrastructure;
using MiniExcelLibs;

namespace CallCenter.Tests.Reports;

/// <summary>
/// Issue 16 point 7: an Excel report asked for in the reader's language (Accept-Language, as the SPA sends it) has the screen's
/// column titles — checked against the SPA's own translation files read here from the repository — and durations and
/// percentages formatted as the screen shows them; without a language it keeps the property names (machine-readable).
/// </summary>
public class LocalizedExcelTests
{
    static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-2);

    [Fact]
    public async Task Every_report_s_excel_headers_equal_the_screen_titles_in_both_languages()
    {
        using var app = await AppHost.StartAsync();
        using var pbx = app.Anonymous();
        pbx.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
        object Ev(string type, int second, string? agentId = null) => new
        {
            eventId = Guid.NewGuid(), type, callId = "xl-1", occurredAt = T0.AddSeconds(second), ani = "13800009999", dnis = "96000", agentId, queue = "broadband",
            endedBy = type == "CallEnded" ? "customer" : null,
        };
        var posted = await pbx.PostAsJsonAsync("/api/cti/events", new[]
        {
            Ev("CallArrived", 0), Ev("CallQueued", 2), Ev("CallOffered", 5, "agent1"), Ev("CallAnswered", 9, "agent1"), Ev("CallEnded", 3_725, "agent1"),
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var analyst = await app.SignInAsync("analyst");
        var day = T0.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var range = $"from={day}&to={day}";
        var reports = await analyst.GetFromJsonAsync<JsonElement>("/api/reports");
        Assert.True(reports.GetArrayLength() > 5);
        foreach (var language in new[] { "zh-CN", "en" })
        {
            var texts = JsonDocument.Parse(File.ReadAllText(I18nFile(language))).RootElement.GetProperty("reports").GetProperty("columns");
            foreach (var report in reports.EnumerateArray())
            {
                var name = report.GetProperty("name").GetString()!;
                var expected = report.GetProperty("columns").EnumerateArray()
                    .Select(c => texts.TryGetProperty(c.GetProperty("key").GetString()!, out var t) ? t.GetString()! : $"(no {language} title for {c.GetProperty("key")})")
                    .ToList();
                var header = (await SheetAsync(analyst, $"/api/reports/{name}?{range}&format=xlsx", language))[0];
                Assert.Equal(expected, header);
            }
        }

        // formatted like the screen: the service level in %, the handling time as mm:ss or h:mm:ss
        var zh = JsonDocument.Parse(File.ReadAllText(I18nFile("zh-CN"))).RootElement.GetProperty("reports").GetProperty("columns");
        var rows = await Eventually.GetAsync(() => SheetAsync(analyst, $"/api/reports/service-level?{range}&groupBy=day&format=xlsx", "zh-CN"),
            r => r.Count == 2 && r[1][r[0].IndexOf(zh.GetProperty("answered").GetString()!)] == "1", what: "the call in the service-level report");
        var cell = (string key) => rows[1][rows[0].IndexOf(zh.GetProperty(key).GetString()!)];
        Assert.Matches(new Regex(@"^\d{1,3}\.\d%$"), cell("serviceLevel"));
        Assert.Equal("1:01:56", cell("ahtSeconds")); // 3,716 s of talk

        // no language: the property names, so the file reads back to the rows
        var plain = await SheetAsync(analyst, $"/api/reports/service-level?{range}&groupBy=day&format=xlsx", null);
        Assert.Equal("Key", plain[0][0]);
    }

    static async Task<List<List<string?>>> SheetAsync(HttpClient client, string path, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString()).Where((_, i) => true).ToList())];
    }

    static string I18nFile(string language)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "frontend", "src", "shared", "i18n", $"{language}.json");
            if (File.Exists(file)) return file;
        }
        throw new FileNotFoundException($"frontend/src/shared/i18n/{language}.json above {AppContext.BaseDirectory}");
    }
}
