using CallCenter.Agents;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Tests.Agents;

/// <summary>Given events / when command / then events, on the pure agent decider (R-STATE-1, R-PHONE-1, R-PHONE-2).</summary>
public class AgentDeciderTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(8));
    const string Id = "agent1";

    static Agent Given(params AgentEvent[] events) => events.Aggregate(AgentStream.Initial, AgentStream.Evolve);

    [Fact]
    public void Signing_in_from_signed_out_starts_not_ready_with_extension_and_groups()
    {
        var events = AgentDecider.SignIn(Given(), Id, "8001", ["broadband"], T0);
        var e = Assert.IsType<AgentSignedIn>(Assert.Single(events));
        Assert.Equal("8001", e.Extension);
        var state = AgentStream.Evolve(Given(), e);
        Assert.Equal(AgentStatus.NotReady, state.Status);
        Assert.Equal(T0, state.Since);
    }

    [Fact]
    public void Signing_in_twice_decides_nothing() =>
        Assert.Empty(AgentDecider.SignIn(Given(new AgentSignedIn(Id, "8001", [], T0)), Id, "8001", [], T0.AddMinutes(1)));

    [Fact]
    public void Ready_needs_sign_in() =>
        Assert.Throws<RuleViolationException>(() => AgentDecider.GoReady(Given(), Id, T0));

    [Fact]
    public void Ready_when_ready_is_idempotent() =>
        Assert.Empty(AgentDecider.GoReady(Given(new AgentSignedIn(Id, null, [], T0), new AgentBecameReady(Id, T0)), Id, T0.AddSeconds(5)));

    [Fact]
    public void Not_ready_records_the_reason_and_changing_reason_is_a_new_event()
    {
        var s = Given(new AgentSignedIn(Id, null, [], T0), new AgentBecameNotReady(Id, "break", T0.AddMinutes(1)));
        Assert.Equal("break", s.ReasonCode);
        Assert.Empty(AgentDecider.GoNotReady(s, Id, "break", T0.AddMinutes(2)));
        var e = Assert.IsType<AgentBecameNotReady>(Assert.Single(AgentDecider.GoNotReady(s, Id, "lunch", T0.AddMinutes(2))));
        Assert.Equal("lunch", e.ReasonCode);
    }

    [Fact]
    public void Wrap_up_ends_in_ready_and_ending_it_outside_wrap_up_is_refused()
    {
        var s = Given(new AgentSignedIn(Id, null, [], T0), new AgentStartedWrapUp(Id, T0.AddMinutes(1)));
        Assert.Equal(AgentStatus.WrapUp, s.Status);
        var end = Assert.Single(AgentDecider.EndWrapUp(s, Id, T0.AddMinutes(2)));
        Assert.Equal(AgentStatus.Ready, AgentStream.Evolve(s, end).Status);
        Assert.Throws<RuleViolationException>(() => AgentDecider.EndWrapUp(AgentStream.Evolve(s, end), Id, T0.AddMinutes(3)));
    }

    [Fact]
    public void Signing_out_returns_to_signed_out_and_twice_is_idempotent()
    {
        var s = Given(new AgentSignedIn(Id, null, [], T0), new AgentBecameReady(Id, T0));
        var e = Assert.Single(AgentDecider.SignOut(s, Id, T0.AddHours(8)));
        var after = AgentStream.Evolve(s, e);
        Assert.Equal(AgentStatus.SignedOut, after.Status);
        Assert.Empty(AgentDecider.SignOut(after, Id, T0.AddHours(9)));
    }

    [Fact]
    public void Every_event_round_trips_through_its_wire_name()
    {
        AgentEvent[] all =
        [
            new AgentSignedIn(Id, "8001", ["a", "b"], T0), new AgentBecameReady(Id, T0), new AgentBecameNotReady(Id, "lunch", T0),
            new AgentStartedWrapUp(Id, T0), new AgentEndedWrapUp(Id, T0), new AgentSignedOut(Id, T0),
        ];
        foreach (var e in all)
        {
            var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), Json.Options);
            var back = AgentStream.Decode(AgentStream.WireName(e), json);
            Assert.NotNull(back);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(e, e.GetType()), System.Text.Json.JsonSerializer.Serialize(back, back!.GetType()));
            Assert.EndsWith(".v1", AgentStream.WireName(e));
        }
    }
}
