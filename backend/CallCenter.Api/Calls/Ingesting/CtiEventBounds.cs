using FluentValidation;

namespace CallCenter.Calls.Ingesting;

/// <summary>
/// The bounds of every CTI field (issue 17): what the read models can hold for any event the API accepts (a queue
/// name is part of a btree key, so it is short), and event times in a sane window: not before
/// <see cref="EarliestEvent"/>, not more than <see cref="FutureSlack"/> ahead of the server's clock.
/// Runs beside <see cref="IngestCtiEventsValidator"/> (whole batch, before anything is stored).
/// </summary>
public sealed class CtiEventBoundsValidator : AbstractValidator<IngestCtiEvents>
{
    public static readonly DateTimeOffset EarliestEvent = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);
    public const int MaxName = 64, MaxNumber = 32, MaxUri = 500;

    public CtiEventBoundsValidator(TimeProvider clock)
    {
        var latest = clock.GetUtcNow() + FutureSlack;
        RuleForEach(b => b.Events).ChildRules(e =>
        {
            e.RuleFor(x => x.OccurredAt).Must(t => t is null || t >= EarliestEvent && t <= latest)
                .WithMessage($"occurredAt must be between {EarliestEvent:yyyy-MM-dd} and one day after the server's clock.");
            e.RuleFor(x => x.Queue).MaximumLength(MaxName);
            e.RuleFor(x => x.AgentId).MaximumLength(MaxName);
            e.RuleFor(x => x.TargetAgentId).MaximumLength(MaxName);
            e.RuleFor(x => x.TargetQueue).MaximumLength(MaxName);
            e.RuleFor(x => x.TargetNumber).MaximumLength(MaxNumber);
            e.RuleFor(x => x.EndedBy).MaximumLength(MaxNumber);
            e.RuleFor(x => x.Kind).MaximumLength(MaxNumber);
            e.RuleFor(x => x.Party).MaximumLength(MaxNumber);
            e.RuleFor(x => x.Reason).MaximumLength(MaxName);
            e.RuleFor(x => x.Type).MaximumLength(MaxName);
            e.RuleFor(x => x.RecordingUri).MaximumLength(MaxUri);
            e.RuleFor(x => x.Score).InclusiveBetween(1, 5).When(x => x.Score is not null);
            e.RuleFor(x => x.DurationSeconds).InclusiveBetween(0, 86_400).When(x => x.DurationSeconds is not null);
            e.RuleFor(x => x.Position).LessThanOrEqualTo(100_000).When(x => x.Position is not null);
            e.RuleFor(x => x.ExpectedWaitSeconds).LessThanOrEqualTo(86_400).When(x => x.ExpectedWaitSeconds is not null);
        });
    }
}
