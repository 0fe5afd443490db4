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

    public Task AnsweredAsync(string callId, string agentId, string agentName, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into screen_pop_calls (call_id, agent_id, agent_name, position) values ($1, $2, $3, $4)
        on conflict (call_id) do update set agent_id = excluded.agent_id, agent_name = excluded.agent_name, position = excluded.position
        """, ct, callId, agentId, agentName, (long)position);

    public Task TaggedAsync(CallTagged e, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into screen_pop_calls (call_id, purpose, subtype, position) values ($1, $2, $3, $4)
        on conflict (call_id) do update set purpose = excluded.purpose, subtype = excluded.subtype, position = excluded.position
        """, ct, e.CallId, e.Purpose, e.Subtype, (long)position);

    public async Task<CallFacts?> FindAsync(string callId, CancellationToken ct)
    {
        var rows = await Sql.QueryAsync(connection, "select call_id, kind, ani, dnis, ivr_trail, arrived_at, consult_for from screen_pop_calls where call_id = $1",
            r => new CallFacts(r.GetString(0), Sql.Text(r, 1), Sql.Text(r, 2), Sql.Text(r, 3), r.GetFieldValue<string[]>(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), Sql.Text(r, 6)), ct, callId);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>R-POP-4: the last calls from this number that arrived before <paramref name="before"/> (event time), newest first.</summary>
    public Task<List<RecentCall>> RecentAsync(string? number, DateTimeOffset before, string excludingCallId, int take, CancellationToken ct) =>
        number is null ? Task.FromResult(new List<RecentCall>()) : Sql.QueryAsync(connection, """
            select call_id, arrived_at, ani, ivr_trail, purpose, subtype, agent_id, agent_name from screen_pop_calls
            where kind = 'inbound' and number = $1 and arrived_at < $2 and call_id <> $3
            order by arrived_at desc, call_id desc limit $4
            """, r => new RecentCall(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), Sql.Text(r, 2), r.GetFieldValue<string[]>(3),
                Sql.Text(r, 4), Sql.Text(r, 5), Sql.Text(r, 6), Sql.Text(r, 7)), ct, number, before.ToUniversalTime(), excludingCallId, take);
}
