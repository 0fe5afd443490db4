using CallCenter.Infrastructure.Persistence;
using CallCenter.Calls.Purposes;

using Npgsql;

namespace CallCenter.Reports.OneTimeFix;

/// <summary>
/// R-RPT-1, the outcome of an inbound call tagged online troubleshooting (docs/kpis.md):
/// repeated — another inbound call from the same number arrived at or after its end and at most 2 h after it;
/// fixed — no such call, and the projection has seen a PBX event later than end + 2 h (the window is over in event time);
/// pending — otherwise (the window is still open, or the call has not ended yet).
/// A pure function of the call facts and the clock, recomputed for every row a batch could have changed,
/// so the rows are the same whatever the ingestion order and after a rebuild.
/// </summary>
public static class OneTimeFixOutcomes
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(2);
    public const string Fixed = "fixed";
    public const string Repeated = "repeated";
    public const string Pending = "pending";

    /// <summary>Recomputes the rows of the touched calls, of tagged calls with a touched number, and every pending row (the clock moved).</summary>
    public static async Task RecomputeAsync(NpgsqlConnection connection, IReadOnlyCollection<string> callIds, IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        await Sql.ExecAsync(connection, """
            insert into one_time_fix_outcomes (call_id, agent_id, skill_group, area, ani, ended_at, outcome, repeat_call_id)
            select t.call_id, t.tag_agent, t.queue, t.area, t.ani, t.ended_at,
                case when r.call_id is not null then 'repeated'
                     when t.ended_at is not null and clock.latest_at > t.ended_at + $4 then 'fixed'
                     else 'pending' end,
                r.call_id
            from call_report_facts t
            left join call_report_clock clock on clock.id = 1
            left join lateral (
                select a.call_id from call_report_facts a
                where a.number = t.number and a.call_id <> t.call_id and a.arrived_at >= t.ended_at and a.arrived_at <= t.ended_at + $4
                order by a.arrived_at, a.call_id limit 1) r on true
            where t.purpose = $3 and t.number is not null
              and (t.call_id = any($1) or t.number = any($2) or t.call_id in (select call_id from one_time_fix_outcomes where outcome = 'pending'))
            on conflict (call_id) do update set agent_id = excluded.agent_id, skill_group = excluded.skill_group, area = excluded.area,
                ani = excluded.ani, ended_at = excluded.ended_at, outcome = excluded.outcome, repeat_call_id = excluded.repeat_call_id
            """, ct, callIds.ToArray(), numbers.ToArray(), CallPurposes.OnlineTroubleshooting, Window);
        // Tagged again with another purpose: no longer a one-time-fix call.
        await Sql.ExecAsync(connection, """
            delete from one_time_fix_outcomes o where o.call_id = any($1)
              and not exists (select 1 from call_report_facts t where t.call_id = o.call_id and t.purpose = $2 and t.number is not null)
            """, ct, callIds.ToArray(), CallPurposes.OnlineTroubleshooting);
    }
}
