using CallCenter.Agents.CurrentStates;
using CallCenter.Infrastructure.Auth;
using FluentValidation;
using Mediator;

namespace CallCenter.Agents.SigningIn;

/// <summary>R-PHONE-1: sign in to the queues (the agent starts not ready). Extension and skill groups default to the agent's profile.</summary>
public sealed record SignIn(string AgentId, string? Extension, string[]? SkillGroups, long? IfMatch, DateTimeOffset At) : IAgentCommand;

public sealed record SignInBody(string? Extension, string[]? SkillGroups);

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(c => c.Extension).MaximumLength(16).Matches("^[0-9]+$").When(c => c.Extension is not null)
            .WithMessage("An extension is digits only.");
        RuleForEach(c => c.SkillGroups).NotEmpty().MaximumLength(64);
    }
}

public sealed class SignInHandler(AgentCommandRunner runner, UserDirectory users) : ICommandHandler<SignIn, AgentStateDto>
{
    public async ValueTask<AgentStateDto> Handle(SignIn c, CancellationToken ct)
    {
        var profile = await users.FindAsync(c.AgentId, ct);
        var extension = c.Extension ?? profile?.Extension;
        var skillGroups = c.SkillGroups is { Length: > 0 } groups ? groups : profile?.SkillGroups ?? [];
        return await runner.RunAsync(c, s => AgentDecider.SignIn(s, c.AgentId, extension, skillGroups, c.At), ct);
    }
}
