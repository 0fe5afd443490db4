namespace CallCenter.Reports.Intervals;

/// <summary>
/// The interval-KPI read model's tables, owned by <see cref="IntervalKpiProjection"/> (decision 0003: not under EF migrations).
/// kpi_intervals: call figures per 15-minute bucket × skill group × agent × area × dialed number ("" = none / not known).
/// kpi_agent_states: milliseconds per bucket × agent × skill group ("" = the agent's total) × state × not-ready reason.
/// kpi_call_work / kpi_agent_work: the working state of calls still open and of every agent (jsonb).
/// kpi_calls: one row per inbound call (waits, talk) for maxima, percentiles and ASA over all answered calls.
/// kpi_state: the projection's clock (the latest call event time applied), for the rule that closes idle calls.
/// </summary>
public static class IntervalKpiTables
{
    public const string Intervals = "kpi_intervals";
    public const string AgentStates = "kpi_agent_states";
    public const string CallWork = "kpi_call_work";
    public const string AgentWork = "kpi_agent_work";
    public const string Calls = "kpi_calls";
    public const string State = "kpi_state";
    public static readonly string[] All = [Intervals, AgentStates, CallWork, AgentWork, Calls, State];

    public static readonly string Ddl = $"""
        create table if not exists kpi_intervals (
            bucket_start timestamptz not null,
            skill_group text not null,
            agent_id text not null,
            area text not null,
            dnis text not null,
            {string.Join(",\n    ", Measures.Columns.Select(c => c + " bigint not null default 0"))},
            primary key (bucket_start, skill_group, agent_id, area, dnis));
        create table if not exists kpi_agent_states (
            bucket_start timestamptz not null,
            agent_id text not null,
            skill_group text not null,
            state text not null,
            reason text not null,
            ms bigint not null,
            primary key (bucket_start, agent_id, skill_group, state, reason));
        create table if not exists kpi_call_work (call_id text primary key, work jsonb not null);
        create table if not exists kpi_agent_work (agent_id text primary key, work jsonb not null);
        create table if not exists kpi_calls (
            call_id text primary key,
            bucket_start timestamptz not null,
            skill_group text not null,
            agent_id text not null,
            area text not null,
            dnis text not null,
            queued boolean not null,
            answer_wait_ms bigint,
            abandon_wait_ms bigint,
            answer_wait_all_ms bigint,
            talk_ms bigint);
        create index if not exists kpi_calls_bucket on kpi_calls (bucket_start);
        create table if not exists kpi_state (id int primary key, clock timestamptz not null);
        """;
}
