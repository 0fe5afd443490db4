using CallCenter.Calls;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Supervisor.Supervising;

/// <summary>A supervisor's step on a call (R-SUP-1…4): monitor, whisper, barge, intercept, release or leave. At: from the edge.</summary>
public sealed record SuperviseCall(string CallId, string SupervisorId, string Mode, DateTimeOffset At);

/// <summary>
/// Pure: whether a supervisor's step fits the call as its own stream tells it (<see cref="Call.OnCall"/>, the supervisor and
/// the mode). Steps move freely between monitor, whisper and barge; an intercepted call is the supervisor's own, so only
/// release (or, with an agent still on it, leave) fits it. A repeated step decides nothing (idempotent).
/// </summary>
public static class SupervisionDecider
{
    public static CallSupervised? Decide(Call call, SuperviseCall c)
    {
        if (!call.Exists) throw new NotFoundException($"There is no call '{c.CallId}'.");
        if (!SupervisionModes.All.Contains(c.Mode)) throw new RuleViolationException($"Unknown supervision mode '{c.Mode}'.", "unknownMode");
        if (call.Ended) throw new RuleViolationException($"Call '{c.CallId}' has ended.", "callEnded");
        var mine = call.Supervisor == c.SupervisorId;
        if (call.Supervisor is { } other && !mine && c.Mode != SupervisionModes.Release)
            throw new RuleViolationException($"'{other}' is supervising call '{c.CallId}'.", "supervisedByOther", new Dictionary<string, string> { ["supervisor"] = other });
        if (mine && call.SupervisionMode == c.Mode) return null;
        var agent = call.OnCall.FirstOrDefault();
        switch (c.Mode)
        {
            case SupervisionModes.Leave:
                if (!mine) return null;
                if (call.SupervisionMode == SupervisionModes.Intercept)
                    throw new RuleViolationException("You have the customer: release the call to end it.", "releaseInstead");
                break;
            case SupervisionModes.Release:
                break;
            default:
                if (mine && call.SupervisionMode == SupervisionModes.Intercept)
                    throw new RuleViolationException($"Call '{c.CallId}' is already yours.", "intercepted");
                if (agent is null) throw new RuleViolationException($"No agent is talking on call '{c.CallId}'.", "noAgentOnCall");
                break;
        }
        return new CallSupervised(c.CallId, c.SupervisorId, c.Mode, agent ?? call.AgentsWhoAnswered.LastOrDefault(), c.At);
    }

    /// <summary>The agents whose supervisors may act on the call: those on it, else (intercepted, ended) those who answered it.</summary>
    public static string[] AgentsOf(Call call) => call.OnCall.Length > 0 ? call.OnCall : call.AgentsWhoAnswered;
}
