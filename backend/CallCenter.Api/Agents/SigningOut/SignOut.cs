using CallCenter.Agents.CurrentStates;
using Mediator;

namespace CallCenter.Agents.SigningOut;

/// <summary>R-PHONE-1: sign out of the queues.</summary>
public sealed record SignOut(string AgentId, long? IfMatch, DateTimeOffset At) : IAgentCommand;

public sealed class SignOutHandler(AgentCommandRunner runner) : ICommandHandler<SignOut, AgentStateDto>
{
    public ValueTask<AgentStateDto> Handle(SignOut c, CancellationToken ct) =>
        runner.RunAsync(c, s => AgentDecider.SignOut(s, c.AgentId, c.At), ct);
}
