using CallCenter.Calls;
using CallCenter.Infrastructure.Persistence;
using Npgsql;

namespace CallCenter.Recordings.CallLog;

/// <summary>
/// Writes call_log. Every write is an upsert that keeps the earliest start and answer, the latest end, queue and tag (ties by
/// value), so a call's row is the same whatever order its events arrive in.
/// </summary>
public sealed class CallLogStore(NpgsqlConnection connection)
{
    public Task ArrivedAsync(CallArrived e, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_log as t (call_id, direction, ani, dnis, number, started_at) values ($1, 'inbound', $2, $3, $2, $4)
        on conflict (call_id) do update set direction = 'inbound', ani = excluded.ani, dnis = excluded.dnis, number = excluded.number,
            started_at = least(t.started_at, excluded.started_at)
        """, ct, e.CallId, e.Ani, e.Dnis, e.At.ToUniversalTime());

    /// <summary>An agent placed the call: outbound to a number (connected at once), or internal to a colleague.</summary>
    public async Task DialedAsync(CallDialed e, CancellationToken ct)
    {
        var outbound = e.Kind == CallKinds.Outbound;
        await Sql.ExecAsync(connection, """
            insert into call_log as t (call_id, direction, dnis, number, started_at, agent_id, agents) values ($1, $2, $3, $3, $4, $5, array[$5])
            on conflict (call_id) do update set direction = excluded.direction, dnis = excluded.dnis, number = excluded.number,
                started_at = least(t.started_at, excluded.started_at), agent_id = excluded.agent_id,
                agents = case when $5 = any(t.agents) then t.agents else t.agents || $5 end
            """, ct, e.CallId, outbound ? "outbound" : "internal", e.Number ?? e.TargetAgentId ?? e.TargetQueue, e.At.ToUniversalTime(), e.AgentId);
        if (outbound) await AnsweredAtAsync(e.CallId, e.AgentId, e.At, ct);
    }

    public Task QueuedAsync(string callId, string queue, DateTimeOffset at, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_log as t (call_id, queue, queue_at) values ($1, $2, $3)
        on conflict (call_id) do update set queue = excluded.queue, queue_at = excluded.queue_at
        where t.queue_at is null or (excluded.queue_at, excluded.queue) > (t.queue_at, t.queue)
        """, ct, callId, queue, at.ToUniversalTime());

    /// <summary>An agent joined the call (answered, or was conferenced in).</summary>
    public Task JoinedAsync(string callId, string agentId, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_log as t (call_id, agents) values ($1, array[$2])
        on conflict (call_id) do update set agents = case when $2 = any(t.agents) then t.agents else t.agents || $2 end
        """, ct, callId, agentId);

    /// <summary>The customer and an agent were connected: the first such moment starts the talk time, and its agent owns the call.</summary>
    public Task AnsweredAtAsync(string callId, string agentId, DateTimeOffset at, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_log as t (call_id, answered_at, agent_id) values ($1, $2, $3)
        on conflict (call_id) do update set answered_at = excluded.answered_at, agent_id = excluded.agent_id
        where t.answered_at is null or (excluded.answered_at, excluded.agent_id) < (t.answered_at, t.agent_id)
        """, ct, callId, at.ToUniversalTime(), agentId);

    public Task EndedAsync(CallEnded e, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_log as t (call_id, ended_at) values ($1, $2)
        on conflict (call_id) do update set ended_at = greatest(t.ended_at, excluded.ended_at)
        """, ct, e.CallId, e.At.ToUniversalTime());

    public Task TaggedAsync(CallTagged e, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_log as t (call_id, purpose, subtype, tagged_at) values ($1, $2, $3, $4)
        on conflict (call_id) do update set purpose = excluded.purpose, subtype = excluded.subtype, tagged_at = excluded.tagged_at
        where t.tagged_at is null or (excluded.tagged_at, excluded.purpose, excluded.subtype) > (t.tagged_at, t.purpose, t.subtype)
        """, ct, e.CallId, e.Purpose, e.Subtype, e.At.ToUniversalTime());

    public Task RecordedAsync(RecordingReady e, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_log as t (call_id, recording_uri, recording_seconds, recording_at) values ($1, $2, $3, $4)
        on conflict (call_id) do update set recording_uri = excluded.recording_uri, recording_seconds = excluded.recording_seconds,
            recording_at = excluded.recording_at
        where t.recording_at is null or (excluded.recording_at, excluded.recording_uri) > (t.recording_at, t.recording_uri)
        """, ct, e.CallId, e.RecordingUri, e.DurationSeconds, e.At.ToUniversalTime());

    public Task RecordingDeletedAsync(RecordingDeleted e, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_log as t (call_id, recording_deleted_at) values ($1, $2)
        on conflict (call_id) do update set recording_deleted_at = least(t.recording_deleted_at, excluded.recording_deleted_at)
        """, ct, e.RecordingId, e.At.ToUniversalTime());
}
