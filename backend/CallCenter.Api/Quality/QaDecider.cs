using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Quality;

/// <summary>The recorded call a review is about, as the call log knows it (looked up at the edge).</summary>
public sealed record ReviewedCall(string CallId, string AgentId, string? Team, int RecordingSeconds);

/// <summary>Pure decisions on a review (time and ids come from the edge).</summary>
public static class QaDecider
{
    /// <summary>Puts the call in the review queue; a call already sampled or scored decides nothing.</summary>
    public static IReadOnlyList<QaReviewEvent> Sample(QaReview review, ReviewedCall call, string by, DateTimeOffset now) =>
        review.Sampled || review.Score is not null ? [] : [new QaCallSampled(call.CallId, call.AgentId, call.Team, by, now)];

    /// <summary>
    /// Scores the call against the form: every item once, 0..weight points; comments within the recording. A scored call is
    /// scored again only after its agent disputed the score (the new score answers the dispute).
    /// </summary>
    public static IReadOnlyList<QaReviewEvent> Score(QaReview review, ReviewedCall call, string formId, QaForm form, string reviewer,
        IReadOnlyList<QaAnswer> answers, IReadOnlyList<QaComment> comments, DateTimeOffset now)
    {
        if (!form.Exists) throw new NotFoundException($"There is no QA form '{formId}'.");
        if (review.Score is not null && !review.Disputed)
            throw new RuleViolationException($"Call '{call.CallId}' is already scored; it is scored again only after its agent disputes the score.", "qaAlreadyScored");
        if (string.Equals(reviewer, call.AgentId, StringComparison.Ordinal))
            throw new RuleViolationException("Nobody scores their own call.", "qaOwnCall");
        var items = form.Items.ToDictionary(i => i.Id);
        var byItem = answers.GroupBy(a => a.ItemId).ToDictionary(g => g.Key, g => g.ToList());
        var errors = new Dictionary<string, string[]>();
        var missing = items.Keys.Where(k => !byItem.ContainsKey(k)).ToList();
        var unknown = byItem.Keys.Where(k => !items.ContainsKey(k)).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || byItem.Values.Any(v => v.Count > 1))
            errors["answers"] = [$"Every item of the form once (missing: {string.Join(", ", missing)}; unknown: {string.Join(", ", unknown)})."];
        else if (answers.FirstOrDefault(a => a.Points < 0 || a.Points > items[a.ItemId].Weight) is { } bad)
            errors["answers"] = [$"Item '{bad.ItemId}': 0 to {items[bad.ItemId].Weight} points."];
        if (comments.FirstOrDefault(c => c.Second < 0 || c.Second > call.RecordingSeconds) is { } late)
            errors["comments"] = [$"A comment's second is within the recording: 0 to {call.RecordingSeconds} (got {late.Second})."];
        if (errors.Count > 0) throw new FluentValidation.ValidationException(errors.Select(e => new FluentValidation.Results.ValidationFailure(e.Key, e.Value[0])));

        var points = answers.Sum(a => a.Points);
        var max = form.MaxPoints;
        var failed = answers.Any(a => items[a.ItemId].Failing && a.Points == 0);
        var score = failed || max == 0 ? 0 : Math.Round(100.0 * points / max, 1, MidpointRounding.AwayFromZero);
        return [new QaCallScored(call.CallId, call.AgentId, call.Team, formId, form.Name!, reviewer,
            [.. answers.OrderBy(a => a.ItemId, StringComparer.Ordinal)], [.. comments.OrderBy(c => c.Second)], points, max, failed, score, now)];
    }

    /// <summary>The call's agent disputes its current score, once per score.</summary>
    public static IReadOnlyList<QaReviewEvent> Dispute(QaReview review, string callId, string agentId, string reason, DateTimeOffset now)
    {
        if (review.Score is null) throw new RuleViolationException($"Call '{callId}' has no score to dispute.", "qaNotScored");
        if (!string.Equals(review.Score.AgentId, agentId, StringComparison.Ordinal)) throw new ForbiddenException($"Only {review.Score.AgentId} disputes this score.");
        return review.Disputed ? [] : [new QaScoreDisputed(callId, agentId, reason, now)];
    }
}
