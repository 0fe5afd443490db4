using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Quality.Reviews;
using FluentValidation;

namespace CallCenter.Quality.Scoring;

public sealed record ScoreBody(string FormId, IReadOnlyList<QaAnswer> Answers, IReadOnlyList<QaComment>? Comments);

public sealed class ScoreBodyValidator : AbstractValidator<ScoreBody>
{
    public ScoreBodyValidator()
    {
        RuleFor(b => b.FormId).NotEmpty().MaximumLength(40).WithMessage("formId: 1 to 40 characters.");
        RuleFor(b => b.Answers).NotNull().Must(a => a is { Count: <= 1000 }).WithMessage("answers: one per item of the form.");
        RuleForEach(b => b.Answers).ChildRules(a => a.RuleFor(x => x.ItemId).NotEmpty().MaximumLength(40).WithMessage("An answer's itemId: 1 to 40 characters."));
        RuleFor(b => b.Comments).Must(c => c is null || c.Count <= 50).WithMessage("comments: at most 50.");
        RuleForEach(b => b.Comments).ChildRules(c => c.RuleFor(x => x.Text).NotEmpty().MaximumLength(500).WithMessage("A comment's text: 1 to 500 characters."));
    }
}

/// <summary>QA scores a recorded call against a form, with comments at moments of the recording (QA, admins).</summary>
public static class Scoring
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/qa/reviews/{callId}/score", async (string callId, ScoreBody body, IValidator<ScoreBody> validator, ReadModelDb db,
                CommandPipeline pipeline, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                await validator.ValidateAndThrowAsync(body, ct);
                var call = await QaQueries.RecordedCallAsync(await Sql.ConnectionAsync(db, ct), callId, ct)
                    ?? throw new NotFoundException($"There is no recorded call '{callId}'.");
                var (form, _) = await pipeline.LoadAsync<QaFormStream, QaForm, QaFormEvent>(body.FormId, ct);
                var decided = await pipeline.HandleAsync<QaReviewStream, QaReview, QaReviewEvent>(callId, null,
                    review => QaDecider.Score(review, call, body.FormId, form, user.Id, body.Answers, body.Comments ?? [], clock.GetUtcNow()),
                    user.Metadata(), ct);
                var s = decided.State.Score!;
                return TypedResults.Ok(new ScoredDto(callId, s.AgentId, s.Points, s.MaxPoints, s.Failed, s.Score));
            })
            .WithTags("Quality").RequireAuthorization(Policies.Inspect)
            .WithSummary("Scores a recorded call (QA, admins): formId, answers { itemId, points 0..weight } for every item, comments { second, text } " +
                "at moments of the recording. Score = 100 × points / maximum, 0 when a failing item gets 0. 422 when already scored and not disputed.");
}

public sealed record ScoredDto(string CallId, string AgentId, int Points, int MaxPoints, bool Failed, double Score);
