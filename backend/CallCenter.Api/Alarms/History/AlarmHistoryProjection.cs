using CallCenter.Agents.CurrentStates;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Alarms.History;

/// <summary>
/// The outage-alarm read model (R-ALARM-2), from the `alarm-` streams only: the calls counting in each area
/// (alarm_calls), the history of level changes (alarm_transitions; a revision withdraws the changes it corrects) and the calls
/// that stopped counting (alarm_uncounts: a replaced "work order dispatched" tag shows in the history).
/// Event time only, so a rebuild gives the same rows. Every fresh change pushes the area's alarm to every desktop.
/// </summary>
public sealed class AlarmHistoryProjection(DesktopPush push) : IProjection
{
    public static readonly string[] Tables = ["alarm_calls", "alarm_transitions", "alarm_uncounts"];

    public string Name => "outage-alarms";
    public EventFilter Filter { get; } = EventFilter.Streams(AlarmStream.Prefix);

    const string Ddl = """
        create table if not exists alarm_calls (area text not null, call_id text not null, at timestamptz not null, primary key (area, call_id));
        create index if not exists alarm_calls_at on alarm_calls (area, at);
        create table if not exists alarm_transitions (area text not null, at timestamptz not null, kind text not null, from_level int not null,
          level int not null, count int not null, window_minutes int not null, primary key (area, at));
        create index if not exists alarm_transitions_at on alarm_transitions (at);
        create table if not exists alarm_uncounts (area text not null, call_id text not null, at timestamptz not null, primary key (area, call_id, at));
        """;

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existing = 0;
        foreach (var t in Tables) if (await AgentStateProjection.TableExistsAsync(db, t, ct)) existing++;
        var complete = existing == Tables.Length;
        if (!complete) await db.Database.ExecuteSqlRawAsync(string.Concat(Tables.Select(t => $"drop table if exists {t};")), ct);
        await db.Database.ExecuteSqlRawAsync(Ddl, ct);
        return !complete;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var c = (NpgsqlConnection)db.Database.GetDbConnection();
        var fresh = new HashSet<string>();
        foreach (var recorded in batch)
        {
            if (AlarmStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
            await (e switch
            {
                AlarmCallCounted x => Sql.ExecAsync(c, "insert into alarm_calls values ($1, $2, $3) on conflict (area, call_id) do update set at = excluded.at",
                    ct, x.Area, x.CallId, x.At.ToUniversalTime()),
                AlarmCallUncounted x => UncountedAsync(c, x, ct),
                AlarmLevelChanged x => Sql.ExecAsync(c, "insert into alarm_transitions values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing",
                    ct, x.Area, x.At.ToUniversalTime(), AlarmLevels.KindOf(x.FromLevel, x.Level), x.FromLevel, x.Level, x.Count, x.WindowMinutes),
                AlarmHistoryRevised x => Sql.ExecAsync(c, "delete from alarm_transitions where area = $1 and at >= $2", ct, x.Area, x.At.ToUniversalTime()),
                _ => Task.CompletedTask,
            });
            if (push.IsFresh(recorded.Created)) fresh.Add(e.Area);
        }
        return fresh;
    }

    static async Task UncountedAsync(NpgsqlConnection c, AlarmCallUncounted x, CancellationToken ct)
    {
        await Sql.ExecAsync(c, "delete from alarm_calls where area = $1 and call_id = $2", ct, x.Area, x.CallId);
        await Sql.ExecAsync(c, "insert into alarm_uncounts values ($1, $2, $3) on conflict do nothing", ct, x.Area, x.CallId, x.At.ToUniversalTime());
    }

    public async Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct)
    {
        if (applied is not HashSet<string> { Count: > 0 } areas) return;
        var db = services.GetRequiredService<ReadModelDb>();
        var queries = new AlarmQueries(await Sql.ConnectionAsync(db, ct));
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var area in areas) await push.AlarmChangedAsync(await queries.StatusAsync(area, now, ct), ct);
    }
}
