using CallCenter.Agents.CurrentStates;
using Mediator;

namespace CallCenter.Agents.PhoneSettings;

/// <summary>R-PHONE-2: auto-answer mode — offered calls connect at once.</summary>
public sealed record SetAutoAnswer(string AgentId, bool On, long? IfMatch, DateTimeOffset At) : IAgentCommand;
public sealed record AutoAnswerBody(bool On);

public sealed class SetAutoAnswerHandler(AgentCommandRunner runner) : ICommandHandler<SetAutoAnswer, AgentStateDto>
{
    public ValueTask<AgentStateDto> Handle(SetAutoAnswer c, CancellationToken ct) =>
        runner.RunAsync(c, s => s.AutoAnswer == c.On ? [] : [new AgentAutoAnswerSet(c.AgentId, c.On, c.At)], ct);
}
