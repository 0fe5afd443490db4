namespace CallCenter.Agents.CurrentStates;

/// <summary>Read model: each agent's current state (R-STATE-1, R-SUP-7), owned by <see cref="AgentStateProjection"/>.</summary>
public sealed class AgentStateRow
{
    public const string Table = "agent_states";
    public required string AgentId { get; set; }
    public required string State { get; set; }
    public string? ReasonCode { get; set; }
    public DateTimeOffset? Since { get; set; }
    public string? Extension { get; set; }
    public string[] SkillGroups { get; set; } = [];
    public string? CurrentCallId { get; set; }
    public string? UntaggedCallId { get; set; }
    public string? LastTaggedCallId { get; set; }
    /// <summary>The whole folded <see cref="Agent"/> (calls on, auto-answer, forwarding…), for the next fold and the PBX.</summary>
    public string StateJson { get; set; } = "{}";
    /// <summary>R-SUP-5: who set the current state when it was not the agent (a supervisor or admin forcing it); null otherwise.
    /// Kept as <c>changedBy</c> inside <see cref="StateJson"/> (not a column: the EF model's snapshot would need a migration).</summary>
    public string? ChangedBy { get; set; }

    public static string Serialize(Agent state, string? changedBy)
    {
        var node = System.Text.Json.JsonSerializer.SerializeToNode(state, CallCenter.Infrastructure.EventSourcing.Json.Options)!.AsObject();
        node["changedBy"] = changedBy;
        return node.ToJsonString();
    }

    public static string? ChangedByIn(string stateJson) =>
        stateJson is { Length: > 2 } && System.Text.Json.Nodes.JsonNode.Parse(stateJson)?["changedBy"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var by) ? by : null;
    public long Revision { get; set; }
    public long Position { get; set; }

    /// <summary>The folded state this row was built from (rows from before state_json existed fall back to the columns).</summary>
    public static Agent Fold(AgentStateRow row) =>
        row.StateJson is { Length: > 2 } json
            ? System.Text.Json.JsonSerializer.Deserialize<Agent>(json, CallCenter.Infrastructure.EventSourcing.Json.Options)!
            : new Agent(row.State, row.ReasonCode, row.Since, row.Extension, row.SkillGroups, row.CurrentCallId, row.UntaggedCallId, row.LastTaggedCallId);

    public const string Ddl = """
        create table if not exists agent_states (
            agent_id text primary key,
            state text not null,
            reason_code text,
            since timestamptz,
            extension text,
            skill_groups text[] not null default array[]::text[],
            current_call_id text,
            untagged_call_id text,
            last_tagged_call_id text,
            state_json jsonb not null default jsonb_build_object(),
            revision bigint not null,
            position bigint not null);
        alter table agent_states add column if not exists state_json jsonb not null default jsonb_build_object();
        """;
}

/// <summary>An agent's state as the desktop and the supervisor's monitor see it (REST and SignalR).</summary>
public sealed record AgentStateDto(
    string AgentId, string Name, string State, string? ReasonCode, DateTimeOffset? Since,
    string? Extension, string[] SkillGroups, string? CurrentCallId, long Revision, string? UntaggedCallId = null)
{
    /// <summary>R-STATE-3: the break the agent goes to when after-call work ends (null: none).</summary>
    public string? ScheduledReasonCode { get; init; }
    /// <summary>R-SUP-5: the supervisor or admin who set this state (null: the agent, the PBX or the system).</summary>
    public string? ChangedBy { get; init; }

    public static AgentStateDto From(string agentId, string name, Agent s, long revision) =>
        new(agentId, name, s.Status, s.ReasonCode, s.Since, s.Extension, s.SkillGroups, s.CurrentCallId, revision, s.UntaggedCallId) { ScheduledReasonCode = s.ScheduledReasonCode };

    public static AgentStateDto From(AgentStateRow? row, string agentId, string name) => row is null
        ? new(agentId, name, AgentStatus.SignedOut, null, null, null, [], null, -1)
        : new(agentId, name, row.State, row.ReasonCode, row.Since, row.Extension, row.SkillGroups, row.CurrentCallId, row.Revision, row.UntaggedCallId)
            { ScheduledReasonCode = AgentStateRow.Fold(row).ScheduledReasonCode, ChangedBy = row.ChangedBy ?? AgentStateRow.ChangedByIn(row.StateJson) };
}
