using CallCenter.Agents;
using CallCenter.Calls;
using CallCenter.Calls.Ingesting;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Simulation.Traffic;

namespace CallCenter.Simulation.History;

/// <summary>An agent of the simulated center: id and skill groups.</summary>
public sealed record SimAgent(string Id, string[] SkillGroups);

/// <summary>What one simulated day produces: each agent's events in time order, the PBX's CTI facts, and the tags.</summary>
public sealed record SimulatedDay(Dictionary<string, List<AgentEvent>> AgentEvents, Dictionary<string, List<Guid>> AgentEventIds,
    List<CtiEvent> CtiFacts, List<CallTagged> Tags);

/// <summary>
/// Plays a planned day on a virtual clock (pure: ids derive from the seed, times from the plan). Agents work
/// 08:00–20:00 (center time) with a 30-minute lunch; a call goes to the skilled agent free soonest (longest idle
/// on ties); a caller whose wait exceeds their patience abandons; outside working hours callers leave a voice message.
/// The agents' call events carry the ids the CallsToAgents reactor derives, so its own appends become duplicates.
/// </summary>
public sealed class DaySimulation(IReadOnlyList<SimAgent> agents, Guid ns, TimeZoneInfo? zone = null)
{
    sealed class AgentClock { public DateTimeOffset FreeAt; public DateTimeOffset LunchAt; public bool LunchTaken; public DateTimeOffset ShiftEnd; }

    public SimulatedDay Run(DateOnly day, IReadOnlyList<PlannedCall> plan)
    {
        var center = zone ?? Infrastructure.CenterTime.DefaultZone;
        DateTimeOffset At(double hour) => TrafficOptions.At(day, hour, center);
        var events = agents.ToDictionary(a => a.Id, _ => new List<AgentEvent>());
        var ids = agents.ToDictionary(a => a.Id, _ => new List<Guid>());
        var clocks = new Dictionary<string, AgentClock>();
        var open = At(8);
        foreach (var (a, i) in agents.Select((a, i) => (a, i)))
        {
            var signIn = open.AddSeconds(i * 17 % 600);
            Add(a.Id, new AgentSignedIn(a.Id, null, a.SkillGroups, signIn), day, events, ids);
            Add(a.Id, new AgentBecameReady(a.Id, signIn.AddSeconds(60)), day, events, ids);
            clocks[a.Id] = new AgentClock { FreeAt = signIn.AddSeconds(60), LunchAt = At(11.5).AddMinutes(i * 7 % 90), ShiftEnd = At(20) };
        }
        var facts = new List<CtiEvent>();
        var tags = new List<CallTagged>();
        foreach (var call in plan)
        {
            var queuedAt = call.ArrivesAt.AddSeconds(8 + call.IvrTrail.Length * 4);
            var best = agents.Where(a => a.SkillGroups.Contains(call.Queue)).Select(a => (Agent: a, At: AnswerTime(a.Id, queuedAt, clocks[a.Id], day, events, ids)))
                .Where(x => x.At < clocks[x.Agent.Id].ShiftEnd).OrderBy(x => x.At).ThenBy(x => clocks[x.Agent.Id].FreeAt).ThenBy(x => x.Agent.Id, StringComparer.Ordinal)
                .Select(x => ((SimAgent, DateTimeOffset)?)x).FirstOrDefault();
            facts.Add(Fact(call, "CallArrived", call.ArrivesAt) with { Ani = call.Ani, Dnis = call.Dnis, IvrTrail = call.IvrTrail });
            if (best is null || call.ArrivesAt < open)
            {
                facts.Add(Fact(call, "VoiceMessageLeft", queuedAt.AddSeconds(20)) with { Ani = call.Ani, DurationSeconds = 10 + call.TalkSeconds % 40 });
                facts.Add(Fact(call, "CallEnded", queuedAt.AddSeconds(21)) with { EndedBy = "customer" });
                continue;
            }
            var (agent, answerAt) = best.Value;
            facts.Add(Fact(call, "CallQueued", queuedAt) with { Queue = call.Queue, Position = 1 });
            if (answerAt - queuedAt > TimeSpan.FromSeconds(call.PatienceSeconds))
            {
                facts.Add(Fact(call, "CallAbandoned", queuedAt.AddSeconds(call.PatienceSeconds)) with { Queue = call.Queue });
                facts.Add(Fact(call, "CallEnded", queuedAt.AddSeconds(call.PatienceSeconds)) with { EndedBy = "customer" });
                continue;
            }
            var answered = answerAt.AddSeconds(4);
            var end = answered.AddSeconds(call.TalkSeconds + call.HoldSeconds);
            facts.Add(Fact(call, "CallOffered", answerAt, agent.Id) with { Queue = call.Queue });
            var answer = Fact(call, "CallAnswered", answered, agent.Id);
            facts.Add(answer);
            if (call.HoldSeconds > 0)
            {
                var heldAt = answered.AddSeconds(call.TalkSeconds / 2);
                facts.Add(Fact(call, "CallHeld", heldAt, agent.Id));
                facts.Add(Fact(call, "CallRetrieved", heldAt.AddSeconds(call.HoldSeconds), agent.Id));
            }
            var ended = Fact(call, "CallEnded", end, agent.Id) with { EndedBy = "customer" };
            facts.Add(ended);
            if (call.SurveyScore is { } score) facts.Add(Fact(call, "SurveyCompleted", end.AddSeconds(25), agent.Id) with { Score = score });
            var taggedAt = end.AddSeconds(call.WrapSeconds);
            tags.Add(new CallTagged(call.CallId, agent.Id, call.Purpose, call.Subtype, null, call.Area, taggedAt));
            AddWithId(agent.Id, new AgentCallStarted(agent.Id, call.CallId, answered), ReactorId(answer, agent.Id), events, ids);
            AddWithId(agent.Id, new AgentCallEnded(agent.Id, call.CallId, end), ReactorId(ended, agent.Id), events, ids);
            Add(agent.Id, new AgentCallTagged(agent.Id, call.CallId, taggedAt), day, events, ids);
            Add(agent.Id, new AgentBecameReady(agent.Id, taggedAt.AddSeconds(1)), day, events, ids);
            clocks[agent.Id].FreeAt = taggedAt.AddSeconds(1);
        }
        foreach (var a in agents)
            Add(a.Id, new AgentSignedOut(a.Id, Max(clocks[a.Id].FreeAt, clocks[a.Id].ShiftEnd).AddSeconds(30)), day, events, ids);
        return new SimulatedDay(events, ids, facts, tags);
    }

