using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using Npgsql;

namespace CallCenter.Tests.Calls.ScreenPops;

/// <summary>What the screen-pop tests share: the PBX door, seeded phone numbers, and reading pops with a deadline.</summary>
public sealed class ScreenPopKit(AppHost app)
{
    public AppHost App => app;

    public HttpClient Pbx()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
        return client;
    }

    public static object Ev(string type, string callId, DateTimeOffset at, string? agentId = null, string? ani = null, string[]? ivr = null,
        bool? @internal = null, string? kind = null, string? consultFor = null, string? targetAgentId = null, string? number = null) => new
    {
        eventId = Guid.NewGuid(), type, callId, occurredAt = at, ani, dnis = "96123", ivrTrail = ivr ?? ["1", "3"], agentId,
        queue = "broadband", @internal, kind, consultFor, targetAgentId, number,
    };

    public async Task PostAsync(params object[] events)
    {
        var response = await Pbx().PostAsJsonAsync("/api/cti/events", events);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Phones that exactly one customer has (shared = false), or that several share (true), most-shared first.</summary>
    public Task<List<string>> PhonesAsync(bool shared, int take) => ColumnAsync($"""
        select p from (select unnest(phones) p from customers) x group by p having count(*) {(shared ? "> 1" : "= 1")}
        order by count(*) desc, p limit {take}
        """);

    public async Task<List<string>> ColumnAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(app.Database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var values = new List<string>();
        while (await r.ReadAsync()) values.Add(r.GetValue(0).ToString()!);
        return values;
    }

    /// <summary>The pop once the projection has it.</summary>
    public async Task<JsonElement> PopAsync(HttpClient client, string callId, string? customerId = null)
    {
        var url = $"/api/calls/{callId}/screen-pop" + (customerId is null ? "" : "?customerId=" + customerId);
        var response = await Eventually.GetAsync(() => client.GetAsync(url), r => r.StatusCode != HttpStatusCode.NotFound || customerId is not null,
            what: $"pop of {callId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static List<string?> Strings(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()).ToList();
}
