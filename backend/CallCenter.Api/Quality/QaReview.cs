using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Quality;

// A recorded call under review on `qareview-{callId}` (docs/quality.md): sampled for review, scored against a form with
// comments at moments of the recording, disputed by its agent, scored again.

public sealed record QaAnswer(string ItemId, int Points);
/// <summary>A remark at <see cref="Second"/> seconds into the recording.</summary>
public sealed record QaComment(int Second, string Text);

public abstract record QaReviewEvent(string CallId, DateTimeOffset At);
/// <summary>The call was drawn at random for review among its agent's recorded calls.</summary>
public sealed record QaCallSampled(string CallId, string AgentId, string? Team, string SampledBy, DateTimeOffset At) : QaReviewEvent(CallId, At);
/// <summary>
/// An inspector scored the call: the points per item, the total against the form's maximum, <see cref="Failed"/> when a failing
/// item got 0 points (then <see cref="Score"/> is 0), else Score = 100 × points / maximum (1 decimal).
/// </summary>
public sealed record QaCallScored(string CallId, string AgentId, string? Team, string FormId, string FormName, string Reviewer,
    IReadOnlyList<QaAnswer> Answers, IReadOnlyList<QaComment> Comments, int Points, int MaxPoints, bool Failed, double Score, DateTimeOffset At)
    : QaReviewEvent(CallId, At);
/// <summary>The call's agent disputes the current score.</summary>
public sealed record QaScoreDisputed(string CallId, string AgentId, string Reason, DateTimeOffset At) : QaReviewEvent(CallId, At);

public sealed record QaReview(bool Sampled, string? AgentId, QaCallScored? Score, bool Disputed);

public sealed class QaReviewStream : IStreamType<QaReview, QaReviewEvent>
{
    public const string Prefix = "qareview-";
    public static string StreamId(string id) => Prefix + id;
    public static QaReview Initial { get; } = new(false, null, null, false);

    public static QaReview Evolve(QaReview s, QaReviewEvent e) => e switch
    {
        QaCallSampled x => s with { Sampled = true, AgentId = x.AgentId },
        QaCallScored x => s with { AgentId = x.AgentId, Score = x, Disputed = false },
        QaScoreDisputed => s with { Disputed = true },
        _ => s,
    };

    public static string WireName(QaReviewEvent e) => e switch
    {
        QaCallSampled => "QaCallSampled.v1",
        QaCallScored => "QaCallScored.v1",
        QaScoreDisputed => "QaScoreDisputed.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static QaReviewEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "QaCallSampled.v1" => JsonSerializer.Deserialize<QaCallSampled>(data.Span, Json.Options),
        "QaCallScored.v1" => JsonSerializer.Deserialize<QaCallScored>(data.Span, Json.Options),
        "QaScoreDisputed.v1" => JsonSerializer.Deserialize<QaScoreDisputed>(data.Span, Json.Options),
        _ => null,
    };
}
