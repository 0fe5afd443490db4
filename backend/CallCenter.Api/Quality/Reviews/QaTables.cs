namespace CallCenter.Quality.Reviews;

/// <summary>
/// The quality read models (owned by <see cref="QaProjection"/>, decision 0003: not under EF migrations): the forms, and one
/// row per reviewed call with its current score (event time: sampled_at, scored_at and disputed_at are the events' times).
/// </summary>
public static class QaTables
{
    public const string Reviews = "qa_reviews";

    public const string Ddl = """
        create table if not exists qa_forms (
            form_id text primary key,
            name text not null,
            sections jsonb not null,
            defined_at timestamptz not null);
        create table if not exists qa_reviews (
            call_id text primary key,
            agent_id text not null,
            team text,
            sampled_at timestamptz,
            sampled_by text,
            form_id text,
            form_name text,
            reviewer text,
            points int,
            max_points int,
            failed boolean,
            score float8,
            answers jsonb,
            comments jsonb,
            scored_at timestamptz,
            disputed_at timestamptz,
            dispute_reason text);
        create index if not exists ix_qa_reviews_agent on qa_reviews (agent_id);
        create index if not exists ix_qa_reviews_scored on qa_reviews (scored_at);
        """;
}
