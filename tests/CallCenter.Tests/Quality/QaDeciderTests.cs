using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Quality;
using FluentValidation;

namespace CallCenter.Tests.Quality;

/// <summary>The pure QA decisions: scoring arithmetic, the failing item, re-scoring only after a dispute, disputes by the agent only.</summary>
public sealed class QaDeciderTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);
    static readonly QaForm Form = new("Basics", [
        new QaSection("Opening", [new QaItem("greet", "Greets", 10, false)]),
        new QaSection("Handling", [new QaItem("verify", "Verifies", 30, true), new QaItem("solve", "Solves", 60, false)]),
    ]);
    static readonly ReviewedCall Call = new("C1", "agent1", "team-1", 120);
    static QaAnswer[] Answers(int greet, int verify, int solve) => [new("greet", greet), new("verify", verify), new("solve", solve)];

    static QaReview Fold(IEnumerable<QaReviewEvent> events) => events.Aggregate(QaReviewStream.Initial, QaReviewStream.Evolve);

    [Fact]
    public void The_score_is_the_share_of_the_maximum_and_a_failing_item_at_zero_fails_the_review_with_0()
    {
        var scored = Assert.IsType<QaCallScored>(Assert.Single(QaDecider.Score(QaReviewStream.Initial, Call, "basics", Form, "qa1", Answers(10, 30, 33), [], Now)));
        Assert.Equal((73, 100, false, 73.0), (scored.Points, scored.MaxPoints, scored.Failed, scored.Score));
        var failed = Assert.IsType<QaCallScored>(Assert.Single(QaDecider.Score(QaReviewStream.Initial, Call, "basics", Form, "qa1", Answers(10, 0, 60), [], Now)));
        Assert.Equal((70, true, 0.0), (failed.Points, failed.Failed, failed.Score));
        var third = Assert.IsType<QaCallScored>(Assert.Single(QaDecider.Score(QaReviewStream.Initial, Call, "basics",
            new QaForm("Thirds", [new QaSection("s", [new QaItem("a", "a", 3, false)])]), "qa1", [new QaAnswer("a", 2)], [], Now)));
        Assert.Equal(66.7, third.Score); // one decimal
    }

    [Fact]
    public void Answers_cover_every_item_once_within_its_weight_and_comments_fall_within_the_recording()
    {
        Assert.Throws<ValidationException>(() => QaDecider.Score(QaReviewStream.Initial, Call, "basics", Form, "qa1", [new("greet", 10)], [], Now));
        Assert.Throws<ValidationException>(() => QaDecider.Score(QaReviewStream.Initial, Call, "basics", Form, "qa1", Answers(11, 30, 60), [], Now));
        Assert.Throws<ValidationException>(() => QaDecider.Score(QaReviewStream.Initial, Call, "basics", Form, "qa1", [.. Answers(10, 30, 60), new("x", 1)], [], Now));
        Assert.Throws<ValidationException>(() => QaDecider.Score(QaReviewStream.Initial, Call, "basics", Form, "qa1", Answers(10, 30, 60), [new(121, "late")], Now));
        Assert.Throws<NotFoundException>(() => QaDecider.Score(QaReviewStream.Initial, Call, "nope", QaFormStream.Initial, "qa1", Answers(10, 30, 60), [], Now));
        Assert.Throws<RuleViolationException>(() => QaDecider.Score(QaReviewStream.Initial, Call, "basics", Form, "agent1", Answers(10, 30, 60), [], Now));
    }

    [Fact]
    public void A_scored_call_is_scored_again_only_after_its_agent_disputes_and_a_dispute_needs_a_score()
    {
        Assert.Throws<RuleViolationException>(() => QaDecider.Dispute(QaReviewStream.Initial, "C1", "agent1", "why", Now));
        var sampled = QaDecider.Sample(QaReviewStream.Initial, Call, "qa1", Now);
        Assert.Empty(QaDecider.Sample(Fold(sampled), Call, "qa1", Now)); // sampled once
        var scored = QaDecider.Score(Fold(sampled), Call, "basics", Form, "qa1", Answers(10, 30, 60), [new(5, "ok")], Now);
        var review = Fold([.. sampled, .. scored]);
        Assert.Throws<RuleViolationException>(() => QaDecider.Score(review, Call, "basics", Form, "qa1", Answers(10, 30, 60), [], Now));
        Assert.Throws<ForbiddenException>(() => QaDecider.Dispute(review, "C1", "agent2", "not mine", Now));
        var disputed = QaDecider.Dispute(review, "C1", "agent1", "I did", Now);
        review = Fold([.. sampled, .. scored, .. disputed]);
        Assert.Empty(QaDecider.Dispute(review, "C1", "agent1", "again", Now)); // once per score
        var rescored = QaDecider.Score(review, Call, "basics", Form, "qa2", Answers(10, 30, 50), [], Now);
        Assert.False(Fold([.. sampled, .. scored, .. disputed, .. rescored]).Disputed);
        Assert.Empty(QaDecider.Sample(review, Call, "qa1", Now)); // a scored call is not sampled again
    }
}
