using CallCenter.Agents;
using CallCenter.Agents.Breaks;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Tests.Agents.Breaks;

/// <summary>Given events / when command / then events on the team's breaks (R-STATE-3) and the agent's scheduled break.</summary>
public class BreakDeciderTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.FromHours(8));
    const string Team = "team-1";
    static readonly BreakRule LunchRule = new(NeedsApproval: true, MaxAway: 1);
    static BreakRule Rules(string code) => code == "lunch" ? LunchRule : new BreakRule(false, null);

    static TeamBreaks Given(params BreakEvent[] events) => events.Aggregate(TeamBreaksStream.Initial, TeamBreaksStream.Evolve);
    static BreakRequested Asked(string id, string agent, string reason = "lunch", int minute = 0) => new(Team, id, agent, reason, T0.AddMinutes(minute));

    [Fact]
    public void A_reason_needing_approval_waits_pending_and_one_without_is_granted_at_once()
    {
        Assert.IsType<BreakRequested>(Assert.Single(BreakDecider.Request(Given(), Team, "r1", "agent1", "lunch", LunchRule, T0)));
        var events = BreakDecider.Request(Given(), Team, "r2", "agent2", "break", Rules("break"), T0);
        Assert.Equal([typeof(BreakRequested), typeof(BreakApproved)], events.Select(e => e.GetType()));
        Assert.True(((BreakApproved)events[1]).Automatic);
    }

    [Fact]
    public void One_open_request_per_agent()
    {
        var e = Assert.Throws<RuleViolationException>(() => BreakDecider.Request(Given(Asked("r1", "agent1")), Team, "r2", "agent1", "break", Rules("break"), T0));
        Assert.Equal("breakOpen", e.Code);
    }

    [Fact]
    public void Approval_only_below_the_maximum_away()
    {
        var s = Given(Asked("r1", "agent1"), Asked("r2", "agent2", minute: 1), new BreakApproved(Team, "r1", false, T0.AddMinutes(2)));
        Assert.Equal(1, s.AwayWith("lunch"));
        var e = Assert.Throws<RuleViolationException>(() => BreakDecider.Approve(s, Team, "r2", LunchRule, T0.AddMinutes(3)));
        Assert.Equal("maxAway", e.Code);
        Assert.Empty(BreakDecider.Approve(s, Team, "r1", LunchRule, T0.AddMinutes(3))); // approved twice: nothing
        Assert.Single(BreakDecider.Approve(s, Team, "r2", new BreakRule(true, 2), T0.AddMinutes(3)));
    }

    [Fact]
    public void When_the_agent_is_back_the_oldest_waiting_request_is_granted()
    {
        var s = Given(Asked("r1", "agent1"), Asked("r2", "agent2", minute: 1), Asked("r3", "agent3", minute: 2),
            new BreakApproved(Team, "r1", false, T0.AddMinutes(3)), new BreakStarted(Team, "r1", T0.AddMinutes(3)));
        var events = BreakDecider.AgentLeft(s, Team, "r1", Rules, T0.AddMinutes(30));
        Assert.Equal([typeof(BreakEnded), typeof(BreakApproved)], events.Select(e => e.GetType()));
        Assert.Equal("r2", events[1].RequestId);
        var after = events.Aggregate(s, TeamBreaksStream.Evolve);
        Assert.Equal(BreakStates.Pending, after.Find("r3")!.State); // still full: r3 waits
        Assert.Empty(BreakDecider.AgentLeft(after, Team, "r1", Rules, T0.AddMinutes(31))); // already ended
    }

    [Fact]
    public void Gone_before_the_break_began_cancels_it_and_frees_the_place()
    {
        var s = Given(Asked("r1", "agent1"), new BreakApproved(Team, "r1", false, T0), Asked("r2", "agent2", minute: 1));
        var events = BreakDecider.AgentLeft(s, Team, "r1", Rules, T0.AddMinutes(2));
        Assert.Equal([typeof(BreakCancelled), typeof(BreakApproved)], events.Select(e => e.GetType()));
    }

    [Fact]
    public void Deny_only_pending_and_cancel_only_before_the_break_begins()
    {
        var s = Given(Asked("r1", "agent1"), Asked("r2", "agent2"), new BreakApproved(Team, "r2", false, T0), new BreakStarted(Team, "r2", T0));
        Assert.IsType<BreakDenied>(Assert.Single(BreakDecider.Deny(s, Team, "r1", T0)));
        Assert.Equal("breakNotPending", Assert.Throws<RuleViolationException>(() => BreakDecider.Deny(s, Team, "r2", T0)).Code);
        Assert.Equal("breakNotOpen", Assert.Throws<RuleViolationException>(() => BreakDecider.Cancel(s, Team, "r2", Rules, T0)).Code);
        Assert.Throws<NotFoundException>(() => BreakDecider.Deny(s, Team, "nope", T0));
    }

    static Agent Agent(params AgentEvent[] events) => events.Aggregate(AgentStream.Initial, AgentStream.Evolve);

    [Fact]
    public void A_break_granted_in_after_call_work_waits_for_the_tag_then_begins_instead_of_ready()
    {
        var wrapUp = Agent(new AgentSignedIn("agent1", null, [], T0), new AgentBecameReady("agent1", T0),
            new AgentCallStarted("agent1", "c1", T0.AddMinutes(1)), new AgentCallEnded("agent1", "c1", T0.AddMinutes(2)));
        Assert.Equal((AgentStatus.WrapUp, "c1"), (wrapUp.Status, wrapUp.UntaggedCallId));
        var scheduled = Assert.IsType<AgentBreakScheduled>(Assert.Single(AgentDecider.TakeBreak(wrapUp, "agent1", "lunch", "r1", T0.AddMinutes(3))));
        var s = AgentStream.Evolve(wrapUp, scheduled);
        Assert.Equal(AgentStatus.WrapUp, s.Status);
        Assert.Empty(AgentDecider.StartScheduledBreak(s, "agent1", T0.AddMinutes(3))); // not tagged yet
        s = AgentStream.Evolve(s, new AgentCallTagged("agent1", "c1", T0.AddMinutes(4)));
        var begins = Assert.IsType<AgentBecameNotReady>(Assert.Single(AgentDecider.StartScheduledBreak(s, "agent1", T0.AddMinutes(4))));
        Assert.Equal("lunch", begins.ReasonCode);
        // ending the wrap-up by hand goes to the break, not to ready
        Assert.IsType<AgentBecameNotReady>(Assert.Single(AgentDecider.EndWrapUp(s, "agent1", T0.AddMinutes(4))));
        Assert.Null(AgentStream.Evolve(s, begins).ScheduledReasonCode);
    }

    [Fact]
    public void A_break_granted_while_ready_begins_at_once()
    {
        var ready = Agent(new AgentSignedIn("agent1", null, [], T0), new AgentBecameReady("agent1", T0));
        Assert.IsType<AgentBecameNotReady>(Assert.Single(AgentDecider.TakeBreak(ready, "agent1", "lunch", "r1", T0)));
        Assert.Empty(AgentDecider.TakeBreak(Agent(), "agent1", "lunch", "r1", T0)); // signed out: nothing
    }
}
