using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Npgsql;

namespace CallCenter.Quality.Reviews;

public sealed record QaFormDto(string Id, string Name, IReadOnlyList<QaSection> Sections, int MaxPoints, DateTimeOffset DefinedAt);

/// <summary>A reviewed call: sampled (no score yet), scored, disputed. Status: sampled | scored | disputed.</summary>
public sealed record QaReviewDto(string CallId, string AgentId, string? Team, string Status, DateTimeOffset? SampledAt, string? FormId, string? FormName,
    string? Reviewer, int? Points, int? MaxPoints, bool? Failed, double? Score, IReadOnlyList<QaAnswer>? Answers, IReadOnlyList<QaComment>? Comments,
    DateTimeOffset? ScoredAt, DateTimeOffset? DisputedAt, string? DisputeReason, string AudioUrl);

public static class QaQueries
{
    /// <summary>The recorded call as the call log has it (agent = who answered or dialled; seconds = the recording's length), or null.</summary>
    public static async Task<ReviewedCall?> RecordedCallAsync(NpgsqlConnection c, string callId, CancellationToken ct) =>
        (await Sql.QueryAsync(c, """
            select l.call_id, l.agent_id, u.team, coalesce(l.recording_seconds, round(extract(epoch from l.ended_at - l.answered_at))::int, 0)
            from call_log l left join users u on u.id = l.agent_id
            where l.call_id = $1 and l.recording_uri is not null and l.recording_deleted_at is null and l.agent_id is not null
            """, r => new ReviewedCall(r.GetString(0), r.GetString(1), Sql.Text(r, 2), r.GetInt32(3)), ct, callId)).SingleOrDefault();

    /// <summary>Recorded calls answered in [from, to) by an agent (of the team), not yet in review.</summary>
    public static Task<List<ReviewedCall>> CandidatesAsync(NpgsqlConnection c, DateTimeOffset from, DateTimeOffset to, string? team, string? agentId, CancellationToken ct) =>
        Sql.QueryAsync(c, """
            select l.call_id, l.agent_id, u.team, coalesce(l.recording_seconds, 0)
            from call_log l left join users u on u.id = l.agent_id
            where l.recording_uri is not null and l.recording_deleted_at is null and l.agent_id is not null
              and l.answered_at >= $1 and l.answered_at < $2 and ($3::text is null or u.team = $3) and ($4::text is null or l.agent_id = $4)
              and not exists (select 1 from qa_reviews q where q.call_id = l.call_id)
            """, r => new ReviewedCall(r.GetString(0), r.GetString(1), Sql.Text(r, 2), r.GetInt32(3)), ct,
            from.ToUniversalTime(), to.ToUniversalTime(), team, agentId);

    public static Task<List<QaFormDto>> FormsAsync(NpgsqlConnection c, CancellationToken ct) =>
        Sql.QueryAsync(c, "select form_id, name, sections::text, defined_at from qa_forms order by name, form_id", r =>
        {
            var sections = JsonSerializer.Deserialize<List<QaSection>>(r.GetString(2), Json.Options) ?? [];
            return new QaFormDto(r.GetString(0), r.GetString(1), sections, sections.SelectMany(s => s.Items).Sum(i => i.Weight), r.GetFieldValue<DateTimeOffset>(3));
        }, ct);

    /// <summary>Reviews of these agents (null: all), optionally of one agent and status, newest first.</summary>
    public static async Task<List<QaReviewDto>> ReviewsAsync(NpgsqlConnection c, IReadOnlyCollection<string>? agents, string? agentId, string? status, int take,
        CancellationToken ct)
    {
        var rows = await Sql.QueryAsync(c, $"""
            select call_id, agent_id, team, sampled_at, form_id, form_name, reviewer, points, max_points, failed, score, answers::text, comments::text,
                   scored_at, disputed_at, dispute_reason
            from qa_reviews
            where ($1::text[] is null or agent_id = any($1)) and ($2::text is null or agent_id = $2)
              and ($3::text is null or $3 = case when scored_at is null then 'sampled' when disputed_at is not null then 'disputed' else 'scored' end)
            order by coalesce(scored_at, sampled_at) desc, call_id limit {take}
            """, r => new QaReviewDto(r.GetString(0), r.GetString(1), Sql.Text(r, 2),
                r.IsDBNull(13) ? "sampled" : r.IsDBNull(14) ? "scored" : "disputed",
                r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3), Sql.Text(r, 4), Sql.Text(r, 5), Sql.Text(r, 6),
                r.IsDBNull(7) ? null : r.GetInt32(7), r.IsDBNull(8) ? null : r.GetInt32(8), r.IsDBNull(9) ? null : r.GetBoolean(9),
                r.IsDBNull(10) ? null : r.GetDouble(10),
                r.IsDBNull(11) ? null : JsonSerializer.Deserialize<List<QaAnswer>>(r.GetString(11), Json.Options),
                r.IsDBNull(12) ? null : JsonSerializer.Deserialize<List<QaComment>>(r.GetString(12), Json.Options),
                r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13), r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14), Sql.Text(r, 15),
                CallCenter.Recordings.CallLog.CallLogQueries.AudioUrl(r.GetString(0))),
            ct, agents is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text } : agents.ToArray(),
            agentId, status);
        return rows;
    }
}
