using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Calls.ScreenPops;
using CallCenter.Simulation.History;
using CallCenter.Tests.Calls.ScreenPops;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CallCenter.Tests.Projections.ProjectionRebuildKit;

namespace CallCenter.Tests.Projections;

/// <summary>
/// R-USE-2, decision 0006: a rebuild builds the new version beside the live one while CTI traffic keeps coming; queries
/// keep answering from the old version (never from a half-built table); the new version takes over with the next version
/// number, and it then equals a fresh rebuild from position 0 row for row.
/// </summary>
public class ProjectionRebuildTests
{
    static readonly DateOnly End = new(2026, 11, 20);

    [Fact]
    public async Task A_rebuild_under_traffic_serves_the_old_version_until_it_switches_to_one_equal_to_a_fresh_rebuild()
    {
        var database = await TestDatabase.CreateAsync("rebuild");
        List<string> switched;
        using (var app = await AppHost.StartAsync(database))
        {
            await app.Services.GetRequiredService<HistoryGenerator>().RunAsync(new HistoryRequest(4, 5, 400, End), default);
            await CaughtUpAsync(app, "screen-pops", TimeSpan.FromSeconds(120));
            var kit = new ScreenPopKit(app);
            var supervisor = await app.SignInAsync("supervisor1");
            var analyst = await app.SignInAsync("analyst");
            var watched = await kit.ColumnAsync("select call_id from screen_pops order by call_id limit 8");
            var expected = new Dictionary<string, string>();
            foreach (var id in watched) expected[id] = await (await supervisor.GetAsync($"/api/calls/{id}/screen-pop")).Content.ReadAsStringAsync();
            var popsBefore = await ScalarAsync(database, "select count(*) from screen_pops");

            using var stop = new CancellationTokenSource();
            var phones = await kit.PhonesAsync(shared: false, 4);
            var traffic = Task.Run(async () => // CTI events keep arriving during the rebuild
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var at = DateTimeOffset.UtcNow;
                    await kit.PostAsync(ScreenPopKit.Ev("CallArrived", $"live-{i}", at, ani: phones[i % 4]),
                        ScreenPopKit.Ev("CallOffered", $"live-{i}", at.AddSeconds(2), $"agent{i % 5 + 1}"),
                        ScreenPopKit.Ev("CallAnswered", $"live-{i}", at.AddSeconds(4), $"agent{i % 5 + 1}"));
                    await Task.Delay(20);
                }
                return;
            });
            var failures = new ConcurrentQueue<string>();
            var readsWhileRebuilding = 0;
            var reads = Task.Run(async () => // queries keep answering, always from a complete version
            {
                while (!stop.IsCancellationRequested)
                {
                    var rebuilding = (await ProjectionAsync(analyst, "screen-pops")).GetProperty("state").GetString() == "rebuilding";
                    foreach (var id in watched)
                    {
                        var r = await supervisor.GetAsync($"/api/calls/{id}/screen-pop");
                        var body = await r.Content.ReadAsStringAsync();
                        if (r.StatusCode != HttpStatusCode.OK || body != expected[id]) failures.Enqueue($"{id}: {(int)r.StatusCode} {body}");
                    }
                    var count = await ScalarAsync(database, "select count(*) from screen_pops");
                    if (count < popsBefore) failures.Enqueue($"screen_pops has {count} rows, had {popsBefore}");
                    var stillRebuilding = (await ProjectionAsync(analyst, "screen-pops")).GetProperty("state").GetString() == "rebuilding";
                    if (rebuilding && stillRebuilding) readsWhileRebuilding++;
                }
            });

            var started = await analyst.PostAsync("/api/projections/screen-pops/rebuild", null);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var body = await started.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("rebuilding", 1, 2), (body.GetProperty("state").GetString(), body.GetProperty("version").GetInt32(), body.GetProperty("rebuild").GetProperty("version").GetInt32()));
            Assert.Equal(HttpStatusCode.Conflict, (await (await app.SignInAsync("admin")).PostAsync("/api/projections/screen-pops/rebuild", null)).StatusCode);

            await Eventually.GetAsync(() => ProjectionAsync(analyst, "screen-pops"),
                p => p.GetProperty("rebuild").ValueKind == JsonValueKind.Object && p.GetProperty("rebuild").GetProperty("processed").GetInt64() > 0 || p.GetProperty("version").GetInt32() == 2,
                TimeSpan.FromSeconds(60), "rebuild progress");
            await LiveAtVersionAsync(analyst, "screen-pops", 2, TimeSpan.FromSeconds(120));
            await Task.Delay(300); // traffic and reads go on a little after the switch
            await stop.CancelAsync();
            await Task.WhenAll(traffic, reads);
            Assert.Empty(failures);
            Assert.True(readsWhileRebuilding > 0, "queries were answered while the new version was being built");

            await CaughtUpAsync(app, "screen-pops", TimeSpan.FromSeconds(60));
            Assert.Equal(0, await ScalarAsync(database, "select count(*) from pg_namespace where nspname like 'rm\\_screen\\_pops\\_v%'"));
            Assert.Equal(0, await ScalarAsync(database, "select count(*) from projection_checkpoints where name like 'screen-pops@%'"));
            Assert.True(await ScalarAsync(database, "select count(*) from screen_pops where call_id like 'live-%'") > 0, "pops of the traffic during the rebuild");
            switched = await ScreenPopRebuildTests.RowsAsync(database);
        }

        await using (var conn = new NpgsqlConnection(database))
        {
            await conn.OpenAsync();
            await new NpgsqlCommand("drop table screen_pops, screen_pop_calls, screen_pop_work_orders; delete from projection_checkpoints where name = 'screen-pops'", conn).ExecuteNonQueryAsync();
        }
        using var fresh = await AppHost.StartAsync(database);
        await CaughtUpAsync(fresh, "screen-pops", TimeSpan.FromSeconds(120));
        Assert.Equal(switched, await ScreenPopRebuildTests.RowsAsync(database));
        var projection = await ProjectionAsync(await fresh.SignInAsync("analyst"), "screen-pops");
        Assert.Equal(("live", 2), (projection.GetProperty("state").GetString(), projection.GetProperty("version").GetInt32()));
    }
}
