using CallCenter.Agents.CurrentStates;
using Mediator;

namespace CallCenter.Agents.WrappingUp;

/// <summary>R-PHONE-2: enter after-call work by hand.</summary>
public sealed record StartWrapUp(string AgentId, long? IfMatch, DateTimeOffset At) : IAgentCommand;

/// <summary>R-PHONE-2: leave after-call work; the agent is ready again.</summary>
public sealed record EndWrapUp(string AgentId, long? IfMatch, DateTimeOffset At) : IAgentCommand;

public sealed class StartWrapUpHandler(AgentCommandRunner runner) : ICommandHandler<StartWrapUp, AgentStateDto>
{
    public ValueTask<AgentStateDto> Handle(StartWrapUp c, CancellationToken ct) =>
        runner.RunAsync(c, s => AgentDecider.StartWrapUp(s, c.AgentId, c.At), ct);
}

public sealed class EndWrapUpHandler(AgentCommandRunner runner) : ICommandHandler<EndWrapUp, AgentStateDto>
{
    public ValueTask<AgentStateDto> Handle(EndWrapUp c, CancellationToken ct) =>
        runner.RunAsync(c, s => AgentDecider.EndWrapUp(s, c.AgentId, c.At), ct);
}
