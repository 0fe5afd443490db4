using CallCenter.Infrastructure;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Quality.Reviews;
using CallCenter.Reports;
using FluentValidation;

namespace CallCenter.Quality.Sampling;

/// <summary>Draw up to PerAgent recorded calls per agent answered in [from, to) (days or instants, as the reports take them).</summary>
public sealed record SampleBody(string? From, string? To, int PerAgent, string? Team, string? AgentId);

public sealed class SampleBodyValidator : AbstractValidator<SampleBody>
{
    public SampleBodyValidator()
    {
        RuleFor(b => b.PerAgent).InclusiveBetween(1, 50).WithMessage("perAgent: 1 to 50.");
        RuleFor(b => b.Team).MaximumLength(64).WithMessage("team: at most 64 characters.");
        RuleFor(b => b.AgentId).MaximumLength(64).WithMessage("agentId: at most 64 characters.");
    }
}

/// <summary>Random sampling of recorded calls per agent for review (QA, admins). The draw is made at the edge; each drawn call gets QaCallSampled.</summary>
public static class Sampling
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/qa/samples", async (SampleBody body, IValidator<SampleBody> validator, CenterClock center, ReadModelDb db,
                CommandPipeline pipeline, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                await validator.ValidateAndThrowAsync(body, ct);
                var range = ReportRange.Parse(body.From, body.To, center);
                var candidates = await QaQueries.CandidatesAsync(await Sql.ConnectionAsync(db, ct), range.From, range.To, Blank(body.Team), Blank(body.AgentId), ct);
                var drawn = candidates.GroupBy(c => c.AgentId)
                    .SelectMany(g => g.OrderBy(_ => Random.Shared.Next()).Take(body.PerAgent))
                    .OrderBy(c => c.AgentId, StringComparer.Ordinal).ThenBy(c => c.CallId, StringComparer.Ordinal).ToList();
                var sampled = new List<SampledCallDto>();
                foreach (var call in drawn)
                {
                    var decided = await pipeline.HandleAsync<QaReviewStream, QaReview, QaReviewEvent>(call.CallId, null,
                        review => QaDecider.Sample(review, call, user.Id, clock.GetUtcNow()), user.Metadata(), ct);
                    if (decided.NewEvents.Count > 0) sampled.Add(new SampledCallDto(call.CallId, call.AgentId, call.Team));
                }
                return TypedResults.Ok(sampled);
            })
            .WithTags("Quality").RequireAuthorization(Policies.Inspect)
            .WithSummary("Draws at random up to perAgent (1–50) recorded calls per agent answered in [from, to) (yyyy-MM-dd center days or instants), " +
                "optionally of one team or agent, among those not yet in review, and puts them in the review queue (QA, admins).");

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record SampledCallDto(string CallId, string AgentId, string? Team);
