using CallCenter.Agents.CurrentStates;
using CallCenter.Infrastructure.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Agents.GoingNotReady;

/// <summary>R-PHONE-2, R-STATE-2: not ready, with one of the admin-defined reason codes.</summary>
public sealed record GoNotReady(string AgentId, string? ReasonCode, long? IfMatch, DateTimeOffset At) : IAgentCommand;

public sealed record NotReadyBody(string? ReasonCode);

public sealed class GoNotReadyValidator : AbstractValidator<GoNotReady>
{
    public GoNotReadyValidator(ReadModelDb db)
    {
        RuleFor(c => c.ReasonCode).NotEmpty().WithMessage("Give a reason code.")
            .MustAsync((code, ct) => db.ReasonCodes.AnyAsync(r => r.Code == code && r.Active, ct))
            .WithMessage(c => $"'{c.ReasonCode}' is not an active reason code.");
    }
}

public sealed class GoNotReadyHandler(AgentCommandRunner runner) : ICommandHandler<GoNotReady, AgentStateDto>
{
    public ValueTask<AgentStateDto> Handle(GoNotReady c, CancellationToken ct) =>
        runner.RunAsync(c, s => AgentDecider.GoNotReady(s, c.AgentId, c.ReasonCode!, c.At), ct);
}
