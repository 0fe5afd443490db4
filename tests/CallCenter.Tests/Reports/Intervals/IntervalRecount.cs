using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallCenter.Tests.Reports.Intervals;

/// <summary>
/// The interval KPIs recomputed from the raw events with plain LINQ (JsonDocument, nothing of the projection reused), by the
/// definitions of docs/kpis.md, for the shapes the history generator writes (queued, answered with an optional hold, tagged;
/// abandoned; voice message). Rows as "bucket|skillGroup|agent|area|dnis" → the 13 columns, and
/// "bucket|agent|skillGroup|state|reason" → milliseconds; and each inbound call's key, queue wait (answered or abandoned)
/// and talk, for maxima and percentiles.
/// </summary>
public sealed record IntervalRecount(Dictionary<string, long[]> Calls, Dictionary<string, long> States, List<IntervalRecount.CallWait> Waits)
{
    public sealed record CallWait(string Key, long? AnswerWait, long? AbandonWait, long? Talk);

    sealed record Ev(string Stream, long Revision, string Type, DateTimeOffset At, JsonElement Data);

    static string? S(JsonElement d, string name) => d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    static long Ms(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (long)(to - from).TotalMilliseconds);
    public static DateTimeOffset Bucket(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / 900 * 900);
    public static string B(DateTimeOffset bucket) => bucket.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss");

    public static async Task<IntervalRecount> FromStoreAsync(AppHost app)
    {
        var events = new List<Ev>();
        await CallCenter.Tests.Infrastructure.StoreHorizon.WaitPastLastEventAsync(app.Database);
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadAllAsync(null, EventFilter.Streams("call-", "agent-")))
        {
            var data = JsonDocument.Parse(e.Data).RootElement.Clone();
            events.Add(new Ev(e.StreamId, e.StreamRevision, e.Type.Replace(".v1", ""), data.GetProperty("at").GetDateTimeOffset(), data));
        }
        var sl = await ServiceLevelSecondsAsync(app.Database);
        var streams = events.GroupBy(e => e.Stream).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Revision).ToList());
        var waits = new List<CallWait>();
        return new(CountCalls(streams.Where(s => s.Key.StartsWith("call-")).Select(s => s.Value), sl, waits),
            CountStates(streams.Where(s => s.Key.StartsWith("agent-")).Select(s => (s.Key["agent-".Length..], s.Value))), waits);
    }

    static async Task<Dictionary<string, int>> ServiceLevelSecondsAsync(string database)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var r = await new NpgsqlCommand("select id, service_level_seconds from queues", conn).ExecuteReaderAsync();
        var result = new Dictionary<string, int>();
        while (await r.ReadAsync()) result[r.GetString(0)] = r.GetInt32(1);
        return result;
    }

    static Dictionary<string, long[]> CountCalls(IEnumerable<List<Ev>> calls, Dictionary<string, int> sl, List<CallWait> waits)
    {
        var rows = new Dictionary<string, long[]>();
        long[] Row(string key) => rows.TryGetValue(key, out var r) ? r : rows[key] = new long[13];
        foreach (var call in calls)
        {
            var arrived = call.FirstOrDefault(e => e.Type == "CallArrived");
            if (arrived is null) continue;
            var queued = call.FirstOrDefault(e => e.Type == "CallQueued");
            var answered = call.FirstOrDefault(e => e.Type == "CallAnswered");
            var abandoned = answered is null ? call.FirstOrDefault(e => e.Type == "CallAbandoned") : null;
            var ended = call.LastOrDefault(e => e.Type == "CallEnded");
            var tag = call.LastOrDefault(e => e.Type == "CallTagged");
            var agent = answered is null ? "" : S(answered.Data, "agentId")!;
            var key = $"{B(Bucket(queued?.At ?? arrived.At))}|{(queued is null ? "" : S(queued.Data, "queue"))}|{agent}|{(tag is null ? "" : S(tag.Data, "area") ?? "")}|{S(arrived.Data, "dnis") ?? ""}";
            var m = Row(key);
            m[0]++;
            if (queued is null) { waits.Add(new(key, null, null, null)); continue; }
            var threshold = 1000L * sl.GetValueOrDefault(S(queued.Data, "queue")!, 20);
            m[1]++;
            if (answered is not null)
            {
                var wait = Ms(queued.At, answered.At);
                m[2]++; m[4] += wait;
                if (wait <= threshold) m[3]++;
                var held = call.FirstOrDefault(e => e.Type == "CallHeld");
                var hold = held is null ? 0 : Ms(held.At, call.First(e => e.Type == "CallRetrieved").At);
                m[9]++;
                m[10] += Ms(answered.At, ended!.At) - hold;
                m[11] += hold;
                if (tag is not null && S(tag.Data, "agentId") == agent) m[12] += Ms(ended.At, tag.At);
                waits.Add(new(key, wait, null, Ms(answered.At, ended.At) - hold));
            }
            else if (abandoned is not null)
            {
                var wait = Ms(queued.At, abandoned.At);
                m[5]++; m[8] += wait;
                if (wait < 5000) m[6]++;
                if (wait > threshold) m[7]++;
                waits.Add(new(key, null, wait, null));
            }
            else waits.Add(new(key, null, null, null));
        }
        return rows;
    }

    static Dictionary<string, long> CountStates(IEnumerable<(string Agent, List<Ev> Events)> agents)
    {
        var rows = new Dictionary<string, long>();
        foreach (var (agent, events) in agents)
        {
            string? state = null; // null: signed out
            var reason = "";
            var groups = Array.Empty<string>();
            var since = DateTimeOffset.MinValue;
            foreach (var e in events)
            {
                var (next, nextReason, nextGroups) = e.Type switch
                {
                    "AgentSignedIn" => ("notReady", "", Groups(e.Data)),
                    "AgentBecameReady" or "AgentEndedWrapUp" => ("ready", "", groups),
                    "AgentBecameNotReady" => ("notReady", S(e.Data, "reasonCode") ?? "", groups),
                    "AgentCallStarted" => ("talking", "", groups),
                    "AgentCallEnded" or "AgentStartedWrapUp" => ("wrapUp", "", groups),
                    "AgentSignedOut" => (null, "", Array.Empty<string>()),
                    "AgentSkillGroupsChanged" => (state, reason, Groups(e.Data)),
                    _ => (state, reason, groups),
                };
                if (next == state && nextReason == reason && nextGroups.SequenceEqual(groups)) continue;
                if (state is not null)
                    for (var at = since; at < e.At;)
                    {
                        var bucket = Bucket(at);
                        var until = bucket.AddMinutes(15) < e.At ? bucket.AddMinutes(15) : e.At;
                        foreach (var group in groups.Prepend("").Distinct())
                        {
                            var key = $"{B(bucket)}|{agent}|{group}|{state}|{reason}";
                            rows[key] = rows.GetValueOrDefault(key) + Ms(at, until);
                        }
                        at = until;
                    }
                (state, reason, groups, since) = (next, nextReason, nextGroups, e.At);
            }
        }
        return rows;
    }

    static string[] Groups(JsonElement d) => d.GetProperty("skillGroups").EnumerateArray().Select(g => g.GetString()!).ToArray();
}
