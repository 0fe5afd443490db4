namespace CallCenter.Tests.Agents;

/// <summary>What an agent was doing from Start to End (the ground truth the generator acts out).</summary>
public sealed record TruthInterval(string AgentId, string State, string Reason, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// A PBX's month as its connector would send it through <c>POST /api/cti/events</c> (issue 12): agents whose PBX reports
/// agent events (sign-in, ready, not ready with a reason, wrap-up, sign-out; one of them on a night shift across midnight) and
/// agents whose PBX reports only calls. The generator writes down what each agent was doing (<see cref="Truth"/>) and acts it
/// out as raw CTI events; <see cref="Recount"/> totals the truth per agent and center day, with no code of the app.
/// </summary>
public sealed class PbxMonth
{
    public static readonly TimeSpan Zone = TimeSpan.FromHours(8); // the center's day (UTC+8, the default zone)
    public List<Dictionary<string, object?>> Events { get; } = [];
    public List<TruthInterval> Truth { get; } = [];
    public List<string> AcdAgents { get; } = [];
    public List<string> CallOnlyAgents { get; } = [];
    public DateOnly FirstDay { get; }
    public int Days { get; }

    public int ShiftHours { get; }

    public PbxMonth(DateOnly firstDay, int days, int agents, int seed, int shiftHours = 8)
    {
        ShiftHours = shiftHours;
        (FirstDay, Days) = (firstDay, days);
        var random = new Random(seed);
        for (var i = 1; i <= agents; i++) (i % 2 == 1 ? AcdAgents : CallOnlyAgents).Add($"agent{i}");
        for (var d = 0; d < days; d++)
        {
            var day = firstDay.AddDays(d);
            foreach (var agent in AcdAgents)
            {
                var night = agent == AcdAgents[0];
                var start = Local(day, night ? 22 : 8) + TimeSpan.FromSeconds(random.Next(0, 600));
                AcdShift(agent, day, start, start + TimeSpan.FromHours(ShiftHours), random);
            }
            foreach (var agent in CallOnlyAgents)
                CallsOnly(agent, day, Local(day, 9) + TimeSpan.FromSeconds(random.Next(0, 600)), Local(day, 9 + ShiftHours), random);
        }
    }

    public static DateTimeOffset Local(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), Zone);

    int calls;

    void AcdShift(string agent, DateOnly day, DateTimeOffset start, DateTimeOffset end, Random random)
    {
        Agent("AgentLoggedIn", agent, start, extension: "8001", skillGroups: ["broadband"]);
        var t = start.AddSeconds(60);
        Truth.Add(new(agent, "notReady", "", start, t));
        Agent("AgentReady", agent, t);
        var lunchAt = start + (end - start) / 2;
        var hadLunch = false;
        while (t < end - TimeSpan.FromMinutes(10))
        {
            if (!hadLunch && t >= lunchAt)
            {
                hadLunch = true;
                Agent("AgentNotReady", agent, t, reasonCode: "lunch");
                Truth.Add(new(agent, "notReady", "lunch", t, t.AddMinutes(30)));
                t = t.AddMinutes(30);
                Agent("AgentReady", agent, t);
            }
            var answered = t.AddSeconds(random.Next(30, 300));
            Truth.Add(new(agent, "ready", "", t, answered));
            var ended = Call(agent, answered, random);
            Agent("AgentWrapUpStarted", agent, ended);
            var wrapped = ended.AddSeconds(random.Next(5, 60));
            Truth.Add(new(agent, "wrapUp", "", ended, wrapped));
            Agent("AgentWrapUpEnded", agent, wrapped);
            t = wrapped;
        }
        var signOut = t.AddSeconds(random.Next(10, 120));
        Truth.Add(new(agent, "ready", "", t, signOut));
        Agent("AgentLoggedOut", agent, signOut);
    }

    void CallsOnly(string agent, DateOnly day, DateTimeOffset start, DateTimeOffset end, Random random)
    {
        var t = start;
        while (t < end)
        {
            var ended = Call(agent, t, random);
            t = ended.AddSeconds(random.Next(20, 400));
        }
    }

    /// <summary>An inbound call the agent answers at <paramref name="answered"/> (sometimes with a hold); returns its end.</summary>
    DateTimeOffset Call(string agent, DateTimeOffset answered, Random random)
    {
        var id = $"m-{++calls:D6}";
        var talk = random.Next(40, 400);
        var ended = answered.AddSeconds(talk);
        CallEvent("CallArrived", id, answered.AddSeconds(-25), ani: $"1380000{calls % 10000:D4}");
        CallEvent("CallQueued", id, answered.AddSeconds(-20), queue: "broadband");
        CallEvent("CallOffered", id, answered.AddSeconds(-4), agent, queue: "broadband");
        CallEvent("CallAnswered", id, answered, agent);
        if (talk > 200)
        {
            CallEvent("CallHeld", id, answered.AddSeconds(30), agent);
            CallEvent("CallRetrieved", id, answered.AddSeconds(90), agent);
        }
        CallEvent("CallEnded", id, ended, agent, endedBy: "customer");
        Truth.Add(new(agent, "talking", "", answered, ended));
        return ended;
    }

    void Agent(string type, string agent, DateTimeOffset at, string? extension = null, string[]? skillGroups = null, string? reasonCode = null) =>
        Events.Add(new() { ["eventId"] = Guid.NewGuid(), ["type"] = type, ["agentId"] = agent, ["occurredAt"] = at,
            ["extension"] = extension, ["skillGroups"] = skillGroups, ["reasonCode"] = reasonCode });

    void CallEvent(string type, string callId, DateTimeOffset at, string? agent = null, string? ani = null, string? queue = null, string? endedBy = null) =>
        Events.Add(new() { ["eventId"] = Guid.NewGuid(), ["type"] = type, ["callId"] = callId, ["occurredAt"] = at, ["agentId"] = agent,
            ["ani"] = ani, ["dnis"] = "96123", ["queue"] = queue, ["endedBy"] = endedBy });

    /// <summary>The events in the order they happened, cut into batches as a connector sends them.</summary>
    public List<List<Dictionary<string, object?>>> Batches(int size) =>
        [.. Events.OrderBy(e => (DateTimeOffset)e["occurredAt"]!).Chunk(size).Select(c => c.ToList())];

    /// <summary>Milliseconds per "state|reason" for each agent and center day, from the truth alone (intervals cut at midnight).</summary>
    public Dictionary<(string Agent, DateOnly Day), Dictionary<string, long>> Recount()
    {
        var totals = new Dictionary<(string, DateOnly), Dictionary<string, long>>();
        foreach (var i in Truth.Where(i => i.End > i.Start))
        {
            var from = i.Start;
            while (from < i.End)
            {
                var day = DateOnly.FromDateTime(from.ToOffset(Zone).DateTime);
                var midnight = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Zone);
                var to = i.End < midnight ? i.End : midnight;
                var key = (i.AgentId, day);
                if (!totals.TryGetValue(key, out var byState)) totals[key] = byState = [];
                var state = $"{i.State}|{i.Reason}";
                byState[state] = byState.GetValueOrDefault(state) + (long)(to - from).TotalMilliseconds;
                from = to;
            }
        }
        return totals;
    }
}
