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

/// <summary>A reason that needs approval (R-STATE-3) is asked for through POST /api/agents/{id}/break-requests; a supervisor may set it directly.</summary>
public sealed class GoNotReadyHandler(AgentCommandRunner runner, CallCenter.Infrastructure.Auth.CurrentUser user, ReadModelDb db) : ICommandHandler<GoNotReady, AgentStateDto>
{
    public async ValueTask<AgentStateDto> Handle(GoNotReady c, CancellationToken ct)
    {
        if (!user.CanSupervise && await db.ReasonCodes.AnyAsync(r => r.Code == c.ReasonCode && r.NeedsApproval, ct))
            throw new CallCenter.Infrastructure.EventSourcing.RuleViolationException(
                $"'{c.ReasonCode}' needs a supervisor's approval: ask for the break.", "needsApproval", new Dictionary<string, string> { ["reason"] = c.ReasonCode! });
        return await runner.RunAsync(c, s => AgentDecider.GoNotReady(s, c.AgentId, c.ReasonCode!, c.At), ct);
    }
}
