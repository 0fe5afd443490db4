using CallCenter.Calls;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Telephony;

namespace CallCenter.Supervisor.Supervising;

/// <summary>What a supervision step left: the call, the supervisor and the mode now (null once they left or the call ended).</summary>
public sealed record SupervisionDto(string CallId, string? Supervisor, string? Mode, string[] Agents, bool Ended);

/// <summary>
/// Call supervision (R-SUP-1…4): load the call's stream, check the supervisor supervises one of the agents on it (admins any),
/// decide the step, and have the PBX apply it through the telephony port; the PBX reports the facts with the supervisor as actor.
/// </summary>
public sealed class CallSupervisor(CommandPipeline pipeline, ICallSupervision pbx, CurrentUser user, TeamScope teams, TimeProvider clock)
{
    public async Task<SupervisionDto> SuperviseAsync(string callId, string mode, CancellationToken ct)
    {
        var (call, _) = await pipeline.LoadAsync<CallStream, Call, CallEvent>(callId, ct);
        if (!call.Exists) throw new NotFoundException($"There is no call '{callId}'.");
        var agents = SupervisionDecider.AgentsOf(call);
        if (!user.IsAdmin)
        {
            var scope = await teams.GetAsync(ct);
            if (!agents.Any(a => scope.MaySupervise(user.Id, a)))
                throw new ForbiddenException($"'{user.Id}' does not supervise the agents on call '{callId}'.");
        }
        if (SupervisionDecider.Decide(call, new SuperviseCall(callId, user.Id, mode, clock.GetUtcNow())) is { } step)
        {
            await pbx.SuperviseAsync(step, user.Metadata(step.AgentId ?? callId), ct);
            (call, _) = await pipeline.LoadAsync<CallStream, Call, CallEvent>(callId, ct);
        }
        return new SupervisionDto(callId, call.Supervisor, call.SupervisionMode, call.OnCall, call.Ended);
    }
}
