using System.Collections.Concurrent;
using System.Net;
using CallCenter.Infrastructure;
using CallCenter.Simulation.History;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Reports.Intervals;
using Microsoft.Extensions.DependencyInjection;
using static CallCenter.Tests.Projections.ProjectionRebuildKit;

namespace CallCenter.Tests.Projections;

/// <summary>
/// R-USE-2 with the traffic generator running (issue 5): the interval KPIs are rebuilt while the live simulator places
/// calls that bots answer; the KPI report of past days keeps answering the same from the old version; the new version
/// takes over with the calls that arrived meanwhile, and equals a fresh rebuild from position 0 row for row.
/// </summary>
public class LiveTrafficRebuildTests
{
    static readonly DateOnly End = new(2026, 11, 20);
    const string Report = "/api/reports/service-level?from=2026-11-17&to=2026-11-20&groupBy=agent";

    /// <summary>Real-time clock set to 10:00 of today, center time: the generator has daytime traffic whenever the test runs.</summary>
    sealed class DaytimeClock : TimeProvider
    {
        readonly TimeSpan shift;
        public DaytimeClock()
        {
            var now = System.GetUtcNow();
            shift = CenterTime.StartOf(CenterTime.DayOf(now, CenterTime.DefaultZone), CenterTime.DefaultZone).AddHours(10) - now;
        }
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }

    /// <remarks>
    /// Once a past-days read during the switch got 503: the report's one statement locks kpi_intervals, kpi_agent_states and
    /// kpi_calls in that order, the switch dropped them alphabetically, and PostgreSQL broke the deadlock by failing the
    /// reader (40P01). The switch now takes all live tables in one LOCK first and gives way to readers (decision 0026).
    /// </remarks>
    [Fact]
    public async Task Interval_kpis_rebuilt_under_live_generator_traffic_serve_the_old_version_then_equal_a_fresh_rebuild()
    {
        var database = await TestDatabase.CreateAsync("kpilive");
        using (var seeding = await AppHost.StartAsync(database)) // history first: the generator then skips its own week of demo history
            await seeding.Services.GetRequiredService<HistoryGenerator>().RunAsync(new HistoryRequest(4, 5, 300, End), default);

        var clock = new DaytimeClock();
        var generator = new Dictionary<string, string>
        {
            ["CALLCENTER_SIMULATOR"] = "on", ["CALLCENTER_SIMULATOR_SPEED"] = "60", ["CALLCENTER_SIMULATOR_CALLS_PER_DAY"] = "1500",
        };
        var today = CenterTime.StartOf(CenterTime.DayOf(clock.GetUtcNow(), CenterTime.DefaultZone), CenterTime.DefaultZone);
        const string liveCalls = "select count(*) from eventstore.events where type = 'CallArrived.v1' and stream_id not like 'call-H%'"; // the history's calls are call-H…
        using (var app = await AppHost.StartAsync(database, generator, s => s.AddSingleton<TimeProvider>(clock)))
        {
            await Eventually.GetAsync(() => ScalarAsync(database, liveCalls), n => n >= 3, TimeSpan.FromSeconds(60), "the generator's calls");
            await CaughtUpAsync(app, "interval-kpis", TimeSpan.FromSeconds(120));
            var analyst = await app.SignInAsync("analyst");
            var expected = await analyst.GetStringAsync(Report);
            Assert.Contains("\"offered\"", expected);

            using var stop = new CancellationTokenSource();
            var failures = new ConcurrentQueue<string>();
            var readsWhileRebuilding = 0;
            var reads = Task.Run(async () => // the past days' report answers the same all along, never from a half-built version
            {
                while (!stop.IsCancellationRequested)
                {
                    var rebuilding = (await ProjectionAsync(analyst, "interval-kpis")).GetProperty("state").GetString() == "rebuilding";
                    var r = await analyst.GetAsync(Report);
                    var body = await r.Content.ReadAsStringAsync();
                    if (r.StatusCode != HttpStatusCode.OK || body != expected) failures.Enqueue($"{(int)r.StatusCode} {body}");
                    if (rebuilding && (await ProjectionAsync(analyst, "interval-kpis")).GetProperty("state").GetString() == "rebuilding") readsWhileRebuilding++;
                }
            });

            var callsBefore = await ScalarAsync(database, liveCalls);
            Assert.Equal(HttpStatusCode.Accepted, (await analyst.PostAsync("/api/projections/interval-kpis/rebuild", null)).StatusCode);
            await LiveAtVersionAsync(analyst, "interval-kpis", 2, TimeSpan.FromSeconds(120));
            var callsAtSwitch = await ScalarAsync(database, liveCalls);
            await Task.Delay(500); // reads go on a little after the switch
            await stop.CancelAsync();
            await reads;
            Assert.Empty(failures);
            Assert.True(readsWhileRebuilding > 0, "the report was answered while the new version was being built");
            Assert.True(callsAtSwitch > callsBefore, $"the generator placed calls during the rebuild ({callsBefore} → {callsAtSwitch})");
            await CaughtUpToNowAsync(app, "interval-kpis", TimeSpan.FromSeconds(90)); // the generator goes on: up to the events stored now
            Assert.True(await ScalarAsync(database, $"select count(*) from kpi_intervals where bucket_start >= '{today:O}'") > 0, "today's live calls are in v2");
        }

        List<string> switched;
        using (var quiet = await AppHost.StartAsync(database, services: s => s.AddSingleton<TimeProvider>(clock))) // generator off
        {
            // The calls-to-agents reactor finishes what the stopped app left (agents' sides of answered calls), then the PBX
            // ends the calls left on agents' desks; then the store holds still.
            await CaughtUpAsync(quiet, "calls-to-agents", TimeSpan.FromSeconds(120));
            var agents = quiet.Services.GetRequiredService<CallCenter.Telephony.Pbx.PbxAgents>();
            await Eventually.GetAsync(() => agents.AllAsync(default), all => all.All(a => a.OnCalls.Length == 0), TimeSpan.FromSeconds(60), "left-over calls ended");
            await IntervalKpiFixture.CaughtUpAsync(quiet);
            switched = await ReadModelRows.RowsAsync(database, IntervalKpiFixture.Tables);
        }
        await ReadModelRows.DropAsync(database, "interval-kpis", IntervalKpiFixture.Tables);
        using var fresh = await AppHost.StartAsync(database, services: s => s.AddSingleton<TimeProvider>(clock));
        await IntervalKpiFixture.CaughtUpAsync(fresh);
        var rebuilt = await ReadModelRows.RowsAsync(database, IntervalKpiFixture.Tables);
        Assert.True(switched.SequenceEqual(rebuilt), "only in the switched version:\n" + string.Join("\n", switched.Except(rebuilt).Take(10)) + "\nonly in the fresh rebuild:\n" + string.Join("\n", rebuilt.Except(switched).Take(10)));
    }
}
