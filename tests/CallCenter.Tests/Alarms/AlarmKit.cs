using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Calls.Tagging;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Tests.Calls.ScreenPops;
using CallCenter.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Alarms;

/// <summary>A tagged call at a controlled event time: arrived, answered, ended (CTI), then tagged by the agent.</summary>
public sealed record TaggedCall(string CallId, string CustomerId, DateTimeOffset ArrivedAt, string Purpose = "work-order-dispatched")
{
    public DateTimeOffset TaggedAt => ArrivedAt.AddMinutes(2);
}

public sealed class AlarmKit(AppHost app)
{
    readonly ScreenPopKit pops = new(app);

    public async Task<string> CustomerInAsync(string area) =>
        (await pops.ColumnAsync($"select id from customers where area = '{area}' order by id limit 1"))[0];

    public static IEnumerable<object> CtiEvents(TaggedCall c) =>
    [
        ScreenPopKit.Ev("CallArrived", c.CallId, c.ArrivedAt, ani: "13900000000"),
        ScreenPopKit.Ev("CallAnswered", c.CallId, c.ArrivedAt.AddSeconds(5), "agent3"),
        ScreenPopKit.Ev("CallEnded", c.CallId, c.ArrivedAt.AddSeconds(90), "agent3"),
    ];

    public Task PostCtiAsync(IEnumerable<object> events) => pops.PostAsync([.. events]);

    /// <summary>The tag command the desk sends, at the call's tag time (as a history import records it).</summary>
    public async Task TagAsync(TaggedCall c)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var subtype = c.Purpose == "work-order-dispatched" ? "fault-repair" : "other";
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new TagCall(c.CallId, c.Purpose, subtype, c.CustomerId, "agent3", false, c.TaggedAt,
            new EventMetadata("agent3", EventMetadata.Sources.Agent, Guid.NewGuid())));
    }

    public async Task IngestAsync(IReadOnlyList<TaggedCall> calls)
    {
        await PostCtiAsync(calls.SelectMany(CtiEvents));
        await AgentsCaughtUpAsync();
        foreach (var c in calls) await TagAsync(c);
    }

    /// <summary>Waits until the calls-to-agents reactor has taken every call event in (a desk tags after the call ended, not during the import).</summary>
    public async Task AgentsCaughtUpAsync()
    {
        await CaughtUpAsync("calls-to-agents", "stream_id like 'call-%'");
    }

    /// <summary>The alarm history once the counting reactor and the alarm read model have taken in everything tagged.</summary>
    public async Task<List<string>> SettledHistoryAsync(HttpClient client, string from, string to)
    {
        await CaughtUpAsync("alarm-counting", "type = 'CallTagged.v1'");
        await CaughtUpAsync("outage-alarms", "stream_id like 'alarm-%'");
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/alarms?from={from}&to={to}");
        return history.EnumerateArray()
            .Select(e => $"{e.GetProperty("area").GetString()} {e.GetProperty("kind").GetString()} {e.GetProperty("level").GetInt32()} " +
                         $"{e.GetProperty("count").GetInt32()} {e.GetProperty("at").GetDateTimeOffset().ToUniversalTime():O}").ToList();
    }

    async Task CaughtUpAsync(string projection, string events)
    {
        var head = long.Parse((await pops.ColumnAsync($"select coalesce(max(position), 0) from eventstore.events where {events}"))[0]);
        await Eventually.GetAsync(() => ReadModelRows.CheckpointAsync(app.Database, projection), p => p >= head, TimeSpan.FromSeconds(30), projection + " caught up");
    }
}
