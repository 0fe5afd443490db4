using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using Npgsql;

namespace CallCenter.Tests.Http;

/// <summary>History is the truth: states survive a restart, and a dropped read model is rebuilt identically from the events.</summary>
public class RestartAndRebuildTests
{
    static async Task<List<string>> ReadModelRows(string database)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select row_to_json(a)::text from agent_states a order by agent_id", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await r.ReadAsync()) rows.Add(r.GetString(0));
        return rows;
    }

    static Task<List<JsonElement>> States(HttpClient supervisor) =>
        supervisor.GetFromJsonAsync<List<JsonElement>>("/api/agents")!;

    static string Summary(List<JsonElement> states) =>
        string.Join(";", states.Select(s => $"{s.GetProperty("agentId")}={s.GetProperty("state")}/{s.GetProperty("reasonCode")}/{s.GetProperty("revision")}"));

    [Fact]
    public async Task States_survive_restart_and_dropping_the_read_model_rebuilds_it_identically()
    {
        string database, before;
        List<string> rowsBefore;
        using (var app = await AppHost.StartAsync())
        {
            database = app.Database;
            var supervisor = await app.SignInAsync("supervisor1");
            for (var i = 1; i <= 6; i++)
            {
                var id = $"agent{i}";
                await supervisor.PostAsync($"/api/agents/{id}/sign-in", null);
                if (i % 3 == 0) await supervisor.PostAsJsonAsync($"/api/agents/{id}/not-ready", new { reasonCode = "meeting" });
                else await supervisor.PostAsync($"/api/agents/{id}/ready", null);
                if (i == 5) await supervisor.PostAsync($"/api/agents/{id}/sign-out", null);
            }
            var states = await Eventually.GetAsync(() => States(supervisor),
                s => s.Count(x => x.GetProperty("revision").GetInt64() >= 1) == 6, what: "six agents projected");
            before = Summary(states);
            rowsBefore = await ReadModelRows(database);
            Assert.Equal(6, rowsBefore.Count);
        }

        using (var restarted = await AppHost.StartAsync(database))
        {
            var supervisor = await restarted.SignInAsync("supervisor1");
            Assert.Equal(before, Summary(await States(supervisor)));
        }

        await using (var conn = new NpgsqlConnection(database))
        {
            await conn.OpenAsync();
            await new NpgsqlCommand("drop table agent_states", conn).ExecuteNonQueryAsync();
        }

        using (var rebuilt = await AppHost.StartAsync(database))
        {
            var supervisor = await rebuilt.SignInAsync("supervisor1");
            await Eventually.GetAsync(() => States(supervisor), s => Summary(s) == before, what: "rebuilt states");
            Assert.Equal(rowsBefore, await ReadModelRows(database));
        }
    }
}
