using System.Text.Json;
using CallCenter.Agents.CurrentStates;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Quality.Reviews;

/// <summary>The QA forms and reviews (docs/quality.md) from the qaform- and qareview- streams; only the events' own times are stored.</summary>
public sealed class QaProjection : IProjection
{
    public string Name => "qa";
    public EventFilter Filter { get; } = EventFilter.Streams(QaFormStream.Prefix, QaReviewStream.Prefix);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existed = await AgentStateProjection.TableExistsAsync(db, QaTables.Reviews, ct);
        await db.Database.ExecuteSqlRawAsync(QaTables.Ddl, ct);
        return !existed;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var c = await Sql.ConnectionAsync(db, ct);
        foreach (var recorded in batch)
        {
            if (recorded.StreamId.StartsWith(QaFormStream.Prefix, StringComparison.Ordinal))
            {
                if (QaFormStream.Decode(recorded.Type, recorded.Data) is QaFormDefined f)
                    await Sql.ExecAsync(c, """
                        insert into qa_forms (form_id, name, sections, defined_at) values ($1, $2, $3::jsonb, $4)
                        on conflict (form_id) do update set name = excluded.name, sections = excluded.sections, defined_at = excluded.defined_at
                        """, ct, f.FormId, f.Name, JsonSerializer.Serialize(f.Sections, Json.Options), f.At);
                continue;
            }
            switch (QaReviewStream.Decode(recorded.Type, recorded.Data))
            {
                case QaCallSampled x:
                    await Sql.ExecAsync(c, """
                        insert into qa_reviews (call_id, agent_id, team, sampled_at, sampled_by) values ($1, $2, $3, $4, $5)
                        on conflict (call_id) do update set sampled_at = excluded.sampled_at, sampled_by = excluded.sampled_by
                        """, ct, x.CallId, x.AgentId, x.Team, x.At, x.SampledBy);
                    break;
                case QaCallScored x:
                    await Sql.ExecAsync(c, """
                        insert into qa_reviews (call_id, agent_id, team, form_id, form_name, reviewer, points, max_points, failed, score, answers, comments, scored_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13)
                        on conflict (call_id) do update set agent_id = excluded.agent_id, team = excluded.team, form_id = excluded.form_id,
                            form_name = excluded.form_name, reviewer = excluded.reviewer, points = excluded.points, max_points = excluded.max_points,
                            failed = excluded.failed, score = excluded.score, answers = excluded.answers, comments = excluded.comments,
                            scored_at = excluded.scored_at, disputed_at = null, dispute_reason = null
                        """, ct, x.CallId, x.AgentId, x.Team, x.FormId, x.FormName, x.Reviewer, x.Points, x.MaxPoints, x.Failed, x.Score,
                        JsonSerializer.Serialize(x.Answers, Json.Options), JsonSerializer.Serialize(x.Comments, Json.Options), x.At);
                    break;
                case QaScoreDisputed x:
                    await Sql.ExecAsync(c, "update qa_reviews set disputed_at = $2, dispute_reason = $3 where call_id = $1", ct, x.CallId, x.At, x.Reason);
                    break;
            }
        }
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
