using CallCenter.Calls;
using CallCenter.Reports.Intervals;
using static CallCenter.Reports.Intervals.Measures;

namespace CallCenter.Tests.Reports.Intervals;

/// <summary>Given a call's events, then its rows (the shapes the history generator does not write: transfers, three-way, short abandons, early tags).</summary>
public class CallContributionTests
{
    static readonly DateTimeOffset T = new(2026, 11, 21, 10, 14, 50, TimeSpan.FromHours(8));

    static Dictionary<IntervalKey, long[]> Rows(params CallEvent[] events)
    {
        var work = new CallWork();
        foreach (var e in events) work.Apply(e, _ => 20);
        var rows = new Dictionary<IntervalKey, long[]>();
        CallContributions.Add(work, +1, rows);
        return rows;
    }

    static long[] Of(Dictionary<IntervalKey, long[]> rows, string agent) => Assert.Single(rows, r => r.Key.Agent == agent).Value;

    [Fact]
    public void A_transferred_call_counts_once_for_the_queue_and_gives_each_agent_its_own_talk_hold_and_wrap_up()
    {
        var rows = Rows(new CallArrived("c", "138", "96123", [], T), new CallQueued("c", "billing", T.AddSeconds(12)),
            new CallAnswered("c", "a1", T.AddSeconds(40)), new CallHeld("c", "a1", T.AddSeconds(100)), new CallRetrieved("c", "a1", T.AddSeconds(130)),
            new CallTransferred("c", "a1", "a2", null, null, T.AddSeconds(160)), new CallOffered("c", "a2", null, T.AddSeconds(161)),
            new CallAnswered("c", "a2", T.AddSeconds(165)), new CallEnded("c", "a2", "customer", T.AddSeconds(265)),
            new CallTagged("c", "a2", "repair", "x", null, "riverside", T.AddSeconds(295)));
        Assert.All(rows.Keys, k => Assert.Equal((new DateTimeOffset(2026, 11, 21, 2, 15, 0, TimeSpan.Zero), "billing", "riverside", "96123"), (k.Bucket, k.SkillGroup, k.Area, k.Dnis)));
        var first = Of(rows, "a1");
        Assert.Equal((1, 1, 1, 0, 28_000), (first[Offered], first[Answered], first[Handled], first[AnsweredInSl], first[AnswerWaitMs]));
        Assert.Equal((90_000, 30_000, 0), (first[TalkMs], first[HoldMs], first[AcwMs]));
        var second = Of(rows, "a2");
        Assert.Equal((0, 0, 1, 100_000, 0, 30_000), (second[Offered], second[Answered], second[Handled], second[TalkMs], second[HoldMs], second[AcwMs]));
    }

    [Fact]
    public void A_short_abandon_is_marked_short_and_an_unqueued_call_counts_as_arrived_only()
    {
        var abandoned = Of(Rows(new CallArrived("c", "138", "96123", [], T), new CallQueued("c", "general", T.AddSeconds(8)),
            new CallAbandoned("c", "general", T.AddSeconds(11)), new CallEnded("c", null, "customer", T.AddSeconds(11))), "");
        Assert.Equal((1, 1, 1, 0, 3_000), (abandoned[Offered], abandoned[Abandoned], abandoned[AbandonedShort], abandoned[AbandonedAfterSl], abandoned[AbandonWaitMs]));
        var voicemail = Of(Rows(new CallArrived("v", "138", null, [], T), new VoiceMessageLeft("v", "138", null, 12, T.AddSeconds(30)), new CallEnded("v", null, "customer", T.AddSeconds(31))), "");
        Assert.Equal((1, 0), (voicemail[Arrived], voicemail[Offered]));
    }

    [Fact]
    public void A_three_way_adds_the_joined_agents_talk_and_an_ended_untagged_answered_call_stays_open_for_its_tag()
    {
        var rows = Rows(new CallArrived("c", "138", "96123", [], T), new CallQueued("c", "billing", T.AddSeconds(10)),
            new CallAnswered("c", "a1", T.AddSeconds(15)), new CallConferenced("c", "a1", "a3", T.AddSeconds(60)),
            new CallPartyLeft("c", "agent", "a3", T.AddSeconds(90)), new CallEnded("c", "a1", "customer", T.AddSeconds(115)));
        Assert.Equal((0L, 30_000L), (Of(rows, "a3")[Handled], Of(rows, "a3")[TalkMs])); // joined, not answered
        Assert.Equal(100_000, Of(rows, "a1")[TalkMs]);
        var work = new CallWork();
        foreach (var e in new CallEvent[] { new CallArrived("c", "138", "96123", [], T), new CallQueued("c", "billing", T.AddSeconds(10)),
                     new CallAnswered("c", "a1", T.AddSeconds(15)), new CallEnded("c", "a1", "customer", T.AddSeconds(115)) }) work.Apply(e, _ => 20);
        Assert.False(work.Closed); // waits for its tag (after-call work), or for CallWork.MaxIdle of event time
        Assert.Equal(5_000, CallContributions.Fact("c", work)!.AnswerWaitMs); // its wait is known without any tag
    }

    [Fact]
    public void A_tag_before_the_end_gives_no_wrap_up_and_a_move_between_batches_nets_to_the_final_row()
    {
        var work = new CallWork();
        var rows = new Dictionary<IntervalKey, long[]>();
        CallEvent[] first = [new CallArrived("c", "138", "96123", [], T), new CallQueued("c", "billing", T.AddSeconds(12)), new CallAnswered("c", "a1", T.AddSeconds(20))];
        foreach (var e in first) work.Apply(e, _ => 20);
        CallContributions.Add(work, +1, rows); // first batch written
        CallContributions.Add(work, -1, rows); // second batch: before …
        work.Apply(new CallTagged("c", "a1", "order", "x", null, "hillside", T.AddSeconds(50)), _ => 20);
        work.Apply(new CallEnded("c", "a1", "customer", T.AddSeconds(80)), _ => 20);
        CallContributions.Add(work, +1, rows); // … and after
        Assert.True(work.Closed);
        Assert.All(rows.Where(r => r.Key.Area == ""), r => Assert.All(r.Value, v => Assert.Equal(0, v)));
        var final = Assert.Single(rows, r => r.Key.Area == "hillside").Value;
        Assert.Equal((1, 60_000, 0, 8_000), (final[Answered], final[TalkMs], final[AcwMs], final[AnswerWaitMs]));
    }

    [Fact]
    public void An_abandoned_call_closes_at_its_abandon_with_its_wait_known_and_the_short_abandon_threshold_of_its_time()
    {
        var work = new CallWork();
        foreach (var e in new CallEvent[] { new CallArrived("c", "138", "96123", [], T), new CallQueued("c", "general", T.AddSeconds(2)),
                     new CallAbandoned("c", "general", T.AddSeconds(9)) })
            work.Apply(e, (_, _) => 20, at => at < T ? 5_000 : 10_000); // the threshold changed to 10 s before this call queued
        Assert.True(work.Closed); // no CallEnded needed
        var rows = new Dictionary<IntervalKey, long[]>();
        CallContributions.Add(work, +1, rows);
        var row = Of(rows, "");
        Assert.Equal((1, 1, 7_000), (row[Abandoned], row[AbandonedShort], row[AbandonWaitMs])); // 7 s < 10 s: short
        var fact = CallContributions.Fact("c", work)!;
        Assert.Equal((7_000L, (long?)null, (long?)null), (fact.AbandonWaitMs!.Value, fact.AnswerWaitMs, fact.TalkMs));
    }
}
