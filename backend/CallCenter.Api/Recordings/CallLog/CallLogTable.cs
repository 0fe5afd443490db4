namespace CallCenter.Recordings.CallLog;

/// <summary>
/// The call_log read model (owned by <see cref="CallLogProjection"/>, decision 0003: not under EF migrations): one row per
/// call with its number, direction, agents, talk time, tag and recording. The call log (GET /api/calls) reads every row;
/// the recording search (GET /api/recordings) reads the rows that have a recording that was not deleted.
/// </summary>
public static class CallLogTable
{
    public const string Name = "call_log";

    public const string Ddl = """
        create table if not exists call_log (
            call_id text primary key,
            direction text,
            ani text,
            dnis text,
            number text,
            queue text,
            queue_at timestamptz,
            started_at timestamptz,
            answered_at timestamptz,
            agent_id text,
            agents text[] not null default array[]::text[],
            ended_at timestamptz,
            purpose text,
            subtype text,
            tagged_at timestamptz,
            recording_uri text,
            recording_seconds int,
            recording_at timestamptz,
            recording_deleted_at timestamptz);
        create index if not exists ix_call_log_started on call_log (started_at);
        create index if not exists ix_call_log_agents on call_log using gin (agents);
        create index if not exists ix_call_log_recorded on call_log (answered_at) where recording_uri is not null and recording_deleted_at is null;
        """;
}
