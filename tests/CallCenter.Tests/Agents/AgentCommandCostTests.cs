using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Agents;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CallCenter.Tests.Agents;

/// <summary>
/// Issue 12 point 7, decision 0012: a ready / not-ready command costs the same on an agent with a long history as on a fresh
/// one (snapshots). The suite runs it on 20,000 events of history and compares medians; the benchmark
/// (CALLCENTER_AGENT_BENCH_EVENTS=100000, docs/benchmarks.md) runs it on a year of history and reports p50 / p99.
/// </summary>
public class AgentCommandCostTests(ITestOutputHelper output) : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    static int HistoryEvents => int.TryParse(Environment.GetEnvironmentVariable("CALLCENTER_AGENT_BENCH_EVENTS"), out var n) && n > 0 ? n : 20_000;
    static int Commands => int.TryParse(Environment.GetEnvironmentVariable("CALLCENTER_AGENT_BENCH_COMMANDS"), out var n) && n > 0 ? n : 200;

    [Fact]
    public async Task A_command_on_an_agent_with_a_long_history_costs_what_it_costs_on_a_fresh_one()
    {
        var (old, fresh) = ("agent1", "agent2");
        var started = Stopwatch.StartNew();
        await WriteHistoryAsync(old, HistoryEvents);
        output.WriteLine($"{HistoryEvents} events of history for {old} written in {started.Elapsed.TotalSeconds:F1} s");
        var supervisor = await app.SignInAsync("supervisor1");
        await Ok(supervisor.PostAsJsonAsync($"/api/agents/{fresh}/sign-in", new { }));
        // Warm-up: the first load of the old agent folds its history once and writes a snapshot; JIT for both.
        for (var i = 0; i < 5; i++) { await ToggleAsync(supervisor, old, i); await ToggleAsync(supervisor, fresh, i); }

        var (oldMs, freshMs) = (new List<double>(), new List<double>());
        for (var i = 0; i < Commands; i++) // interleaved, so both see the same machine
        {
            oldMs.Add(await ToggleAsync(supervisor, old, i));
            freshMs.Add(await ToggleAsync(supervisor, fresh, i));
        }
        var (o, f) = (Stats(oldMs), Stats(freshMs));
        output.WriteLine($"RESULT history={HistoryEvents} commands={Commands} old p50={o.P50:F1} ms p99={o.P99:F1} ms; fresh p50={f.P50:F1} ms p99={f.P99:F1} ms; " +
                         $"p99 ratio={o.P99 / f.P99:F2}; load average {File.ReadAllText("/proc/loadavg").Trim()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Assert.True(o.P50 <= 2 * f.P50 + 2, $"median {o.P50:F1} ms on the long history vs {f.P50:F1} ms fresh");

        // The state a snapshot gives is the state the whole history gives, folded in event time.
        using var scope = app.Services.CreateScope();
        var (state, _) = await scope.ServiceProvider.GetRequiredService<CommandPipeline>().LoadAsync<AgentStream, Agent, AgentEvent>(old, CancellationToken.None);
        var all = new List<AgentEvent>();
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadStreamAsync(AgentStream.StreamId(old)))
            if (AgentStream.Decode(e.Type, e.Data) is { } d) all.Add(d);
        var full = all.OrderBy(e => e.At).Aggregate(AgentStream.Initial, AgentStream.Evolve);
        Assert.Equal((full.Status, full.ReasonCode, full.Since, full.LastAt), (state.Status, state.ReasonCode, state.Since, state.LastAt));
    }

    async Task<double> ToggleAsync(HttpClient client, string agent, int i)
    {
        var watch = Stopwatch.StartNew();
        var response = i % 2 == 0
            ? await client.PostAsJsonAsync($"/api/agents/{agent}/ready", new { })
            : await client.PostAsJsonAsync($"/api/agents/{agent}/not-ready", new { reasonCode = "break" });
        watch.Stop();
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return watch.Elapsed.TotalMilliseconds;
    }

    static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    static (double P50, double P99) Stats(List<double> ms)
    {
        var sorted = ms.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.99) - 1)]);
    }

    /// <summary>
    /// A year of an agent's days, appended straight to the store in 1,000-event appends: sign-in, calls (legs), ready and not
    /// ready, sign-out, ending signed in; a few legs stored late (up to 10 minutes after later events).
    /// </summary>
    async Task WriteHistoryAsync(string agent, int count)
    {
        var store = app.Services.GetRequiredService<IEventStore>();
        var metadata = new EventMetadata("pbx", EventMetadata.Sources.Pbx, Guid.NewGuid()).ToJson();
        var at = DateTimeOffset.UtcNow.AddDays(-365);
        var events = new List<AgentEvent> { new AgentSignedIn(agent, "8001", ["broadband"], at) };
        var call = 0;
        while (events.Count < count - 1)
        {
            at = at.AddSeconds(90);
            var id = $"h-{++call}";
            events.Add(new AgentBecameReady(agent, at));
            events.Add(new AgentCallStarted(agent, id, at.AddSeconds(30)));
            events.Add(new AgentCallEnded(agent, id, at.AddSeconds(200)));
            events.Add(new AgentCallTagged(agent, id, at.AddSeconds(210)));
            events.Add(new AgentBecameNotReady(agent, "break", at.AddSeconds(220)));
            at = at.AddSeconds(400);
        }
        // Some legs arrive late: swap a few neighbours in store order.
        for (var i = 10; i + 1 < events.Count; i += 97) (events[i], events[i + 1]) = (events[i + 1], events[i]);
        foreach (var chunk in events.Chunk(1000))
            await store.AppendAsync(AgentStream.StreamId(agent), ExpectedRevision.Any,
                [.. chunk.Select(e => new EventData(Guid.NewGuid(), AgentStream.WireName(e), JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), Json.Options), metadata))]);
    }
}
