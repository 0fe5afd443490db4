using CallCenter.Agents.CurrentStates;
using CallCenter.Customers;
using FluentValidation;
using Mediator;

namespace CallCenter.Agents.PhoneSettings;

/// <summary>R-PHONE-13: forward calls meant for me — unconditional, on no answer, on busy, or within a time window.</summary>
public sealed record SetForwarding(string AgentId, string? Mode, string? Number, int? NoAnswerSeconds, TimeOnly? From, TimeOnly? To,
    long? IfMatch, DateTimeOffset At) : IAgentCommand;
public sealed record ForwardingBody(string? Mode, string? Number, int? NoAnswerSeconds, TimeOnly? From, TimeOnly? To);

public sealed class SetForwardingValidator : AbstractValidator<SetForwarding>
{
    public SetForwardingValidator()
    {
        RuleFor(c => c.Mode).NotEmpty().Must(m => Forwarding.Modes.Contains(m)).WithMessage($"mode: one of {string.Join(", ", Forwarding.Modes)}.");
        RuleFor(c => c.Number).Must(n => PhoneNumbers.DigitsOf(n) is { Length: >= 3 and <= 20 })
            .When(c => c.Mode is not null and not "off").WithMessage("Forward to a number of 3 to 20 digits.");
        RuleFor(c => c.NoAnswerSeconds).NotNull().InclusiveBetween(5, 120).When(c => c.Mode == "noAnswer")
            .WithMessage("noAnswerSeconds: 5 to 120.");
        RuleFor(c => c.From).NotNull().When(c => c.Mode == "timeWindow").WithMessage("A time window needs from and to.");
        RuleFor(c => c.To).NotNull().NotEqual(c => c.From).When(c => c.Mode == "timeWindow").WithMessage("A time window needs from and to (different).");
    }
}

public sealed class SetForwardingHandler(AgentCommandRunner runner) : ICommandHandler<SetForwarding, AgentStateDto>
{
    public ValueTask<AgentStateDto> Handle(SetForwarding c, CancellationToken ct)
    {
        var forwarding = c.Mode == "off" ? Forwarding.Off
            : new Forwarding(c.Mode!, PhoneNumbers.DigitsOf(c.Number), c.Mode == "noAnswer" ? c.NoAnswerSeconds : null,
                c.Mode == "timeWindow" ? c.From : null, c.Mode == "timeWindow" ? c.To : null);
        return runner.RunAsync(c, s => s.Forwarding == forwarding ? [] : [new AgentForwardingSet(c.AgentId, forwarding, c.At)], ct);
    }
}
