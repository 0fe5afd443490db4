using CallCenter.Infrastructure.Persistence;
using CallCenter.Customers;
using Npgsql;

namespace CallCenter.Calls.ScreenPops;

/// <summary>What the pop knows of one call (from its arrival or dial).</summary>
public sealed record CallFacts(string CallId, string? Kind, string? Ani, string? Dnis, string[] IvrTrail, DateTimeOffset? ArrivedAt, string? ConsultFor);

/// <summary>screen_pop_calls: calls by number (R-POP-4). Every write is an upsert, so a call's facts may arrive in any order.</summary>
public sealed class CallFactsStore(NpgsqlConnection connection)
{
    public static string? NumberOf(string? ani) => PhoneNumbers.Normalize(ani) ?? ani;

    public Task ArrivedAsync(CallArrived e, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into screen_pop_calls (call_id, kind, number, ani, dnis, ivr_trail, arrived_at, position) values ($1, 'inbound', $2, $3, $4, $5, $6, $7)
        on conflict (call_id) do update set kind = excluded.kind, number = excluded.number, ani = excluded.ani, dnis = excluded.dnis,
            ivr_trail = excluded.ivr_trail, arrived_at = excluded.arrived_at, position = excluded.position
        """, ct, e.CallId, NumberOf(e.Ani), e.Ani, e.Dnis, e.IvrTrail, e.At.ToUniversalTime(), (long)position);

    /// <summary>An outbound call pops by the dialed number; consult and help calls by the call they are about.</summary>
    public Task DialedAsync(CallDialed e, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into screen_pop_calls (call_id, kind, number, ani, arrived_at, consult_for, position) values ($1, $2, $3, $4, $5, $6, $7)
        on conflict (call_id) do update set kind = excluded.kind, number = excluded.number, ani = excluded.ani,
            arrived_at = excluded.arrived_at, consult_for = excluded.consult_for, position = excluded.position
        """, ct, e.CallId, e.Kind, NumberOf(e.Number), e.Number, e.At.ToUniversalTime(), e.ConsultFor, (long)position);

    /// <summary>Who answered first, in event time (a transfer's later answers do not replace it).</summary>
    public Task AnsweredAsync(string callId, string agentId, string agentName, DateTimeOffset at, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into screen_pop_calls as c (call_id, agent_id, agent_name, answered_at, position) values ($1, $2, $3, $4, $5)
        on conflict (call_id) do update set position = excluded.position,
            agent_id = case when c.answered_at is null or excluded.answered_at < c.answered_at then excluded.agent_id else c.agent_id end,
            agent_name = case when c.answered_at is null or excluded.answered_at < c.answered_at then excluded.agent_name else c.agent_name end,
            answered_at = least(c.answered_at, excluded.answered_at)
        """, ct, callId, agentId, agentName, at.ToUniversalTime(), (long)position);

    /// <summary>Every tag is kept with its time: a pop shows the latest tag before it was offered (R-POP-4), whatever the arrival order.</summary>
    public Task TaggedAsync(CallTagged e, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into screen_pop_calls as c (call_id, purpose, subtype, tags, position)
        values ($1, $2, $3, jsonb_build_array(jsonb_build_object('at', $4::timestamptz, 'purpose', $2, 'subtype', $3)), $5)
        on conflict (call_id) do update set position = excluded.position, tags = c.tags || excluded.tags,
            purpose = excluded.purpose, subtype = excluded.subtype
        """, ct, e.CallId, e.Purpose, e.Subtype, e.At.ToUniversalTime(), (long)position);

    /// <summary>An agent joined the call (conference, connect-and-release): kept even when the call has no pop yet.</summary>
    public Task JoinedAsync(string callId, string agentId, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into screen_pop_calls as c (call_id, joined, position) values ($1, array[$2], $3)
        on conflict (call_id) do update set position = excluded.position,
            joined = case when $2 = any(c.joined) then c.joined else c.joined || $2 end
        """, ct, callId, agentId, (long)position);

    public async Task<CallFacts?> FindAsync(string callId, CancellationToken ct)
    {
        var rows = await Sql.QueryAsync(connection, "select call_id, kind, ani, dnis, ivr_trail, arrived_at, consult_for from screen_pop_calls where call_id = $1",
            r => new CallFacts(r.GetString(0), Sql.Text(r, 1), Sql.Text(r, 2), Sql.Text(r, 3), r.GetFieldValue<string[]>(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), Sql.Text(r, 6)), ct, callId);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// R-POP-4: the last calls from this number that arrived before <paramref name="before"/>, newest first, with who answered
    /// and the latest tag as known at <paramref name="asOf"/> (the offer): event time only, so any arrival order gives the same.
    /// </summary>
    public Task<List<RecentCall>> RecentAsync(string? number, DateTimeOffset before, DateTimeOffset asOf, string excludingCallId, int take, CancellationToken ct) =>
        number is null ? Task.FromResult(new List<RecentCall>()) : Sql.QueryAsync(connection, """
            select c.call_id, c.arrived_at, c.ani, c.ivr_trail,
                case when c.tags = '[]' then c.purpose else t.purpose end, case when c.tags = '[]' then c.subtype else t.subtype end,
                case when c.answered_at is null or c.answered_at <= $5 then c.agent_id end,
                case when c.answered_at is null or c.answered_at <= $5 then c.agent_name end
            from screen_pop_calls c
            left join lateral (select x->>'purpose' as purpose, x->>'subtype' as subtype from jsonb_array_elements(c.tags) x
                where (x->>'at')::timestamptz <= $5 order by (x->>'at')::timestamptz desc, x->>'purpose' desc, x->>'subtype' desc limit 1) t on true
            where c.kind = 'inbound' and c.number = $1 and c.arrived_at < $2 and c.call_id <> $3
            order by c.arrived_at desc, c.call_id desc limit $4
            """, r => new RecentCall(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), Sql.Text(r, 2), r.GetFieldValue<string[]>(3),
                Sql.Text(r, 4), Sql.Text(r, 5), Sql.Text(r, 6), Sql.Text(r, 7)), ct, number, before.ToUniversalTime(), excludingCallId, take, asOf.ToUniversalTime());

    /// <summary>
    /// The pops a batch's late facts may change (issue 12: a pop is a function of the events before its offer, in event time):
    /// pops of the calls that arrived (an offer stored before its call's arrival), and pops of later calls from the same
    /// number offered at or after a fact (arrival, answer, tag) of an earlier call. Own pops first (a consult's pop copies its call's).
    /// </summary>
    public Task<List<string>> PopsToRecomputeAsync(string[] arrived, string[] factCalls, DateTimeOffset[] factTimes, CancellationToken ct) =>
        Sql.QueryAsync(connection, """
            select call_id from (
                select p.call_id, p.about_call_id from screen_pops p where p.about_call_id = any($1)
                union
                select p.call_id, p.about_call_id from unnest($2::text[], $3::timestamptz[]) f(call_id, at)
                join screen_pop_calls c on c.call_id = f.call_id and c.kind = 'inbound'
                join screen_pop_calls d on d.number = c.number and d.kind = 'inbound' and d.arrived_at > c.arrived_at
                join screen_pops p on p.about_call_id = d.call_id and p.offered_at >= f.at) x
            order by (call_id <> about_call_id), call_id
            """, r => r.GetString(0), ct, arrived, factCalls, factTimes.Select(t => t.ToUniversalTime()).ToArray());
}
