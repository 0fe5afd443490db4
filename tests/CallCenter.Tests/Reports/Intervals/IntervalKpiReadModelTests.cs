using System.Net.Http.Json;
using CallCenter.Tests.Infrastructure;
using Npgsql;

namespace CallCenter.Tests.Reports.Intervals;

/// <summary>Issue 5's done-when for the interval read model: every row and column equals a recomputation from the raw events.</summary>
[Collection(IntervalKpiCollection.Name)]
public class IntervalKpiReadModelTests(IntervalKpiFixture fixture)
{
    static readonly string[] Columns =
    [
        "arrived", "offered", "answered", "answered_in_sl", "answer_wait_ms", "abandoned", "abandoned_short",
        "abandoned_after_sl", "abandon_wait_ms", "handled", "talk_ms", "hold_ms", "acw_ms",
    ];

    public static async Task<Dictionary<string, long[]>> CallRowsAsync(string database)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        var sql = $"select to_char(bucket_start at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS'), skill_group, agent_id, area, dnis, {string.Join(", ", Columns)} from kpi_intervals";
        await using var r = await new NpgsqlCommand(sql, conn).ExecuteReaderAsync();
        var rows = new Dictionary<string, long[]>();
        while (await r.ReadAsync())
            rows[$"{r.GetString(0)}|{r.GetString(1)}|{r.GetString(2)}|{r.GetString(3)}|{r.GetString(4)}"] = [.. Enumerable.Range(5, Columns.Length).Select(r.GetInt64)];
        return rows;
    }

    public static async Task<Dictionary<string, long>> StateRowsAsync(string database)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var r = await new NpgsqlCommand("""
            select to_char(bucket_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS'), agent_id, skill_group, state, reason, ms from kpi_agent_states
            """, conn).ExecuteReaderAsync();
        var rows = new Dictionary<string, long>();
        while (await r.ReadAsync()) rows[$"{r.GetString(0)}|{r.GetString(1)}|{r.GetString(2)}|{r.GetString(3)}|{r.GetString(4)}"] = r.GetInt64(5);
        return rows;
    }

    static string Show(string key, long[] m) => key + " " + string.Join(",", m);

    [Fact]
    public async Task Every_bucket_row_and_column_equals_a_recount_from_the_raw_events()
    {
        var recount = await IntervalRecount.FromStoreAsync(fixture.App);
        var rows = await CallRowsAsync(fixture.App.Database);
        // The history has what every column needs: holds, abandons past the threshold, tags with areas, several skill groups.
        var totals = Enumerable.Range(0, Columns.Length).Select(i => recount.Calls.Values.Sum(m => m[i])).ToArray();
        Assert.All(new[] { 0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12 }, i => Assert.True(totals[i] > 0, $"{Columns[i]} is never exercised"));
        Assert.True(recount.Calls.Keys.Select(k => k.Split('|')[3]).Distinct().Count() > 2, "areas");
        Assert.Equal(recount.Calls.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Show(r.Key, r.Value)),
            rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Show(r.Key, r.Value)));
    }

    [Fact]
    public async Task Every_agent_state_row_equals_a_recount_from_the_raw_events()
    {
        var recount = await IntervalRecount.FromStoreAsync(fixture.App);
        var rows = await StateRowsAsync(fixture.App.Database);
        Assert.Contains(recount.States.Keys, k => k.EndsWith("|notReady|lunch"));
        Assert.Contains(recount.States.Keys, k => k.Contains("|wrapUp|"));
        Assert.Equal(recount.States.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"),
            rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));
    }

    [Fact]
    public async Task Closed_calls_leave_no_working_state()
    {
        await using var conn = new NpgsqlConnection(fixture.App.Database);
        await conn.OpenAsync();
        Assert.Equal(0L, await new NpgsqlCommand("select count(*) from kpi_call_work", conn).ExecuteScalarAsync());
        Assert.Equal(20L, await new NpgsqlCommand("select count(*) from kpi_agent_work", conn).ExecuteScalarAsync());
    }
}
