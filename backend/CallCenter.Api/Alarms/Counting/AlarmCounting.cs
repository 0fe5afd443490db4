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
/// Reactor (R-ALARM-1): every call tagged "work order dispatched" counts in its area's alarm; tagged again with another
/// purpose or area, it stops counting there. A change of thresholds makes every area reconsider. It keeps which area
/// each call counts in (alarm_call_areas) to find it again on a re-tag; the alarm streams themselves are idempotent.
/// </summary>
public sealed class AlarmCounting(AlarmAreaWriter writer) : IReactor
{
    public const string Purpose = "work-order-dispatched";

    public string Name => "alarm-counting";
    public EventFilter Filter { get; } = EventFilter.Types("CallTagged.", "AlarmThresholdsSet.");

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("create table if not exists alarm_call_areas (call_id text primary key, area text not null)", ct);
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
            var now = tag.Purpose == Purpose && !string.IsNullOrEmpty(tag.Area) ? tag.Area : null;
            if (before is not null && before != now) await writer.ApplyAsync(before, [new UncountCall(tag.CallId, tag.At)], metadata, ct);
            if (now is not null) await writer.ApplyAsync(now, [new CountCall(tag.CallId, tag.At)], metadata, ct);
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
