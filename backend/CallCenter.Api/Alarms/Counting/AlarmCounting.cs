using CallCenter.Calls;
using CallCenter.Customers;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Alarms.Counting;

/// <summary>
/// Reactor (R-ALARM-1): a call counts in its area's alarm while at least one agent's own latest tag on it is "work order
/// dispatched" (each agent who handled the call tags their part; another agent's tag does not undo a dispatch). When the
/// last such tag is replaced by its agent, the call stops counting (AlarmCallUncounted, shown in the alarm history).
/// The area is that of the latest dispatched tag. A change of thresholds makes every area reconsider. It keeps each
/// agent's dispatched tag (alarm_call_tags) and the area each call counts in (alarm_call_areas); the alarm streams are idempotent.
/// </summary>
public sealed class AlarmCounting(AlarmAreaWriter writer) : IReactor
{
    public const string Purpose = "work-order-dispatched";

    public string Name => "alarm-counting";
    public EventFilter Filter { get; } = EventFilter.Types("CallTagged.", "AlarmThresholdsSet.");

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""
            create table if not exists alarm_call_areas (call_id text primary key, area text not null);
            create table if not exists alarm_call_tags (call_id text not null, agent_id text not null, area text not null, at timestamptz not null,
                primary key (call_id, agent_id));
            """, ct);
        return false; // a reactor: its effects are in the event store, it never starts over
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var recorded in batch)
        {
            var metadata = new EventMetadata("system", EventMetadata.Sources.System, recorded.EventId, recorded.EventId);
            if (recorded.StreamId.StartsWith(AlarmRulesStream.Prefix, StringComparison.Ordinal))
            {
                foreach (var area in await KnownAreasAsync(connection, ct)) await writer.ApplyAsync(area, [new Reconcile()], metadata, ct);
                continue;
            }
            if (CallStream.Decode(recorded.Type, recorded.Data) is not CallTagged tag) continue;
            var before = (await Sql.QueryAsync(connection, "select area from alarm_call_areas where call_id = $1", r => r.GetString(0), ct, tag.CallId)).FirstOrDefault();
            await (tag.Purpose == Purpose && !string.IsNullOrEmpty(tag.Area)
                ? Sql.ExecAsync(connection, """
                    insert into alarm_call_tags values ($1, $2, $3, $4)
                    on conflict (call_id, agent_id) do update set area = excluded.area, at = excluded.at
                    """, ct, tag.CallId, tag.AgentId, tag.Area, tag.At.ToUniversalTime())
                : Sql.ExecAsync(connection, "delete from alarm_call_tags where call_id = $1 and agent_id = $2", ct, tag.CallId, tag.AgentId));
            var now = (await Sql.QueryAsync(connection, "select area from alarm_call_tags where call_id = $1 order by at desc, agent_id limit 1",
                r => r.GetString(0), ct, tag.CallId)).FirstOrDefault();
            if (before is not null && before != now) await writer.ApplyAsync(before, [new UncountCall(tag.CallId, tag.At)], metadata, ct);
            if (now is not null && (before != now || tag.Purpose == Purpose)) await writer.ApplyAsync(now, [new CountCall(tag.CallId, tag.At)], metadata, ct);
            await (now is null
                ? Sql.ExecAsync(connection, "delete from alarm_call_areas where call_id = $1", ct, tag.CallId)
                : Sql.ExecAsync(connection, "insert into alarm_call_areas values ($1, $2) on conflict (call_id) do update set area = excluded.area", ct, tag.CallId, now));
        }
        return null;
    }

    static async Task<IReadOnlyList<string>> KnownAreasAsync(NpgsqlConnection connection, CancellationToken ct) =>
        BusinessAreas.All.Select(a => a.Code)
            .Union(await Sql.QueryAsync(connection, "select distinct area from alarm_call_areas", r => r.GetString(0), ct)).ToList();

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
