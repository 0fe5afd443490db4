using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using FluentValidation;

namespace CallCenter.Quality.Disputing;

public sealed record DisputeBody(string Reason);

public sealed class DisputeBodyValidator : AbstractValidator<DisputeBody>
{
    public DisputeBodyValidator() => RuleFor(b => b.Reason).NotEmpty().MaximumLength(500).WithMessage("reason: 1 to 500 characters.");
}

/// <summary>The agent disputes the score of one of their calls (from the desktop).</summary>
public static class Disputing
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/qa/reviews/{callId}/dispute", async (string callId, DisputeBody body, IValidator<DisputeBody> validator, CommandPipeline pipeline,
                CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                await validator.ValidateAndThrowAsync(body, ct);
                var decided = await pipeline.HandleAsync<QaReviewStream, QaReview, QaReviewEvent>(callId, null,
                    review => QaDecider.Dispute(review, callId, user.Id, body.Reason.Trim(), clock.GetUtcNow()), user.Metadata(), ct);
                return TypedResults.Ok(new DisputedDto(callId, decided.State.Disputed));
            })
            .WithTags("Quality").RequireAuthorization(Policies.Desk)
            .WithSummary("The call's agent disputes its score (reason 1–500 characters); 422 when the call is not scored, 403 for anyone else. Once per score.");
}

public sealed record DisputedDto(string CallId, bool Disputed);
