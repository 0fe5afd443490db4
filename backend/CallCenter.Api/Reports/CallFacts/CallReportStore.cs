using CallCenter.Calls.ScreenPops;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Calls;

using Npgsql;

namespace CallCenter.Reports.CallFacts;

/// <summary>
/// Writes call_report_facts. Every write is an upsert that keeps the value with the latest event time (ties by value),
/// so the row is the same whatever order a call's events arrive in (history ingested after the fact, shuffled batches).
/// </summary>
public sealed class CallReportStore(NpgsqlConnection connection)
{
    public Task ArrivedAsync(CallArrived e, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_report_facts as t (call_id, number, ani, arrived_at) values ($1, $2, $3, $4)
        on conflict (call_id) do update set number = excluded.number, ani = excluded.ani, arrived_at = excluded.arrived_at
        where t.arrived_at is null or (excluded.arrived_at, excluded.ani) < (t.arrived_at, t.ani)
        """, ct, e.CallId, CallFactsStore.NumberOf(e.Ani), e.Ani, e.At.ToUniversalTime());

    /// <summary>The skill group: the queue of the call's latest CallQueued or queued CallOffered.</summary>
    public Task QueuedAsync(string callId, string queue, DateTimeOffset at, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_report_facts as t (call_id, queue, queue_at) values ($1, $2, $3)
        on conflict (call_id) do update set queue = excluded.queue, queue_at = excluded.queue_at
        where t.queue_at is null or (excluded.queue_at, excluded.queue) > (t.queue_at, t.queue)
        """, ct, callId, queue, at.ToUniversalTime());

    public Task AnsweredAsync(CallAnswered e, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_report_facts as t (call_id, answered_by, answered_at) values ($1, $2, $3)
        on conflict (call_id) do update set answered_by = excluded.answered_by, answered_at = excluded.answered_at
        where t.answered_at is null or (excluded.answered_at, excluded.answered_by) > (t.answered_at, t.answered_by)
        """, ct, e.CallId, e.AgentId, e.At.ToUniversalTime());

    public Task EndedAsync(CallEnded e, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_report_facts as t (call_id, ended_at) values ($1, $2)
        on conflict (call_id) do update set ended_at = greatest(t.ended_at, excluded.ended_at)
        """, ct, e.CallId, e.At.ToUniversalTime());

    /// <summary>A call tagged again (R-TAG-1 lets the agent correct it): the latest tag by event time counts.</summary>
    public Task TaggedAsync(CallTagged e, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_report_facts as t (call_id, purpose, tag_agent, customer_id, area, tagged_at) values ($1, $2, $3, $4, $5, $6)
        on conflict (call_id) do update set purpose = excluded.purpose, tag_agent = excluded.tag_agent, customer_id = excluded.customer_id,
            area = excluded.area, tagged_at = excluded.tagged_at
        where t.tagged_at is null or (excluded.tagged_at, excluded.purpose, excluded.tag_agent) > (t.tagged_at, t.purpose, t.tag_agent)
        """, ct, e.CallId, e.Purpose, e.AgentId, e.CustomerId, e.Area, e.At.ToUniversalTime());

    public Task SurveyedAsync(SurveyCompleted e, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_report_facts as t (call_id, survey_score, survey_agent, survey_at) values ($1, $2, $3, $4)
        on conflict (call_id) do update set survey_score = excluded.survey_score, survey_agent = excluded.survey_agent, survey_at = excluded.survey_at
        where t.survey_at is null or (excluded.survey_at, excluded.survey_score) > (t.survey_at, t.survey_score)
        """, ct, e.CallId, e.Score, e.AgentId, e.At.ToUniversalTime());

    /// <summary>The latest PBX event time seen; only ever moves forward.</summary>
    public Task AdvanceClockAsync(DateTimeOffset at, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into call_report_clock as t (id, latest_at) values (1, $1)
        on conflict (id) do update set latest_at = greatest(t.latest_at, excluded.latest_at)
        """, ct, at.ToUniversalTime());
}
