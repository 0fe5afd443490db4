using CallCenter.Agents.CurrentStates;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using Mediator;

namespace CallCenter.Agents;

/// <summary>A command on one agent's stream. <c>IfMatch</c> is the revision the client saw (optional).</summary>
public interface IAgentCommand : ICommand<AgentStateDto>
{
    string AgentId { get; }
    long? IfMatch { get; }
}

/// <summary>Runs a pure agent decision through the command pipeline and returns the new state.</summary>
public sealed class AgentCommandRunner(CommandPipeline pipeline, CurrentUser user, UserDirectory users)
{
    public async ValueTask<AgentStateDto> RunAsync(IAgentCommand command, Func<Agent, IReadOnlyList<AgentEvent>> decide, CancellationToken ct)
    {
        var decided = await pipeline.HandleAsync<AgentStream, Agent, AgentEvent>(
            command.AgentId, command.IfMatch, decide, user.Metadata(command.AgentId), ct);
        return AgentStateDto.From(command.AgentId, await users.NameOfAsync(command.AgentId, ct), decided.State, decided.Revision);
    }
}

/// <summary>
/// Before any agent command: the agent must exist (404) and the caller must be that agent or a
/// supervisor/admin (403). Runs ahead of validation so that a stranger learns nothing from a 400.
/// </summary>
public sealed class AgentAccessBehavior<TMessage, TResponse>(CurrentUser user, UserDirectory users)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IAgentCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        // Supervisors and admins know the agents: a missing one is 404 for them; anyone else learns nothing (403 first).
        if (!user.CanSupervise) await user.EnsureMayActForAsync(message.AgentId, ct);
        var agent = await users.FindAsync(message.AgentId, ct);
        if (agent is null || !agent.Roles.Contains(Roles.Agent))
            throw new NotFoundException($"There is no agent '{message.AgentId}'.");
        if (user.CanSupervise) await user.EnsureMayActForAsync(message.AgentId, ct); // only the agents of their own teams (R-ROLE-2)
        return await next(message, ct);
    }
}
