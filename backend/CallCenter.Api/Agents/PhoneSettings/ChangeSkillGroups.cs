using CallCenter.Agents.CurrentStates;
using CallCenter.Infrastructure.Auth;
using FluentValidation;
using Mediator;

namespace CallCenter.Agents.PhoneSettings;

/// <summary>R-PHONE-12: take calls for these of my assigned skill groups (primary first).</summary>
public sealed record ChangeSkillGroups(string AgentId, string[]? SkillGroups, long? IfMatch, DateTimeOffset At) : IAgentCommand;
public sealed record SkillGroupsBody(string[]? SkillGroups);

public sealed class ChangeSkillGroupsValidator : AbstractValidator<ChangeSkillGroups>
{
    public ChangeSkillGroupsValidator(UserDirectory users)
    {
        RuleFor(c => c.SkillGroups).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose at least one skill group.")
            .Must(g => g!.Distinct().Count() == g!.Length).WithMessage("A skill group appears twice.")
            .MustAsync(async (c, groups, ct) => (await users.FindAsync(c.AgentId, ct))?.SkillGroups is { } assigned && groups!.All(assigned.Contains))
            .WithMessage("Only skill groups assigned to the agent.");
    }
}

public sealed class ChangeSkillGroupsHandler(AgentCommandRunner runner) : ICommandHandler<ChangeSkillGroups, AgentStateDto>
{
    public ValueTask<AgentStateDto> Handle(ChangeSkillGroups c, CancellationToken ct) =>
        runner.RunAsync(c, s => AgentDecider.ChangeSkillGroups(s, c.AgentId, c.SkillGroups!, c.At), ct);
}
