using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace CallCenter.Tests.Calls.ScreenPops;

/// <summary>
/// Measures (judges only that every pop arrives) the time from posting CallOffered to receiving "screenPop" over SignalR,
/// with a few thousand calls of history and 20 connected agents. The test host's SignalR runs over long polling in memory.
/// </summary>
public class ScreenPopLatencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task Offer_to_pop_latency_is_measured()
    {
        var kit = new ScreenPopKit(app);
        var phones = await kit.PhonesAsync(shared: false, 200);
        var t0 = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(8));
        for (var batch = 0; batch < 4; batch++) // 2,000 calls of history
            await kit.PostAsync(Enumerable.Range(batch * 500, 500).SelectMany(i => new[]
            {
                ScreenPopKit.Ev("CallArrived", $"lat-h{i}", t0.AddMinutes(i), ani: phones[i % phones.Count]),
                ScreenPopKit.Ev("CallAnswered", $"lat-h{i}", t0.AddMinutes(i).AddSeconds(5), $"agent{i % 20 + 1}"),
            }).ToArray());

        var arrived = new ConcurrentDictionary<string, long>();
        var hubs = new List<HubConnection>();
        for (var a = 1; a <= 20; a++)
        {
            var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { username = $"agent{a}", password = AppHost.Password });
            var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            var hub = new HubConnectionBuilder().WithUrl(new Uri(app.Server.BaseAddress, "/hubs/desktop"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Headers.Add("Cookie", cookie);
            }).Build();
            hub.On<JsonElement>("screenPop", p => arrived.TryAdd(p.GetProperty("callId").GetString()!, Stopwatch.GetTimestamp()));
            await hub.StartAsync();
            hubs.Add(hub);
        }

        var posted = new Dictionary<string, long>();
        var stored = new Dictionary<string, long>(); // the CTI post has returned: the offer is in the store
        var now = t0.AddDays(10);
        for (var i = 0; i < 100; i++)
        {
            var callId = $"lat-{i}";
            await kit.PostAsync(ScreenPopKit.Ev("CallArrived", callId, now.AddSeconds(i), ani: phones[i % phones.Count]));
            posted[callId] = Stopwatch.GetTimestamp();
            await kit.PostAsync(ScreenPopKit.Ev("CallOffered", callId, now.AddSeconds(i).AddSeconds(2), $"agent{i % 20 + 1}"));
            stored[callId] = Stopwatch.GetTimestamp();
            if (i % 10 == 9) await Task.Delay(50); // a little air between bursts, as live calls have
        }
        await Eventually.GetAsync(() => Task.FromResult(arrived.Count), n => n == posted.Count, TimeSpan.FromSeconds(20), "every pop pushed");

        Report("CallOffered posted → screenPop received", posted.Select(p => Stopwatch.GetElapsedTime(p.Value, arrived[p.Key]).TotalMilliseconds));
        Report("  of which: CTI post → stored", posted.Select(p => Stopwatch.GetElapsedTime(p.Value, stored[p.Key]).TotalMilliseconds));
        Report("  of which: stored → screenPop received", stored.Select(p => Stopwatch.GetElapsedTime(p.Value, arrived[p.Key]).TotalMilliseconds));
        await Task.WhenAll(hubs.Select(h => h.DisposeAsync().AsTask()));
    }

    void Report(string what, IEnumerable<double> milliseconds)
    {
        var times = milliseconds.Order().ToList();
        double P(double q) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(q * times.Count) - 1)];
        output.WriteLine($"{what,-42} p50 {P(0.5),6:F1} ms  p95 {P(0.95),6:F1} ms  p99 {P(0.99),6:F1} ms  max {times[^1],6:F1} ms (100 calls, 20 agents, 2,000 calls of history)");
    }
}
