using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace CallCenter.Tests.Customers;

/// <summary>Measures (does not judge) GET /api/customers latency in the test host over 5,000 seeded customers.</summary>
public abstract class CustomerSearchLatencyTests<TFixture>(TFixture directory, ITestOutputHelper output) where TFixture : CustomerDirectoryFixture
{
    [Fact]
    public async Task Search_latency_is_measured()
    {
        var name = (await directory.ColumnAsync("select name from customers where char_length(name) = 3 order by id limit 1"))[0];
        var phone = (await directory.ColumnAsync("select phones[1] from customers order by id desc limit 1"))[0];
        var card = (await directory.ColumnAsync("select smart_card from customers where smart_card is not null order by id limit 1"))[0];
        var queries = new (string Kind, string Q)[]
        {
            ("given name (2 chars)", name[1..]), ("full name", name), ("misspelt name", name[..2] + "犇"),
            ("address, unspaced", "东湖花园3栋"), ("compound", "金桥新村"), ("phone", phone),
            ("smart card", card), ("4-digit fragment", "5678"),
        };
        foreach (var (_, q) in queries) await Get(q); // warm up

        var all = new List<double>();
        foreach (var (kind, q) in queries)
        {
            var times = new List<double>();
            for (var i = 0; i < 25; i++) times.Add(await Get(q));
            all.AddRange(times);
            output.WriteLine($"{kind,-22} p50 {Percentile(times, 0.5),6:F2} ms  p95 {Percentile(times, 0.95),6:F2} ms");
        }
        output.WriteLine($"{"all",-22} p50 {Percentile(all, 0.5),6:F2} ms  p95 {Percentile(all, 0.95),6:F2} ms  (trigrams see Chinese: {directory.TrigramsSeeChinese})");
    }

    [Fact]
    public async Task Find_by_phone_latency_is_measured()
    {
        var phones = await directory.ColumnAsync("select phones[1] from customers order by id limit 200");
        await directory.WithDirectoryAsync(d => d.FindByPhoneAsync(phones[0])); // warm up
        var times = new List<double>();
        foreach (var phone in phones)
        {
            var watch = Stopwatch.StartNew();
            var found = await directory.WithDirectoryAsync(d => d.FindByPhoneAsync(phone));
            times.Add(watch.Elapsed.TotalMilliseconds);
            Assert.NotEmpty(found);
        }
        output.WriteLine($"FindByPhoneAsync (screen pop look-up)  p50 {Percentile(times, 0.5):F2} ms  p95 {Percentile(times, 0.95):F2} ms");
    }

    async Task<double> Get(string q)
    {
        var watch = Stopwatch.StartNew();
        var response = await directory.Agent.GetAsync($"/api/customers?q={Uri.EscapeDataString(q)}");
        await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }
}

public sealed class CustomerSearchLatencyTests(DefaultLocaleDirectory directory, ITestOutputHelper output)
    : CustomerSearchLatencyTests<DefaultLocaleDirectory>(directory, output), IClassFixture<DefaultLocaleDirectory>;

public sealed class CustomerSearchLatencyUnderCLocaleTests(CLocaleDirectory directory, ITestOutputHelper output)
    : CustomerSearchLatencyTests<CLocaleDirectory>(directory, output), IClassFixture<CLocaleDirectory>;
