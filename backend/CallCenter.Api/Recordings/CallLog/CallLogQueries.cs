using System.Text;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Recordings.Listening;
using Npgsql;

namespace CallCenter.Recordings.CallLog;

/// <summary>What to look for in the call log (every criterion optional). Number: part of the caller's or callee's number.</summary>
public sealed record CallFilter(
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? AgentId = null, string? Number = null, string? Ani = null,
    string? Dnis = null, string? CallId = null, int? MinSeconds = null, int? MaxSeconds = null, string? Purpose = null,
    string? Team = null, int Take = 200);

/// <summary>A row of the recording search (API.md "Recordings and the call log"); the extra fields are additive.</summary>
public sealed record RecordingDto(string Id, string CallId, string? AgentId, DateTimeOffset StartedAt, int DurationSeconds, string? Ani,
    string? Dnis, string? Direction, string? Queue, string? Purpose, string AudioUrl);

/// <summary>A row of the call log (seed 003 "通话记录"). DurationSeconds: the talk time (0 when nobody answered).</summary>
public sealed record CallLogEntry(string CallId, DateTimeOffset StartedAt, string? Number, string? Direction, int DurationSeconds,
    string? AgentId, string? Queue, string? Purpose, string? Subtype, string? RecordingId);

public static class CallLogQueries
{
    const string Talk = "coalesce(round(extract(epoch from c.ended_at - c.answered_at))::int, 0)";
    const string RecordingSeconds = "coalesce(c.recording_seconds, " + Talk + ")";

    public static async Task<List<RecordingDto>> RecordingsAsync(NpgsqlConnection connection, CallFilter f, CallScope scope, CancellationToken ct)
    {
        var (where, args) = Where(f, scope, "coalesce(c.answered_at, c.started_at)", RecordingSeconds);
        where.Append(" and c.recording_uri is not null and c.recording_deleted_at is null");
        return await Sql.QueryAsync(connection, $"""
            select c.call_id, c.agent_id, coalesce(c.answered_at, c.started_at, c.recording_at), {RecordingSeconds}, c.ani, c.dnis,
                   c.direction, c.queue, c.purpose
            from call_log c where {where}
            order by coalesce(c.answered_at, c.started_at) desc, c.call_id limit {f.Take}
            """, r => new RecordingDto(r.GetString(0), r.GetString(0), Sql.Text(r, 1), r.GetFieldValue<DateTimeOffset>(2), r.GetInt32(3),
                Sql.Text(r, 4), Sql.Text(r, 5), Sql.Text(r, 6), Sql.Text(r, 7), Sql.Text(r, 8), AudioUrl(r.GetString(0))), ct, [.. args]);
    }

    public static async Task<List<CallLogEntry>> CallsAsync(NpgsqlConnection connection, CallFilter f, CallScope scope, CancellationToken ct)
    {
        var (where, args) = Where(f, scope, "c.started_at", Talk);
        where.Append(" and c.started_at is not null");
        return await Sql.QueryAsync(connection, $"""
            select c.call_id, date_trunc('second', c.started_at), c.number, c.direction, {Talk}, c.agent_id, c.queue, c.purpose, c.subtype,
                   case when c.recording_uri is not null and c.recording_deleted_at is null then c.call_id end
            from call_log c where {where}
            order by c.started_at desc, c.call_id limit {f.Take}
            """, r => new CallLogEntry(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), Sql.Text(r, 2), Sql.Text(r, 3), r.GetInt32(4),
                Sql.Text(r, 5), Sql.Text(r, 6), Sql.Text(r, 7), Sql.Text(r, 8), Sql.Text(r, 9)), ct, [.. args]);
    }

    /// <summary>The recording's row (for the access check and the audio), deleted or not.</summary>
    public static async Task<(string Location, string[] Agents, bool Deleted)?> RecordingAsync(NpgsqlConnection connection, string id, CancellationToken ct)
    {
        var rows = await Sql.QueryAsync(connection, """
            select recording_uri, agents, recording_deleted_at is not null from call_log where call_id = $1 and recording_uri is not null
            """, r => (r.GetString(0), r.GetFieldValue<string[]>(1), r.GetBoolean(2)), ct, id);
        return rows.Count == 0 ? null : rows[0];
    }

    public static string AudioUrl(string id) => $"/api/recordings/{Uri.EscapeDataString(id)}/audio";

    static (StringBuilder Where, List<object?> Args) Where(CallFilter f, CallScope scope, string time, string seconds)
    {
        var where = new StringBuilder("true");
        var args = new List<object?>();
        void Add(string condition, object value)
        {
            args.Add(value);
            where.Append(" and ").Append(condition.Replace("$?", "$" + args.Count));
        }
        if (!scope.All)
        {
            var mine = new List<string>();
            if (scope.Self is { } self) { args.Add(self); mine.Add($"${args.Count} = any(c.agents)"); }
            if (scope.Team is { } team) { args.Add(team); mine.Add($"exists (select 1 from users u where u.id = any(c.agents) and u.team = ${args.Count})"); }
            where.Append(" and (").Append(mine.Count == 0 ? "false" : string.Join(" or ", mine)).Append(')');
        }
        if (f.From is { } from) Add($"{time} >= $?", from.ToUniversalTime());
        if (f.To is { } to) Add($"{time} < $?", to.ToUniversalTime());
        if (f.AgentId is { Length: > 0 } agent) Add("$? = any(c.agents)", agent);
        if (f.Number is { Length: > 0 } number) Add("(c.ani like $? or c.dnis like $? or c.number like $?)", Like(number));
        if (f.Ani is { Length: > 0 } ani) Add("c.ani like $?", Like(ani));
        if (f.Dnis is { Length: > 0 } dnis) Add("c.dnis like $?", Like(dnis));
        if (f.CallId is { Length: > 0 } callId) Add("c.call_id = $?", callId);
        if (f.MinSeconds is { } min) Add($"{seconds} >= $?", min);
        if (f.MaxSeconds is { } max) Add($"{seconds} <= $?", max);
        if (f.Purpose is { Length: > 0 } purpose) Add("c.purpose = $?", purpose);
        if (f.Team is { Length: > 0 } team2) Add("exists (select 1 from users u where u.id = any(c.agents) and u.team = $?)", team2);
        return (where, args);
    }

    static string Like(string text) => "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
}
