using CallCenter.Agents;
using CallCenter.Simulation.History;
using CallCenter.Simulation.Traffic;

namespace CallCenter.Tests.Simulation;

/// <summary>The virtual-clock day: callers wait for the skilled agent free soonest and abandon past their patience.</summary>
public class DaySimulationTests
{
    static readonly DateOnly Day = new(2026, 11, 10);
    static readonly Caller[] Callers = [.. Enumerable.Range(0, 200).Select(i => new Caller($"1390000{i:D4}", "east"))];

    [Fact]
    public void Too_few_agents_make_callers_abandon_and_nobody_takes_a_call_outside_their_skills()
    {
        var agents = new[] { new SimAgent("agent1", ["broadband"]), new SimAgent("agent2", ["billing"]) };
        var plan = TrafficModel.PlanDay(Day, 5, Callers, new TrafficOptions(600, BurstDayShare: 0));
        var day = new DaySimulation(agents, Guid.NewGuid()).Run(Day, plan);

        Assert.Contains(day.CtiFacts, f => f.Type == "CallAbandoned");
        var queueOf = plan.ToDictionary(c => c.CallId, c => c.Queue);
        Assert.All(day.CtiFacts.Where(f => f.Type == "CallAnswered"), f =>
            Assert.Contains(queueOf[f.CallId!], agents.Single(a => a.Id == f.AgentId).SkillGroups));
        Assert.All(day.CtiFacts.Where(f => f.Type == "CallOffered"), f => Assert.NotEqual("general", queueOf[f.CallId!])); // nobody has it
        foreach (var (agent, events) in day.AgentEvents)
        {
            Assert.IsType<AgentSignedIn>(events[0]);
            Assert.IsType<AgentSignedOut>(events[^1]);
            Assert.Equal(events.Select(e => e.At).Order(), events.Select(e => e.At));
            Assert.Equal(events.Count, day.AgentEventIds[agent].Distinct().Count());
        }
    }
}
