using CallCenter.Infrastructure.Persistence;
using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.Calls.ScreenPops;

/// <summary>A stored pop: the call it rings on, who it was offered to (the last one too) and its content.</summary>
public sealed record StoredPop(string CallId, string? AgentId, string[] OfferedTo, PopContent Content);

/// <summary>screen_pops: one pop per offered call.</summary>
public sealed class PopsStore(NpgsqlConnection connection)
{
    public async Task<StoredPop?> FindAsync(string callId, CancellationToken ct)
    {
        var rows = await Sql.QueryAsync(connection, "select call_id, agent_id, offered_to, pop::text from screen_pops where call_id = $1",
            r => new StoredPop(r.GetString(0), Sql.Text(r, 1), r.GetFieldValue<string[]>(2), JsonSerializer.Deserialize<PopContent>(r.GetString(3), Json.Options)!),
            ct, callId);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task InsertAsync(string callId, string agentId, DateTimeOffset offeredAt, PopContent content, ulong position, CancellationToken ct) =>
        Sql.ExecAsync(connection, """
            insert into screen_pops (call_id, about_call_id, agent_id, offered_to, offered_at, pop, position) values ($1, $2, $3, array[$3], $4, $5, $6)
            on conflict (call_id) do nothing
            """, ct, callId, content.AboutCallId, agentId, offeredAt.ToUniversalTime(),
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(content, Json.Options) }, (long)position);

    /// <summary>The call is offered again (a transfer, R-POP-6): the new agent may read it too.</summary>
    public Task OfferedAgainAsync(string callId, string agentId, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        update screen_pops set agent_id = $2, position = $3,
            offered_to = case when $2 = any(offered_to) then offered_to else offered_to || $2 end
        where call_id = $1
        """, ct, callId, agentId, (long)position);

    /// <summary>An agent joined the call (conference, connect-and-release): may read its pop too.</summary>
    public Task JoinedAsync(string callId, string agentId, ulong position, CancellationToken ct) => Sql.ExecAsync(connection, """
        update screen_pops set position = $3,
            offered_to = case when $2 = any(offered_to) then offered_to else offered_to || $2 end
        where call_id = $1
        """, ct, callId, agentId, (long)position);
}
