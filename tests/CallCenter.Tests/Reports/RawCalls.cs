using System.Text.Json;
using CallCenter.Customers;
using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Reports;

/// <summary>One call as the raw events tell it (read back from the store with JsonDocument; nothing of the projection is reused).</summary>
public sealed record RawCall(string Id, string? Number, DateTimeOffset? ArrivedAt, DateTimeOffset? EndedAt, string? Queue, string? AnsweredBy,
    string? Purpose, string? TagAgent, string? Area, string? CustomerId, int? Score, string? SurveyAgent, DateTimeOffset? SurveyAt, string? OfferedTo);

/// <summary>Every call in the store, and the latest PBX event time (tags excluded).</summary>
public sealed record RawCalls(Dictionary<string, RawCall> Calls, DateTimeOffset Clock)
{
    public static async Task<RawCalls> ReadAsync(AppHost app)
    {
        var events = new List<(string CallId, string Type, DateTimeOffset At, JsonElement Data)>();
        await CallCenter.Tests.Infrastructure.StoreHorizon.WaitPastLastEventAsync(app.Database);
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadAllAsync(null, EventFilter.Streams("call-")))
        {
            var data = JsonDocument.Parse(e.Data).RootElement;
            events.Add((e.StreamId["call-".Length..], e.Type.Replace(".v1", ""), data.GetProperty("at").GetDateTimeOffset(), data));
        }
        static string? S(JsonElement d, string name) => d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var calls = events.GroupBy(e => e.CallId).ToDictionary(g => g.Key, g =>
        {
            var arrived = g.Where(e => e.Type == "CallArrived").OrderBy(e => e.At).FirstOrDefault();
            var latest = (string[] types) => g.Where(e => types.Contains(e.Type)).OrderByDescending(e => e.At).Select(e => (JsonElement?)e.Data).FirstOrDefault();
            var queued = g.Where(e => e.Type is "CallQueued" or "CallOffered" && S(e.Data, "queue") is not null).OrderByDescending(e => e.At).Select(e => S(e.Data, "queue")).FirstOrDefault();
            var tag = latest(["CallTagged"]);
            var survey = latest(["SurveyCompleted"]);
            return new RawCall(g.Key, arrived.Type is null ? null : PhoneNumbers.Normalize(S(arrived.Data, "ani")) ?? S(arrived.Data, "ani"),
                arrived.Type is null ? null : arrived.At,
                g.Where(e => e.Type == "CallEnded").Select(e => (DateTimeOffset?)e.At).Max(), queued,
                latest(["CallAnswered"]) is { } answered ? S(answered, "agentId") : null,
                tag is { } t ? S(t, "purpose") : null, tag is { } t2 ? S(t2, "agentId") : null, tag is { } t3 ? S(t3, "area") : null, tag is { } t4 ? S(t4, "customerId") : null,
                survey?.GetProperty("score").GetInt32(), survey is { } s ? S(s, "agentId") : null, survey?.GetProperty("at").GetDateTimeOffset(),
                latest(["CallOffered"]) is { } offered ? S(offered, "agentId") : null);
        });
        return new RawCalls(calls, events.Where(e => e.Type != "CallTagged").Max(e => e.At));
    }

    public static string Day(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

    public static double? Share(int numerator, int denominator) => denominator == 0 ? null : Math.Round((double)numerator / denominator, 4);
}
