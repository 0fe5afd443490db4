using System.Text.Json;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.EventSourcing;
using Npgsql;

namespace CallCenter.Reports.Intervals;

/// <summary>The projection's set-based SQL: one query per batch to load working state, one statement per table to write.</summary>
public sealed class IntervalKpiStore(NpgsqlConnection connection)
{
    static readonly int N = Measures.Columns.Length;
    static readonly string Cols = string.Join(", ", Measures.Columns);

    static readonly string UpsertIntervals = $"""
        insert into kpi_intervals (bucket_start, skill_group, agent_id, area, dnis, {Cols})
        select * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[],
            {string.Join(", ", Enumerable.Range(6, N).Select(i => $"${i}::bigint[]"))})
        on conflict (bucket_start, skill_group, agent_id, area, dnis) do update set
            {string.Join(", ", Measures.Columns.Select(c => $"{c} = kpi_intervals.{c} + excluded.{c}"))}
        """;

    /// <summary>Rows a call moved out of, left with nothing, go: a rebuild (other batches) would never have made them.</summary>
    static readonly string DeleteEmpty = $"""
        delete from kpi_intervals k using unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[]) as d(b, s, a, ar, dn)
        where k.bucket_start = d.b and k.skill_group = d.s and k.agent_id = d.a and k.area = d.ar and k.dnis = d.dn
          and {string.Join(" and ", Measures.Columns.Select(c => $"k.{c} = 0"))}
        """;

    public async Task<Dictionary<string, T>> LoadAsync<T>(string table, string idColumn, ICollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await Sql.QueryAsync(connection, $"select {idColumn}, work::text from {table} where {idColumn} = any($1)",
            r => (r.GetString(0), JsonSerializer.Deserialize<T>(r.GetString(1), Json.Options)!), ct, (object)ids.ToArray());
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }

    public async Task SaveAsync<T>(string table, string idColumn, List<(string Id, T Work)> upserts, List<string> deletes, CancellationToken ct)
    {
        if (upserts.Count > 0)
            await Sql.ExecAsync(connection, $"""
                insert into {table} ({idColumn}, work) select id, w::jsonb from unnest($1::text[], $2::text[]) as t(id, w)
                on conflict ({idColumn}) do update set work = excluded.work
                """, ct, upserts.Select(u => u.Id).ToArray(), upserts.Select(u => JsonSerializer.Serialize(u.Work, Json.Options)).ToArray());
        if (deletes.Count > 0) await Sql.ExecAsync(connection, $"delete from {table} where {idColumn} = any($1)", ct, (object)deletes.ToArray());
    }

    public async Task AddIntervalsAsync(Dictionary<IntervalKey, long[]> deltas, CancellationToken ct)
    {
        var rows = deltas.Where(d => d.Value.Any(v => v != 0)).ToList();
        if (rows.Count == 0) return;
        var args = new List<object?>
        {
            rows.Select(r => r.Key.Bucket).ToArray(), rows.Select(r => r.Key.SkillGroup).ToArray(), rows.Select(r => r.Key.Agent).ToArray(),
            rows.Select(r => r.Key.Area).ToArray(), rows.Select(r => r.Key.Dnis).ToArray(),
        };
        for (var i = 0; i < N; i++) args.Add(rows.Select(r => r.Value[i]).ToArray());
        await Sql.ExecAsync(connection, UpsertIntervals, ct, [.. args]);
        var emptied = rows.Where(r => r.Value.Any(v => v < 0)).ToList();
        if (emptied.Count > 0)
            await Sql.ExecAsync(connection, DeleteEmpty, ct, emptied.Select(r => r.Key.Bucket).ToArray(), emptied.Select(r => r.Key.SkillGroup).ToArray(),
                emptied.Select(r => r.Key.Agent).ToArray(), emptied.Select(r => r.Key.Area).ToArray(), emptied.Select(r => r.Key.Dnis).ToArray());
    }

    public Task UpsertCallsAsync(IReadOnlyCollection<CallFact> facts, CancellationToken ct) => facts.Count == 0 ? Task.CompletedTask : Sql.ExecAsync(connection, """
        insert into kpi_calls (call_id, bucket_start, skill_group, agent_id, area, dnis, queued, answer_wait_ms, abandon_wait_ms, answer_wait_all_ms, talk_ms)
        select * from unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[])
        on conflict (call_id) do update set bucket_start = excluded.bucket_start, skill_group = excluded.skill_group, agent_id = excluded.agent_id,
            area = excluded.area, dnis = excluded.dnis, queued = excluded.queued, answer_wait_ms = excluded.answer_wait_ms,
            abandon_wait_ms = excluded.abandon_wait_ms, answer_wait_all_ms = excluded.answer_wait_all_ms, talk_ms = excluded.talk_ms
        """, ct, facts.Select(f => f.CallId).ToArray(), facts.Select(f => f.Bucket).ToArray(), facts.Select(f => f.SkillGroup).ToArray(),
        facts.Select(f => f.Agent).ToArray(), facts.Select(f => f.Area).ToArray(), facts.Select(f => f.Dnis).ToArray(), facts.Select(f => f.Queued).ToArray(),
        facts.Select(f => f.AnswerWaitMs).ToArray(), facts.Select(f => f.AbandonWaitMs).ToArray(), facts.Select(f => f.AnswerWaitAllMs).ToArray(),
        facts.Select(f => f.TalkMs).ToArray());

    /// <summary>The projection's clock: the latest call event time applied (one row).</summary>
    public async Task<DateTimeOffset?> LoadClockAsync(CancellationToken ct)
    {
        var rows = await Sql.QueryAsync(connection, "select clock from kpi_state where id = 1", r => r.GetFieldValue<DateTimeOffset>(0), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task SaveClockAsync(DateTimeOffset clock, CancellationToken ct) => Sql.ExecAsync(connection, """
        insert into kpi_state (id, clock) values (1, $1) on conflict (id) do update set clock = excluded.clock
        """, ct, clock.ToUniversalTime());

    /// <summary>Working states of calls idle for longer than <see cref="CallWork.MaxIdle"/> at the clock go (they are closed).</summary>
    public Task DropIdleCallsAsync(DateTimeOffset clock, CancellationToken ct) => Sql.ExecAsync(connection,
        "delete from kpi_call_work where (work->>'lastAt')::timestamptz < $1", ct, (clock - CallWork.MaxIdle).ToUniversalTime());

    public Task AddAgentStatesAsync(Dictionary<AgentStateKey, long> added, CancellationToken ct)
    {
        var rows = added.Where(a => a.Value != 0).ToList();
        return rows.Count == 0 ? Task.CompletedTask : Sql.ExecAsync(connection, """
            insert into kpi_agent_states (bucket_start, agent_id, skill_group, state, reason, ms)
            select * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
            on conflict (bucket_start, agent_id, skill_group, state, reason) do update set ms = kpi_agent_states.ms + excluded.ms
            """, ct, rows.Select(r => r.Key.Bucket).ToArray(), rows.Select(r => r.Key.Agent).ToArray(), rows.Select(r => r.Key.SkillGroup).ToArray(),
            rows.Select(r => r.Key.State).ToArray(), rows.Select(r => r.Key.Reason).ToArray(), rows.Select(r => r.Value).ToArray());
    }

    /// <summary>Forgets an agent's state time (it is recounted from the agent's stream).</summary>
    public Task DeleteAgentStatesAsync(string agentId, CancellationToken ct) =>
        Sql.ExecAsync(connection, "delete from kpi_agent_states where agent_id = $1", ct, agentId);
}
