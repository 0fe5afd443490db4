using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Telephony;

/// <summary>Drives the simulated PBX through the HTTP API as agents and a supervisor would (the softphone's calls).</summary>
public sealed class Desk(AppHost app)
{
    readonly Dictionary<string, HttpClient> clients = [];

    public async Task<HttpClient> As(string user) =>
        clients.TryGetValue(user, out var c) ? c : clients[user] = await app.SignInAsync(user);

    public async Task ReadyAsync(string agent)
    {
        var c = await As(agent);
        Ok(await c.PostAsync($"/api/agents/{agent}/sign-in", null));
        Ok(await c.PostAsync($"/api/agents/{agent}/ready", null));
        await StateAsync(agent, "ready");
    }

    /// <summary>How long a read model may lag on a loaded machine (CI beside 4 busy processes) before a wait fails.</summary>
    static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    public async Task<JsonElement> StateAsync(string agent, string state) =>
        await Eventually.GetAsync(async () => await (await As(agent)).GetFromJsonAsync<JsonElement>($"/api/agents/{agent}"),
            s => s.GetProperty("state").GetString() == state, Within, $"{agent} {state}");

    /// <summary>Waits until the agent is in `state` with `field` equal to `value` (the agent's stream follows the call's at the reactor's pace).</summary>
    public async Task<JsonElement> StateAsync(string agent, string state, string field, string? value) =>
        await Eventually.GetAsync(async () => await (await As(agent)).GetFromJsonAsync<JsonElement>($"/api/agents/{agent}"),
            s => s.GetProperty("state").GetString() == state
                 && (s.TryGetProperty(field, out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null) == value,
            Within, $"{agent} {state} with {field} = {value}");

    public async Task<string> CallInAsync(string ani, string queue = "broadband", int? patience = null, int? survey = null)
    {
        var r = await (await As("supervisor1")).PostAsJsonAsync("/api/simulator/calls", new { ani, queue, patienceSeconds = patience, surveyScore = survey });
        Ok(r);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callId").GetString()!;
    }

    public async Task<JsonElement[]> CallsOfAsync(string agent) =>
        [.. (await (await As(agent)).GetFromJsonAsync<JsonElement>($"/api/agents/{agent}/calls")).EnumerateArray()];

    /// <summary>Waits until the agent's live calls show `callId` with the agent in `state` ("ringing", "talking", "held"; null: not on it).</summary>
    public async Task LegAsync(string agent, string callId, string? state) =>
        await Eventually.GetAsync(() => CallsOfAsync(agent), calls => LegState(calls, agent, callId) == state, Within, $"{agent} on {callId}: {state}");

    static string? LegState(JsonElement[] calls, string agent, string callId) =>
        calls.Where(c => c.GetProperty("callId").GetString() == callId)
            .SelectMany(c => c.GetProperty("parties").EnumerateArray())
            .Where(p => p.GetProperty("agentId").GetString() == agent)
            .Select(p => p.GetProperty("state").GetString()).FirstOrDefault();

    public async Task<HttpResponseMessage> PostAsync(string agent, string path, object? body = null) =>
        await (await As(agent)).PostAsJsonAsync(path, body ?? new { });

    public async Task<string> PostForCallAsync(string agent, string path, object? body = null)
    {
        var r = await PostAsync(agent, path, body);
        Ok(r);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callId").GetString()!;
    }

    /// <summary>The call's stored event types, in order; without the recorder's RecordingReady (it follows the end at its own pace).</summary>
    public async Task<List<string>> EventsOfAsync(string callId)
    {
        var types = new List<string>();
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadStreamAsync("call-" + callId))
            if (e.Type != "RecordingReady.v1") types.Add(e.Type.Replace(".v1", ""));
        return types;
    }

    public async Task<List<RecordedEvent>> RecordedAsync(string stream)
    {
        var all = new List<RecordedEvent>();
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadStreamAsync(stream)) all.Add(e);
        return all;
    }

    public static void Ok(HttpResponseMessage r)
    {
        if (r.StatusCode != HttpStatusCode.OK) Assert.Fail($"{r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {r.Content.ReadAsStringAsync().Result}");
    }
}
