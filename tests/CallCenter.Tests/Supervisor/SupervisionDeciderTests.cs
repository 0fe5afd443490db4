using CallCenter.Calls;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Supervisor.Supervising;

namespace CallCenter.Tests.Supervisor;

/// <summary>R-SUP-1…4: the pure decision on a supervisor's step, from the call's own stream.</summary>
public class SupervisionDeciderTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    static Call Fold(params CallEvent[] events) => events.Aggregate(CallStream.Initial, CallStream.Evolve);

    static Call Talking() => Fold(new CallArrived("c1", "13900000001", null, [], T0), new CallQueued("c1", "broadband", T0),
        new CallOffered("c1", "agent1", "broadband", T0), new CallAnswered("c1", "agent1", T0.AddSeconds(3)));

    static CallSupervised? Decide(Call call, string mode, string by = "supervisor1") =>
        SupervisionDecider.Decide(call, new SuperviseCall("c1", by, mode, T0.AddMinutes(1)));

    [Fact]
    public void Each_step_on_a_talking_call_is_one_event_naming_the_supervisor_the_mode_and_the_agent()
    {
        foreach (var mode in new[] { "monitor", "whisper", "barge", "intercept", "release" })
            Assert.Equal(new CallSupervised("c1", "supervisor1", mode, "agent1", T0.AddMinutes(1)), Decide(Talking(), mode));
    }

    [Fact]
    public void Monitor_then_whisper_then_barge_moves_the_mode_and_a_repeated_step_decides_nothing()
    {
        var call = Talking();
        foreach (var mode in new[] { "monitor", "whisper", "barge" })
        {
            var e = Decide(call, mode)!;
            call = CallStream.Evolve(call, e);
            Assert.Equal(("supervisor1", mode), (call.Supervisor, call.SupervisionMode));
            Assert.Null(Decide(call, mode));
        }
        call = CallStream.Evolve(call, Decide(call, "leave")!);
        Assert.Null(call.Supervisor);
        Assert.Null(Decide(call, "leave")); // not supervising: nothing to leave
    }

    [Fact]
    public void Intercept_leaves_the_call_to_the_supervisor_only_release_ends_it()
    {
        var call = CallStream.Evolve(Talking(), Decide(Talking(), "intercept")!);
        call = CallStream.Evolve(call, new CallPartyLeft("c1", "agent", "agent1", T0.AddMinutes(1)));
        Assert.Empty(call.OnCall);
        Assert.Equal("intercepted", Assert.Throws<RuleViolationException>(() => Decide(call, "barge")).Code);
        Assert.Equal("releaseInstead", Assert.Throws<RuleViolationException>(() => Decide(call, "leave")).Code);
        Assert.Null(Decide(call, "intercept"));
        var release = Decide(call, "release")!;
        Assert.Equal("agent1", release.AgentId); // the agent whose call it was
        call = CallStream.Evolve(call, new CallEnded("c1", null, "supervisor", T0.AddMinutes(2)));
        Assert.Equal("callEnded", Assert.Throws<RuleViolationException>(() => Decide(call, "release")).Code);
    }

    [Fact]
    public void Another_supervisor_may_only_force_release_a_supervised_call()
    {
        var call = CallStream.Evolve(Talking(), Decide(Talking(), "monitor")!);
        var e = Assert.Throws<RuleViolationException>(() => Decide(call, "whisper", by: "admin"));
        Assert.Equal("supervisedByOther", e.Code);
        Assert.Equal("supervisor1", e.Args["supervisor"]);
        Assert.Equal("release", Decide(call, "release", by: "admin")!.Mode);
    }

    [Fact]
    public void No_call_no_agent_or_an_unknown_mode_is_refused()
    {
        Assert.Throws<NotFoundException>(() => Decide(CallStream.Initial, "monitor"));
        var queued = Fold(new CallArrived("c1", "13900000001", null, [], T0), new CallQueued("c1", "broadband", T0));
        Assert.Equal("noAgentOnCall", Assert.Throws<RuleViolationException>(() => Decide(queued, "monitor")).Code);
        Assert.Equal("unknownMode", Assert.Throws<RuleViolationException>(() => Decide(Talking(), "listen")).Code);
    }

    [Fact]
    public void The_agents_on_the_call_follow_answers_conferences_leaves_and_transfers()
    {
        var call = Fold(new CallArrived("c1", "1", null, [], T0), new CallAnswered("c1", "agent1", T0), new CallConferenced("c1", "agent1", "agent5", T0),
            new CallPartyLeft("c1", "agent", "agent1", T0));
        Assert.Equal(["agent5"], call.OnCall);
        call = CallStream.Evolve(call, new CallTransferred("c1", "agent5", "agent7", null, null, T0));
        Assert.Empty(call.OnCall);
        Assert.Equal(["agent1", "agent5"], SupervisionDecider.AgentsOf(call));
    }
}
