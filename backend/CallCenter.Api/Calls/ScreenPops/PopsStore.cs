using CallCenter.Infrastructure.Persistence;
using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.Calls.ScreenPops;

/// <summary>A stored pop: the call it rings on, who it was offered to (the last one too), when it was first offered and its content.</summary>
public sealed record StoredPop(string CallId, string? AgentId, string[] OfferedTo, PopContent Content, DateTimeOffset OfferedAt);

/// <summary>
/// screen_pops: one pop per offered call. Every write is order-independent (issue 12): the first offer by event time sets
/// <c>offered_at</c>, the latest sets <c>agent_id</c>, and <c>offered_to</c> is the sorted set of agents it rang at or who joined.
/// </summary>
public sealed class PopsStore(NpgsqlConnection connection)
{
    public async Task<StoredPop?> FindAsync(string callId, CancellationToken ct)
    {
        var rows = await Sql.QueryAsync(connection, "select call_id, agent_id, offered_to, pop::text, offered_at from screen_pops where call_id = $1",
            r => new StoredPop(r.GetString(0), Sql.Text(r, 1), r.GetFieldValue<string[]>(2), JsonSerializer.Deserialize<PopContent>(r.GetString(3), Json.Options)!,
                r.GetFieldValue<DateTimeOffset>(4)),
            ct, callId);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>The first offer stored; agents who joined the call before it was stored (any arrival order) may read it too.</summary>
    public Task InsertAsync(string callId, string agentId, DateTimeOffset offeredAt, PopContent content, ulong position, CancellationToken ct) =>
        Sql.ExecAsync(connection, """
            insert into screen_pops (call_id, about_call_id, agent_id, offered_to, offered_at, last_offered_at, pop, position)
            values ($1, $2, $3, array(select distinct a from unnest(array[$3] || coalesce((select joined from screen_pop_calls where call_id = $1), array[]::text[])) a order by a),
                $4, $4, $5, $6)
            on conflict (call_id) do nothing
            """, ct, callId, content.AboutCallId, agentId, offeredAt.ToUniversalTime(),
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(content, Json.Options) }, (long)position);

    /// <summary>The call is offered again (a transfer, R-POP-6, or an earlier offer stored late): the agent may read it too.</summary>
    public Task OfferedAgainAsync(string callId, string agentId, DateTimeOffset at, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        update screen_pops set position = $3,
            agent_id = case when last_offered_at is null or $4 >= last_offered_at then $2 else agent_id end,
            last_offered_at = greatest(last_offered_at, $4),
            offered_at = least(offered_at, $4),
            offered_to = array(select distinct a from unnest(offered_to || $2) a order by a)
        where call_id = $1
        """, ct, callId, agentId, (long)position, at.ToUniversalTime());

    /// <summary>An agent joined the call (conference, connect-and-release): may read its pop too.</summary>
    public Task JoinedAsync(string callId, string agentId, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        update screen_pops set position = $3, offered_to = array(select distinct a from unnest(offered_to || $2) a order by a)
        where call_id = $1
        """, ct, callId, agentId, (long)position);

    public Task ReplaceContentAsync(string callId, PopContent content, CancellationToken ct) => Sql.ExecAsync(connection,
        "update screen_pops set pop = $2 where call_id = $1", ct, callId,
        new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(content, Json.Options) });

    public Task DeleteAsync(string callId, CancellationToken ct) => Sql.ExecAsync(connection, "delete from screen_pops where call_id = $1", ct, callId);
}
