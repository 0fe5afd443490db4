using CallCenter.Calls;
using CallCenter.Recordings.Policy;
using CallCenter.Recordings.Simulated;
using CallCenter.Recordings.Synthesis;

namespace CallCenter.Tests.Recordings;

public sealed class RecordingUnitTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(600)]
    public void The_speech_like_wav_is_exactly_as_long_as_asked_and_not_silent(int seconds)
    {
        var wav = SpeechLikeWav.For("SIM-1", seconds);
        Assert.Equal((double)seconds, Wav.DurationSeconds(wav));
        Assert.Equal(44 + seconds * 8000, wav.Length);
        Assert.Equal(wav, SpeechLikeWav.For("SIM-1", seconds)); // the same call always sounds the same
        Assert.Contains(wav[44..], b => Math.Abs(b - 128) > 30);
        var quiet = wav[44..].Count(b => Math.Abs(b - 128) < 4) / (double)(seconds * 8000);
        Assert.InRange(quiet, 0.05, 0.95); // speech and pauses, not a tone
    }

    [Fact]
    public void Talk_time_runs_from_the_first_answer_to_the_end_whatever_the_event_order()
    {
        CallEvent[] events =
        [
            new CallEnded("C1", "agent1", "agent", T0.AddSeconds(95.4)),
            new CallArrived("C1", "139", "96000", [], T0),
            new CallQueued("C1", "broadband", T0.AddSeconds(1)),
            new CallAnswered("C1", "agent1", T0.AddSeconds(10)),
            new CallAnswered("C1", "agent5", T0.AddSeconds(50)),
        ];
        var call = ConnectedCall.From("C1", events)!;
        Assert.Equal(("inbound", "broadband", "agent1", 85), (call.Direction, call.Queue, call.AgentId, call.TalkSeconds));
        Assert.Null(ConnectedCall.From("C2", [new CallArrived("C2", "139", null, [], T0), new CallAbandoned("C2", "broadband", T0.AddSeconds(5)), new CallEnded("C2", null, "customer", T0.AddSeconds(5))]));
        Assert.Null(ConnectedCall.From("C3", [new CallDialed("C3", "agent1", CallKinds.Internal, null, "agent2", null, null, T0), new CallEnded("C3", "agent1", "agent", T0.AddSeconds(9))]));
        Assert.Equal(("outbound", 9), ConnectedCall.From("C4", [new CallDialed("C4", "agent1", CallKinds.Outbound, "0571", null, null, null, T0), new CallEnded("C4", "agent1", "agent", T0.AddSeconds(9))]) is { } o ? (o.Direction, o.TalkSeconds) : default);
    }

    [Fact]
    public void The_most_specific_rule_decides_and_a_share_records_about_that_share()
    {
        var policy = new RecordingPolicy(
        [
            new(RuleScopes.Default, null, RuleModes.None),
            new(RuleScopes.Direction, "inbound", RuleModes.Share, 30),
            new(RuleScopes.Team, "team-2", RuleModes.All),
            new(RuleScopes.Queue, "billing", RuleModes.None),
        ], 30);
        Assert.False(policy.ShouldRecord("x", "outbound", "broadband", "team-1"));
        Assert.True(policy.ShouldRecord("x", "outbound", "broadband", "team-2"));
        Assert.False(policy.ShouldRecord("x", "inbound", "billing", "team-2"));
        var share = Enumerable.Range(0, 10_000).Count(i => policy.ShouldRecord($"SIM-{i}", "inbound", "broadband", "team-1"));
        Assert.InRange(share, 2_800, 3_200);
        Assert.True(RecordingPolicy.Default.ShouldRecord("x", "inbound", null, null));
    }
}
