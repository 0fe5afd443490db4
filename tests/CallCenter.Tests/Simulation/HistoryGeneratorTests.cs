using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Simulation.History;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallCenter.Tests.Simulation;

/// <summary>History on a virtual clock through CTI ingestion: well-formed, ordered, deterministic, and rebuildable.</summary>
public class HistoryGeneratorTests
{
    static readonly DateOnly End = new(2026, 11, 20);

    static async Task<List<RecordedEvent>> AllAsync(AppHost app)
    {
        var all = new List<RecordedEvent>();
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadAllAsync(null, null, int.MaxValue)) all.Add(e);
        return all;
    }

    /// <summary>$all readers stop below running transactions: wait until the reactor is done and the count holds still.</summary>
    static async Task<List<RecordedEvent>> SettledAsync(AppHost app)
    {
        var status = app.Services.GetRequiredService<CallCenter.Infrastructure.Projections.ProjectionStatus>();
        var last = -1;
        return await Eventually.GetAsync(async () => await AllAsync(app), all =>
        {
            // the reactor reports the last event it took in, a call event: events other reactors append later are not its business
            var settled = all.Count == last && status.PositionOf("calls-to-agents") >= all.Where(e => e.StreamId.StartsWith("call-")).Max(e => e.Position);
            last = all.Count;
            return settled;
        }, TimeSpan.FromSeconds(60), "history settled");
    }

    static DateTimeOffset At(RecordedEvent e) =>
        System.Text.Json.JsonDocument.Parse(e.Data).RootElement.GetProperty("at").GetDateTimeOffset();

    [Fact]
    public async Task Two_days_are_well_formed_in_event_time_order_and_a_rerun_stores_nothing_new()
    {
        using var app = await AppHost.StartAsync();
        var generator = app.Services.GetRequiredService<HistoryGenerator>();
        var first = await generator.RunAsync(new HistoryRequest(2, 42, 400, End), default);
        Assert.Equal(2, first.DaysDone);
        var events = await SettledAsync(app);

        foreach (var agent in events.Where(e => e.StreamId.StartsWith("agent-")).GroupBy(e => e.StreamId))
        {
            var times = agent.OrderBy(e => e.StreamRevision).Select(At).ToList();
            Assert.True(times.SequenceEqual(times.Order()), $"{agent.Key} is out of event-time order");
        }
        var calls = events.Where(e => e.StreamId.StartsWith("call-")).GroupBy(e => e.StreamId).ToList();
        Assert.InRange(calls.Count, 800, 1000); // 400 a day plus repeats and a burst
        foreach (var call in calls)
        {
            var types = string.Join(",", call.OrderBy(e => e.StreamRevision).Select(e => e.Type.Replace(".v1", "")));
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(types, "^CallArrived,(VoiceMessageLeft,CallEnded|CallQueued,CallAbandoned,CallEnded|CallQueued,CallOffered,CallAnswered,(CallHeld,CallRetrieved,)?CallEnded,(SurveyCompleted,)?CallTagged)$"), $"{call.Key}: {types}");
        }
        Assert.Contains(calls, c => c.Any(e => e.Type == "VoiceMessageLeft.v1")); // night calls

        // Work orders (issue 16): dispatched from the calls tagged "work order dispatched" or "repair", taken through the flow;
        // the first day's are closed, some of the last day's are still with the technician.
        var orders = events.Where(e => e.StreamId.StartsWith("workorder-")).GroupBy(e => e.StreamId).ToList();
        Assert.InRange(orders.Count, 10, 400);
        foreach (var order in orders)
        {
            var types = string.Join(",", order.OrderBy(e => e.StreamRevision).Select(e => e.Type.Replace(".v1", "").Replace("WorkOrder", "")));
            Assert.Matches("^Dispatched,Assigned(,Accepted(,ArrivedOnSite(,Completed(,Closed)?)?)?)?$", types);
        }
        var serials = orders.Select(o => System.Text.Json.JsonDocument.Parse(o.First(e => e.Type == "WorkOrderDispatched.v1").Data).RootElement.GetProperty("serial").GetString()!).ToList();
        Assert.Equal(serials.Count, serials.Distinct().Count());
        Assert.Contains(serials, x => x.StartsWith($"WO-{End.AddDays(-1):yyyyMMdd}-5"));
        Assert.All(orders.Where(o => o.Any(e => e.Type == "WorkOrderDispatched.v1" && At(e) < End.AddDays(-1).ToDateTime(new TimeOnly(12, 0)))),
            o => Assert.Contains(o, e => e.Type == "WorkOrderClosed.v1"));
        Assert.Contains(orders, o => !o.Any(e => e.Type is "WorkOrderCompleted.v1" or "WorkOrderClosed.v1"));

        // The reactor has caught up (SettledAsync) and its own appends were all duplicates.
        Assert.Equal(events.Count, (await AllAsync(app)).Count);

        var again = await generator.RunAsync(new HistoryRequest(2, 42, 400, End), default);
        Assert.Equal(events.Count, (await AllAsync(app)).Count); // deterministic ids: nothing new
        Assert.Equal(first.Events, again.Events);
    }

    /// <summary>
    /// The last committed position screen-pops reads, from the table itself: a $all read stops below the oldest transaction
    /// still running on the server (decision 0002), and other test classes' transactions on the shared server would make it
    /// look as if the pops had caught up before the last tags were applied.
    /// </summary>
    static async Task<ulong> LastPopPositionAsync(string database)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select max(position) from eventstore.events where stream_id like 'call-%' or stream_id like 'workorder-%'", conn);
        return (ulong)(long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Thirty_days_of_history_rebuild_the_screen_pop_read_model_row_for_row()
    {
        var database = await TestDatabase.CreateAsync("pop30");
        List<string> before;
        using (var app = await AppHost.StartAsync(database))
        {
            var progress = await app.Services.GetRequiredService<HistoryGenerator>().RunAsync(new HistoryRequest(30, 7, 120, End), default);
            Assert.Equal(30, progress.DaysDone);
            var last = await LastPopPositionAsync(database);
            await Eventually.ProgressAsync(() => Task.FromResult(app.Services.GetRequiredService<CallCenter.Infrastructure.Projections.ProjectionStatus>().PositionOf("screen-pops") ?? 0),
                last, TimeSpan.FromSeconds(120), "pops caught up");
            before = await Calls.ScreenPops.ScreenPopRebuildTests.RowsAsync(database);
            Assert.True(before.Count(r => r.StartsWith("screen_pops ")) > 2500, "a pop for every offered call");
        }
        await using (var conn = new NpgsqlConnection(database))
        {
            await conn.OpenAsync();
            await new NpgsqlCommand("drop table screen_pops, screen_pop_calls, screen_pop_work_orders; delete from projection_checkpoints where name = 'screen-pops'", conn).ExecuteNonQueryAsync();
        }
        using var rebuilt = await AppHost.StartAsync(database);
        var end = await LastPopPositionAsync(database); // what screen-pops reads
        await Eventually.ProgressAsync(() => Task.FromResult(rebuilt.Services.GetRequiredService<CallCenter.Infrastructure.Projections.ProjectionStatus>().PositionOf("screen-pops") ?? 0),
            end, TimeSpan.FromSeconds(120), "rebuilt from position 0");
        var after = await Calls.ScreenPops.ScreenPopRebuildTests.RowsAsync(database);
        Assert.True(before.SequenceEqual(after), "only live:\n" + string.Join("\n", before.Except(after).Take(4)) + "\nonly rebuilt:\n" + string.Join("\n", after.Except(before).Take(4)));
    }
}
