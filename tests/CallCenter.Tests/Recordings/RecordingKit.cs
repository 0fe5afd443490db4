using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;

namespace CallCenter.Tests.Recordings;

/// <summary>The real clock moved on by hand: a call's talk time is exactly what the test says, whatever the machine's load.</summary>
public sealed class ShiftedClock : TimeProvider
{
    long shiftTicks;
    public void Advance(TimeSpan by) => Interlocked.Add(ref shiftTicks, by.Ticks);
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref shiftTicks));
}

public static class RecordingKit
{
    /// <summary>Deadlines for a 2-core machine that other test runs load too.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>agent1 takes a call from <paramref name="ani"/> and talks <paramref name="talk"/> (clock moved on), then hangs up and tags it.</summary>
    public static async Task<string> TalkAsync(Desk desk, ShiftedClock clock, string ani, TimeSpan talk, string agent = "agent1", string queue = "broadband")
    {
        var client = await desk.As(agent);
        Desk.Ok(await client.PostAsync($"/api/agents/{agent}/sign-in", null));
        Desk.Ok(await client.PostAsync($"/api/agents/{agent}/ready", null));
        await StateAsync(client, agent, "ready");
        var call = await desk.CallInAsync(ani, queue);
        await LegAsync(desk, agent, call, "ringing");
        Desk.Ok(await desk.PostAsync(agent, $"/api/calls/{call}/answer"));
        await LegAsync(desk, agent, call, "talking");
        clock.Advance(talk);
        Desk.Ok(await desk.PostAsync(agent, $"/api/calls/{call}/hang-up"));
        await StateAsync(client, agent, "wrapUp");
        Desk.Ok(await desk.PostAsync(agent, $"/api/calls/{call}/tag", new { purpose = "consultation", subtype = "billing" }));
        Desk.Ok(await desk.PostAsync(agent, $"/api/agents/{agent}/ready"));
        await StateAsync(client, agent, "ready");
        return call;
    }

    static Task StateAsync(HttpClient client, string agent, string state) =>
        Eventually.GetAsync(async () => await client.GetFromJsonAsync<JsonElement>($"/api/agents/{agent}"),
            s => s.GetProperty("state").GetString() == state, Patience, $"{agent} {state}");

    static Task LegAsync(Desk desk, string agent, string callId, string state) =>
        Eventually.GetAsync(() => desk.CallsOfAsync(agent), calls => calls.Any(c => c.GetProperty("callId").GetString() == callId &&
            c.GetProperty("parties").EnumerateArray().Any(p => p.GetProperty("agentId").GetString() == agent && p.GetProperty("state").GetString() == state)),
            Patience, $"{agent} on {callId}: {state}");

    /// <summary>The talk time by the PBX's facts: first answer to end, rounded to whole seconds.</summary>
    public static async Task<int> TalkSecondsAsync(Desk desk, string callId)
    {
        var events = (await desk.RecordedAsync("call-" + callId)).Select(e => CallCenter.Calls.CallStream.Decode(e.Type, e.Data)).ToList();
        var answered = events.OfType<CallCenter.Calls.CallAnswered>().Min(e => e.At);
        var ended = events.OfType<CallCenter.Calls.CallEnded>().Max(e => e.At);
        return (int)Math.Round((ended - answered).TotalSeconds, MidpointRounding.AwayFromZero);
    }

    public static async Task<JsonElement[]> SearchAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/recordings?" + query)).EnumerateArray()];

    /// <summary>Waits until the recording of <paramref name="callId"/> is found by its caller number.</summary>
    public static async Task<JsonElement> FoundAsync(HttpClient client, string ani, string callId, TimeSpan? within = null) =>
        (await Eventually.GetAsync(() => SearchAsync(client, "ani=" + ani), rows => rows.Any(r => r.GetProperty("callId").GetString() == callId),
            within ?? Patience, $"recording of {callId}")).Single(r => r.GetProperty("callId").GetString() == callId);
}
