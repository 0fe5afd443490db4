using System.Net;
using System.Net.Http.Json;
using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls;

/// <summary>
/// Issue 12 point 6, decision 0012: only the PBX that owns a call ends it. With the simulator off, a call the PBX connector
/// reported as in progress survives an app restart untouched: no CallEnded is invented, the agent is still talking on it.
/// </summary>
public class CtiRestartTests
{
    static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddMinutes(-5);

    [Fact]
    public async Task An_open_call_from_the_cti_endpoint_survives_a_restart_with_the_simulator_off()
    {
        string database;
        using (var first = await AppHost.StartAsync())
        {
            database = first.Database;
            using var pbx = first.Anonymous();
            pbx.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
            object Ev(string type, int second, string? agentId = null) => new
            {
                eventId = Guid.NewGuid(), type, callId = "ext-open-1", occurredAt = T0.AddSeconds(second), ani = "13800001234", agentId, queue = "broadband",
            };
            var response = await pbx.PostAsJsonAsync("/api/cti/events", new[]
            {
                Ev("CallArrived", 0), Ev("CallQueued", 2), Ev("CallOffered", 5, "agent3"), Ev("CallAnswered", 8, "agent3"),
            });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await Eventually.GetAsync(() => AgentAsync(database), a => a == "talking ext-open-1", what: "agent3 talking before the restart");
        }

        using var second = await AppHost.StartAsync(database);
        // The restarted app catches up (the agents' read model, which recovery waits for), then has its chance to end the call.
        var store = second.Services.GetRequiredService<IEventStore>();
        var head = await ReadModelRows.CheckpointAsync(database, "agent-states");
        await Eventually.GetAsync(() => ProjectionStartedAsync(database), started => started, TimeSpan.FromSeconds(30), "projections running after the restart");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline) // recovery ran within a few hundred ms of the catch-up when it touched CTI calls
        {
            Assert.DoesNotContain(await TypesAsync(store), t => t == "CallEnded.v1");
            Assert.Equal("talking ext-open-1", await AgentAsync(database));
            await Task.Delay(100);
        }
        Assert.Equal(["CallArrived.v1", "CallQueued.v1", "CallOffered.v1", "CallAnswered.v1"], await TypesAsync(store));
        Assert.NotNull(head);
    }

    static async Task<List<string>> TypesAsync(IEventStore store)
    {
        var types = new List<string>();
        await foreach (var e in store.ReadStreamAsync("call-ext-open-1")) types.Add(e.Type);
        return types;
    }

    static async Task<bool> ProjectionStartedAsync(string database)
    {
        await using var conn = new Npgsql.NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select count(*) from projection_checkpoints", conn);
        return (long)(await cmd.ExecuteScalarAsync())! > 0;
    }

    static async Task<string> AgentAsync(string database)
    {
        await using var conn = new Npgsql.NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select state || ' ' || coalesce(current_call_id, '-') from agent_states where agent_id = 'agent3'", conn);
        return await cmd.ExecuteScalarAsync() as string ?? "none";
    }
}
