using CallCenter.Customers;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Alarms.History;

/// <summary>An area's alarm now: level (1 most severe … 3; 0 none), calls in the window ending now, since when it is raised.</summary>
public sealed record AlarmStatus(string Area, string AreaName, int Level, int Count, int WindowMinutes, DateTimeOffset? Since, DateTimeOffset? ChangedAt);

/// <summary>One change of an area's alarm level (R-ALARM-2 history).</summary>
/// <remarks>Kind "uncounted": a call stopped counting (its "work order dispatched" tag was replaced); CallId names it, levels are -1.</remarks>
public sealed record AlarmChange(string Area, string AreaName, DateTimeOffset At, string Kind, int FromLevel, int Level, int Count, int WindowMinutes,
    string? CallId = null);

public sealed class AlarmQueries(NpgsqlConnection connection)
{
    /// <summary>Every area whose latest change left an alarm raised.</summary>
    public async Task<IReadOnlyList<AlarmStatus>> ActiveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var areas = await Sql.QueryAsync(connection, """
            select area from (select distinct on (area) area, level from alarm_transitions where at <= $1 order by area, at desc) t where level > 0
            """, r => r.GetString(0), ct, now.ToUniversalTime());
        var active = new List<AlarmStatus>();
        foreach (var area in areas) active.Add(await StatusAsync(area, now, ct));
        return active.OrderBy(a => a.Level).ThenByDescending(a => a.Count).ToList();
    }

    public async Task<AlarmStatus> StatusAsync(string area, DateTimeOffset now, CancellationToken ct)
    {
        var latest = (await Sql.QueryAsync(connection, "select level, window_minutes, at from alarm_transitions where area = $1 and at <= $2 order by at desc limit 1",
            r => (Level: r.GetInt32(0), Window: r.GetInt32(1), At: r.GetFieldValue<DateTimeOffset>(2)), ct, area, now.ToUniversalTime())).FirstOrDefault();
        var window = latest.Window == 0 ? AlarmRule.Default.WindowMinutes : latest.Window;
        var count = (await Sql.QueryAsync(connection, "select count(*)::int from alarm_calls where area = $1 and at > $2 and at <= $3",
            r => r.GetInt32(0), ct, area, (now - TimeSpan.FromMinutes(window)).ToUniversalTime(), now.ToUniversalTime()))[0];
        DateTimeOffset? since = latest.Level == 0 ? null : (await Sql.QueryAsync(connection,
            "select at from alarm_transitions where area = $1 and kind = 'raised' and at <= $2 order by at desc limit 1",
            r => r.GetFieldValue<DateTimeOffset>(0), ct, area, latest.At)).FirstOrDefault();
        return new AlarmStatus(area, BusinessAreas.NameOf(area), latest.Level, count, window, since, latest.At == default ? null : latest.At);
    }

    public Task<List<AlarmChange>> HistoryAsync(DateTimeOffset from, DateTimeOffset to, string? area, CancellationToken ct) => Sql.QueryAsync(connection, """
        select area, at, kind, from_level, level, count, window_minutes, null::text from alarm_transitions
        where at >= $1 and at < $2 and ($3::text is null or area = $3)
        union all
        select area, at, 'uncounted', -1, -1, 0, 0, call_id from alarm_uncounts
        where at >= $1 and at < $2 and ($3::text is null or area = $3)
        order by 2, 1, 3
        """, r => new AlarmChange(r.GetString(0), BusinessAreas.NameOf(r.GetString(0)), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetInt32(3),
            r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), Sql.Text(r, 7)), ct, from.ToUniversalTime(), to.ToUniversalTime(), area);
}
