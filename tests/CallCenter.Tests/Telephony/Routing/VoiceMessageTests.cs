using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Telephony.Routing;

/// <summary>R-ACD-5: voice messages reported by the PBX are listed for agents and play as WAV.</summary>
public class VoiceMessageTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    static readonly DateTimeOffset T0 = new(2026, 11, 20, 21, 15, 0, TimeSpan.FromHours(8));

    HttpClient Pbx()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
        return client;
    }

    static object VoiceMessage(string callId, string queue, int minute, int seconds) => new
    {
        eventId = Guid.NewGuid(), type = "VoiceMessageLeft", callId, occurredAt = T0.AddMinutes(minute),
        ani = "1390000" + minute.ToString("0000"), queue, durationSeconds = seconds,
    };

    [Fact]
    public async Task Messages_are_listed_newest_first_filtered_by_queue_and_play_as_wav()
    {
        var posted = await Pbx().PostAsJsonAsync("/api/cti/events", new[]
        {
            VoiceMessage("vm-1", "broadband", 0, 25), VoiceMessage("vm-2", "billing", 5, 4), VoiceMessage("vm-3", "broadband", 9, 7),
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var agent = await app.SignInAsync("agent2");
        var all = await Eventually.GetAsync(() => agent.GetFromJsonAsync<JsonElement>("/api/voice-messages"), m => m.GetArrayLength() == 3, what: "three messages");
        Assert.Equal(["vm-3", "vm-2", "vm-1"], all.EnumerateArray().Select(m => m.GetProperty("callId").GetString()!).ToArray());
        Assert.Equal(T0.AddMinutes(9), all[0].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(7, all[0].GetProperty("durationSeconds").GetInt32());

        var broadband = await agent.GetFromJsonAsync<JsonElement>("/api/voice-messages?queue=broadband");
        Assert.Equal(["vm-3", "vm-1"], broadband.EnumerateArray().Select(m => m.GetProperty("callId").GetString()!).ToArray());

        var audio = await agent.GetAsync(all[2].GetProperty("audioUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        var wav = await audio.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal(44 + 10 * 8000 * 2, wav.Length); // 25 s capped at 10 s of 8 kHz 16-bit mono
        Assert.Equal(wav, await agent.GetByteArrayAsync("/api/voice-messages/vm-1/audio")); // deterministic
        Assert.NotEqual(wav.Skip(44).Take(4000), (await agent.GetByteArrayAsync("/api/voice-messages/vm-3/audio")).Skip(44).Take(4000));

        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/api/voice-messages/vm-none/audio")).StatusCode);
        var analyst = await app.SignInAsync("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/voice-messages")).StatusCode);
    }

    [Fact]
    public async Task An_agent_marks_a_message_handled_once_and_the_list_says_who_and_filters_on_it()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await Pbx().PostAsJsonAsync("/api/cti/events", new[] { VoiceMessage("vm-a", "broadband", 1, 5), VoiceMessage("vm-b", "broadband", 2, 5) })).StatusCode);
        var agent2 = await app.SignInAsync("agent2");
        await Eventually.GetAsync(() => agent2.GetFromJsonAsync<JsonElement>("/api/voice-messages"), m => m.GetArrayLength() == 2, what: "two messages");

        Assert.Equal(HttpStatusCode.NotFound, (await agent2.PostAsJsonAsync("/api/voice-messages/vm-none/handled", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("analyst")).PostAsJsonAsync("/api/voice-messages/vm-a/handled", new { })).StatusCode);
        var handled = await agent2.PostAsJsonAsync("/api/voice-messages/vm-a/handled", new { });
        Assert.Equal(HttpStatusCode.OK, handled.StatusCode);
        var again = await (await app.SignInAsync("agent3")).PostAsJsonAsync("/api/voice-messages/vm-a/handled", new { });
        Assert.Equal("agent2", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handledBy").GetString()); // the first handler stays

        var open = await Eventually.GetAsync(() => agent2.GetFromJsonAsync<JsonElement>("/api/voice-messages?handled=false"), m => m.GetArrayLength() == 1, what: "one open");
        Assert.Equal("vm-b", open[0].GetProperty("callId").GetString());
        var done = await agent2.GetFromJsonAsync<JsonElement>("/api/voice-messages?handled=true");
        Assert.Equal("vm-a", done[0].GetProperty("callId").GetString());
        Assert.Equal("agent2", done[0].GetProperty("handledBy").GetString());
        var stored = new List<string>();
        await foreach (var e in app.Services.GetRequiredService<CallCenter.EventStore.IEventStore>().ReadStreamAsync("voicemessage-vm-a")) stored.Add(e.Type);
        Assert.Equal(["VoiceMessageHandled.v1"], stored);
    }
}
