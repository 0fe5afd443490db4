namespace CallCenter.Reports.CallFacts;

/// <summary>
/// The call-reports read model's tables, owned by <see cref="CallReportProjection"/> (decision 0003: not under EF migrations).
/// call_report_facts: per call what the reports need (inbound arrival and number, skill group, who answered, end, tag, survey).
/// call_report_clock: one row, the latest PBX event time seen (the projection's notion of "now", never the wall clock).
/// one_time_fix_outcomes: one row per inbound call tagged online troubleshooting, with its outcome (R-RPT-1).
/// </summary>
public static class CallReportTables
{
    public const string Facts = "call_report_facts";
    public const string Clock = "call_report_clock";
    public const string Outcomes = "one_time_fix_outcomes";
    public static readonly string[] All = [Facts, Clock, Outcomes];

    public const string Ddl = """
        create table if not exists call_report_facts (
            call_id text primary key,
            number text,
            ani text,
            arrived_at timestamptz,
            queue text,
            queue_at timestamptz,
            answered_by text,
            answered_at timestamptz,
            ended_at timestamptz,
            purpose text,
            tag_agent text,
            customer_id text,
            area text,
            tagged_at timestamptz,
            survey_score int,
            survey_agent text,
            survey_at timestamptz);
        create index if not exists ix_call_report_facts_number on call_report_facts (number, arrived_at) where arrived_at is not null;
        create index if not exists ix_call_report_facts_arrived on call_report_facts (arrived_at) where arrived_at is not null;
        create index if not exists ix_call_report_facts_survey on call_report_facts (survey_at) where survey_score is not null;
        create table if not exists call_report_clock (
            id int primary key,
            latest_at timestamptz not null);
        create table if not exists one_time_fix_outcomes (
            call_id text primary key,
            agent_id text,
            skill_group text,
            area text,
            ani text,
            ended_at timestamptz,
            outcome text not null,
            repeat_call_id text);
        create index if not exists ix_one_time_fix_outcomes_ended on one_time_fix_outcomes (ended_at);
        create index if not exists ix_one_time_fix_outcomes_pending on one_time_fix_outcomes (call_id) where outcome = 'pending';
        """;
}
