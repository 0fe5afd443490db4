using CallCenter.Agents.CurrentStates;
using Mediator;

namespace CallCenter.Agents.GoingReady;

/// <summary>R-PHONE-2: ready for calls.</summary>
public sealed record GoReady(string AgentId, long? IfMatch, DateTimeOffset At) : IAgentCommand;

public sealed class GoReadyHandler(AgentCommandRunner runner) : ICommandHandler<GoReady, AgentStateDto>
{
    public ValueTask<AgentStateDto> Handle(GoReady c, CancellationToken ct) =>
        runner.RunAsync(c, s => AgentDecider.GoReady(s, c.AgentId, c.At), ct);
}
