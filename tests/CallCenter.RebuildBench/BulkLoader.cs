using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CallCenter.Agents;
using CallCenter.Calls;
using CallCenter.Calls.Ingesting;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Simulation.History;
using CallCenter.Simulation.Traffic;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.RebuildBench;

/// <summary>
/// Seeds a history of realistic days straight into eventstore.events with binary COPY (the app's ingestion does ≈6,000
/// events/s; this does far more): the traffic model and day simulation of the history generator, the same event types,
/// data and metadata as CTI ingestion and the simulator write, each day's events in event-time order. Positions follow
/// decision 0002's shape ((n &lt;&lt; 20) | index, below any real transaction id, so readers see them all); stream
/// revisions count up per stream; `created` is the event's own time. Indexes are built once after the load.
/// </summary>
public sealed class BulkLoader(string database)
{
    sealed record Row(DateTimeOffset At, string StreamId, EventData Data);

    public async Task<long> LoadAsync(long target, int agentCount, int callsPerDay, int seed)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        var agents = await AgentsAsync(dataSource, agentCount);
        var callers = await CallersAsync(dataSource);
        if (await ScalarAsync(dataSource, "select count(*) from eventstore.events") > 0)
            throw new InvalidOperationException("eventstore.events is not empty: seed a fresh database.");
        await ExecAsync(dataSource, """
            alter table eventstore.events drop constraint if exists events_pkey, drop constraint if exists events_stream_revision_key,
                drop constraint if exists events_event_id_key
            """);

        var ns = DeterministicGuid.Create(Guid.Empty, $"bench/{seed}");
        var sim = new DaySimulation(agents, ns);
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        long written = 0, slot = 1, index = 0;
        var watch = Stopwatch.StartNew();
        for (var day = new DateOnly(2026, 1, 1); written < target; day = day.AddDays(1))
        {
            var rows = Day(sim.Run(day, TrafficModel.PlanDay(day, seed, callers, new TrafficOptions(callsPerDay))), ns);
            await using var connection = await dataSource.OpenConnectionAsync();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "copy eventstore.events (position, stream_id, stream_revision, event_id, type, data, metadata, created) from stdin (format binary)"))
            {
                foreach (var row in rows)
                {
                    if (++index > PostgresEventStore.MaxEventsPerAppend) (slot, index) = (slot + 1, 1);
                    var revision = revisions[row.StreamId] = revisions.GetValueOrDefault(row.StreamId, -1) + 1;
                    await copy.StartRowAsync();
                    await copy.WriteAsync((slot << 20) | index, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(row.StreamId, NpgsqlDbType.Text);
                    await copy.WriteAsync(revision, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(row.Data.EventId, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(row.Data.Type, NpgsqlDbType.Text);
                    await copy.WriteAsync(Encoding.UTF8.GetString(row.Data.Data.Span), NpgsqlDbType.Jsonb);
                    await copy.WriteAsync(Encoding.UTF8.GetString(row.Data.Metadata.Span), NpgsqlDbType.Jsonb);
                    await copy.WriteAsync(row.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                }
                await copy.CompleteAsync();
            }
            written += rows.Count;
            Console.WriteLine($"seeded {day:yyyy-MM-dd}: {rows.Count:N0} events, {written:N0} in all, {written / watch.Elapsed.TotalSeconds:N0} events/s");
        }
        Console.WriteLine("building the event store's indexes");
        await ExecAsync(dataSource, """
            alter table eventstore.events add constraint events_pkey primary key (position),
                add constraint events_stream_revision_key unique (stream_id, stream_revision), add constraint events_event_id_key unique (event_id);
            analyze eventstore.events
            """);
        return written;
    }

    /// <summary>A simulated day as stored events, in event-time order (a stable sort keeps each stream's own order).</summary>
    static List<Row> Day(SimulatedDay day, Guid ns)
    {
        var rows = new List<Row>(day.CtiFacts.Count * 2);
        foreach (var (agentId, events) in day.AgentEvents)
        {
            var by = new EventMetadata(agentId, EventMetadata.Sources.Simulator, ns).ToJson();
            rows.AddRange(events.Select((e, i) => new Row(e.At, AgentStream.StreamId(agentId),
                new EventData(day.AgentEventIds[agentId][i], AgentStream.WireName(e), JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), Json.Options), by))));
        }
        rows.AddRange(day.CtiFacts.Select(f => new Row(f.OccurredAt!.Value, CallStream.StreamId(f.CallId!), IngestCtiEventsHandler.ToEventData(f, null))));
        rows.AddRange(day.Tags.Select(t => new Row(t.At, CallStream.StreamId(t.CallId), new EventData(
            DeterministicGuid.Create(ns, $"{t.CallId}/CallTagged"), CallStream.WireName(t), JsonSerializer.SerializeToUtf8Bytes(t, Json.Options),
            new EventMetadata(t.AgentId, EventMetadata.Sources.Simulator, ns).ToJson()))));
        return [.. rows.OrderBy(r => r.At)];
    }

    /// <summary>The demo agents plus bench agents up to <paramref name="count"/> (two skill groups each), as users too (the app names them).</summary>
    static async Task<List<SimAgent>> AgentsAsync(NpgsqlDataSource dataSource, int count)
    {
        await ExecAsync(dataSource, $"""
            insert into users (id, name, password_hash, roles, skill_groups, extension, team)
            select 'rb' || i, 'Rebuild bench ' || i, (select password_hash from users where id = 'agent1'), array['agent'],
                   array[(array['broadband', 'cable-tv', 'billing', 'general'])[i % 4 + 1], (array['broadband', 'cable-tv', 'billing', 'general'])[(i + 1) % 4 + 1]],
                   (7000 + i)::text, 'bench'
            from generate_series(1, greatest({count} - (select count(*) from users where 'agent' = any(roles) and id not like 'rb%'), 0)) i
            on conflict (id) do nothing
            """);
        await using var cmd = dataSource.CreateCommand("select id, skill_groups from users where 'agent' = any(roles) order by length(id), id");
        await using var r = await cmd.ExecuteReaderAsync();
        var agents = new List<SimAgent>();
        while (await r.ReadAsync()) agents.Add(new SimAgent(r.GetString(0), r.GetFieldValue<string[]>(1)));
        return agents;
    }

    static async Task<List<Caller>> CallersAsync(NpgsqlDataSource dataSource)
    {
        await using var cmd = dataSource.CreateCommand("select phones[1], area from customers order by id");
        await using var r = await cmd.ExecuteReaderAsync();
        var callers = new List<Caller>();
        while (await r.ReadAsync()) callers.Add(new Caller(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));
        return callers;
    }

    public static async Task ExecAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