    /// <summary>When the agent could answer a call queued at `at`, taking lunch first when it is due.</summary>
    DateTimeOffset AnswerTime(string agentId, DateTimeOffset at, AgentClock c, DateOnly day,
        Dictionary<string, List<AgentEvent>> events, Dictionary<string, List<Guid>> ids)
    {
        var start = Max(c.FreeAt, at);
        if (!c.LunchTaken && start >= c.LunchAt)
        {
            var lunch = Max(c.FreeAt, c.LunchAt);
            Add(agentId, new AgentBecameNotReady(agentId, "lunch", lunch), day, events, ids);
            Add(agentId, new AgentBecameReady(agentId, lunch.AddMinutes(30)), day, events, ids);
            c.LunchTaken = true;
            c.FreeAt = lunch.AddMinutes(30);
            start = Max(c.FreeAt, at);
        }
        return start;
    }

    CtiEvent Fact(PlannedCall call, string type, DateTimeOffset at, string? agentId = null) => new(
        DeterministicGuid.Create(ns, $"{call.CallId}/{type}"), type, call.CallId, at, null, null, null, agentId, null, null, null, null, null, null, null);

    /// <summary>The id CallsToAgents gives the agent event that follows a call event.</summary>
    static Guid ReactorId(CtiEvent fact, string agentId) => DeterministicGuid.Create(fact.EventId!.Value, "agent:" + agentId);

    void Add(string agentId, AgentEvent e, DateOnly day, Dictionary<string, List<AgentEvent>> events, Dictionary<string, List<Guid>> ids) =>
        AddWithId(agentId, e, DeterministicGuid.Create(ns, $"{agentId}/{day:yyyyMMdd}/{events[agentId].Count}"), events, ids);

    static void AddWithId(string agentId, AgentEvent e, Guid id, Dictionary<string, List<AgentEvent>> events, Dictionary<string, List<Guid>> ids)
    {
        events[agentId].Add(e);
        ids[agentId].Add(id);
    }

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
