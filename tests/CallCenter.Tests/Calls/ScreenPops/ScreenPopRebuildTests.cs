using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Tests.Infrastructure;
using CallCenter.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallCenter.Tests.Calls.ScreenPops;

/// <summary>The screen-pop read model uses event time only: dropped and rebuilt from position 0, every row comes back identical.</summary>
public class ScreenPopRebuildTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly string[] Tables = ["screen_pop_calls", "screen_pop_work_orders", "screen_pops"];

    /// <summary>Every row of the given tables (the screen pop's when none are given) as JSON text, sorted: compare before and after a rebuild.</summary>
    internal static async Task<List<string>> RowsAsync(string database, params string[] tables)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        var rows = new List<string>();
        foreach (var table in tables.Length > 0 ? tables : Tables)
        {
            await using var cmd = new NpgsqlCommand($"select row_to_json(t)::text from {table} t order by 1", conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) rows.Add(table + " " + r.GetString(0));
        }
        return rows;
    }

    static async Task ProgressAsync(AppHost app, WorkOrderEvent e)
    {
        var data = StreamTypeExtensions.Encode<WorkOrderStream, WorkOrder, WorkOrderEvent>(e, new EventMetadata("admin", EventMetadata.Sources.Admin, Guid.NewGuid()));
        await app.Services.GetRequiredService<IEventStore>().AppendAsync(WorkOrderStream.StreamId(e.WorkOrderId), ExpectedRevision.Any, [data]);
    }

    [Fact]
    public async Task Dropping_the_tables_and_checkpoint_rebuilds_every_row_identically()
    {
        string database;
        List<string> before;
        string checkpoint;
        using (var app = await AppHost.StartAsync())
        {
            database = app.Database;
            var kit = new ScreenPopKit(app);
            var phones = await kit.PhonesAsync(shared: false, 2);
            var shared = (await kit.PhonesAsync(shared: true, 1))[0];
            var agent = await app.SignInAsync("agent2");
            var customerId = (await kit.ColumnAsync($"select id from customers where phones @> array['{phones[0]}']"))[0];

            var orders = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                var r = await agent.PostAsJsonAsync("/api/work-orders", new { customerId, type = "fault", description = "宽带断线" });
                orders.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
            await ProgressAsync(app, new WorkOrderAssigned(orders[0], "tech-7", "team-east", T0));
            await ProgressAsync(app, new WorkOrderCompleted(orders[0], "fixed: connector replaced", T0.AddHours(2)));
            await ProgressAsync(app, new WorkOrderAccepted(orders[1], "tech-7", T0.AddHours(1)));

            for (var h = 0; h < 6; h++)
                await kit.PostAsync(ScreenPopKit.Ev("CallArrived", $"rb-h{h}", T0.AddHours(-h - 1), ani: phones[h % 2]),
                    ScreenPopKit.Ev("CallAnswered", $"rb-h{h}", T0.AddHours(-h - 1).AddSeconds(10), "agent2"));
            Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync("/api/calls/rb-h0/tag", new { purpose = "repair", subtype = "no-signal" })).StatusCode);
            await kit.PostAsync(
                ScreenPopKit.Ev("CallArrived", "rb-1", T0, ani: phones[0]), ScreenPopKit.Ev("CallOffered", "rb-1", T0.AddSeconds(3), "agent2"),
                ScreenPopKit.Ev("CallAnswered", "rb-1", T0.AddSeconds(5), "agent2"),
                ScreenPopKit.Ev("CallDialed", "rb-c", T0.AddSeconds(30), "agent2", kind: "consult", consultFor: "rb-1", targetAgentId: "agent3"),
                ScreenPopKit.Ev("CallOffered", "rb-c", T0.AddSeconds(31), "agent3", @internal: true),
                ScreenPopKit.Ev("CallTransferred", "rb-1", T0.AddSeconds(60), "agent2", targetAgentId: "agent3"),
                ScreenPopKit.Ev("CallOffered", "rb-1", T0.AddSeconds(61), "agent3"),
                ScreenPopKit.Ev("CallArrived", "rb-2", T0.AddMinutes(5), ani: shared), ScreenPopKit.Ev("CallOffered", "rb-2", T0.AddMinutes(5).AddSeconds(2), "agent4"),
                ScreenPopKit.Ev("CallDialed", "rb-out", T0.AddMinutes(9), "agent5", kind: "outbound", number: phones[1]));

            var pop = await kit.PopAsync(agent, "rb-1");
            var wo = pop.GetProperty("recentWorkOrders");
            Assert.Equal(3, wo.GetArrayLength());
            var first = wo.EnumerateArray().Single(w => w.GetProperty("id").GetString() == orders[0]);
            Assert.Equal(("completed", "completed"), (first.GetProperty("status").GetString(), first.GetProperty("currentStep").GetString()));
            Assert.Equal(["rb-h0", "rb-h2", "rb-h4"], ScreenPopKit.Strings(pop.GetProperty("recentCalls"), "callId"));
            var supervisor = await app.SignInAsync("supervisor1");
            await kit.PopAsync(supervisor, "rb-out");
            await kit.PopAsync(supervisor, "rb-2");
            await Eventually.GetAsync(() => kit.ColumnAsync("select offered_to::text from screen_pops where call_id = 'rb-1'"), r => r.SequenceEqual(["{agent2,agent3}"]), what: "rb-1 re-offered");
            before = await RowsAsync(database);
            checkpoint = (await kit.ColumnAsync("select position from projection_checkpoints where name = 'screen-pops'"))[0];
            Assert.Equal(4, before.Count(r => r.StartsWith("screen_pops "))); // rb-1, rb-c (consult), rb-2, rb-out
        }

        await using (var conn = new NpgsqlConnection(database))
        {
            await conn.OpenAsync();
            await new NpgsqlCommand("drop table screen_pops, screen_pop_calls, screen_pop_work_orders; delete from projection_checkpoints where name = 'screen-pops'", conn).ExecuteNonQueryAsync();
        }
        using var rebuilt = await AppHost.StartAsync(database);
        await Eventually.GetAsync(() => new ScreenPopKit(rebuilt).ColumnAsync("select position from projection_checkpoints where name = 'screen-pops'"),
            p => p.Count == 1 && long.Parse(p[0]) >= long.Parse(checkpoint), TimeSpan.FromSeconds(30), "rebuilt to the old checkpoint");
        Assert.Equal(before, await RowsAsync(database));
    }
}
