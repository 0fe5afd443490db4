using CallCenter.Agents.CurrentStates;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
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
        RuleFor(c => c.SkillGroups).Must(g => g is null || g.Length <= MaxSkillGroups).WithMessage($"At most {MaxSkillGroups} skill groups.")
            .Must(g => g is null || g.Distinct().Count() == g.Length).WithMessage("A skill group appears twice.");
        RuleForEach(c => c.SkillGroups).NotEmpty().MaximumLength(64);
    }

    public const int MaxSkillGroups = 32;
}

/// <summary>
/// Agents act within their profile (issue 17): only skill groups assigned to the agent, and the agent's own extension;
/// another extension only when a supervisor or admin signs the agent in (403 otherwise).
/// </summary>
public sealed class SignInHandler(AgentCommandRunner runner, UserDirectory users, CurrentUser user) : ICommandHandler<SignIn, AgentStateDto>
{
    public async ValueTask<AgentStateDto> Handle(SignIn c, CancellationToken ct)
    {
        var profile = await users.FindAsync(c.AgentId, ct);
        var extension = c.Extension ?? profile?.Extension;
        var skillGroups = c.SkillGroups is { Length: > 0 } groups ? groups : profile?.SkillGroups ?? [];
        var assigned = profile?.SkillGroups ?? [];
        if (skillGroups.Where(g => !assigned.Contains(g)).ToList() is { Count: > 0 } foreign)
            throw new ForbiddenException($"'{c.AgentId}' is not assigned to {string.Join(", ", foreign.Take(5))}; assigned: {string.Join(", ", assigned)}.");
        if (c.Extension is not null && c.Extension != profile?.Extension && !user.CanSupervise)
            throw new ForbiddenException($"Sign in on your own extension ({profile?.Extension ?? "none set"}); a supervisor or admin can sign you in on another.");
        return await runner.RunAsync(c, s => AgentDecider.SignIn(s, c.AgentId, extension, skillGroups, c.At), ct);
    }
}
