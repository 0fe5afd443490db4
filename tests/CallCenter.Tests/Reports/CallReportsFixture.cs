using System.Net;
using System.Net.Http.Json;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Projections;
using CallCenter.Simulation.History;
using CallCenter.Tests.Calls.ScreenPops;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Reports;

/// <summary>
/// 30 days of generated history (ending 2026-11-20) plus hand-written calls on 2026-11-21 at controlled event times,
/// tagged through the tag endpoint (one before its CallEnded): repeats at 1 h 59 min and 2 h 01 min, and calls whose
/// 2 hours are still running when the last PBX event (T + 3 h 30) is seen.
/// </summary>
public sealed class CallReportsFixture : IAsyncLifetime
{
    public static readonly DateOnly HistoryEnd = new(2026, 11, 20);
    public static readonly DateTimeOffset T = new(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(8));
    public const string From = "2026-10-22", To = "2026-11-21";
    public const string Agent = "agent3";
    // Numbers no generated caller has (the directory's are 13x/15x/18x mobiles and 0571 landlines).
    public const string A = "19900000001", B = "19900000002", P = "19900000003", Q = "19900000004", C = "19900000005", Z = "19900000006";

    public AppHost App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppHost.StartAsync(await TestDatabase.CreateAsync("callreports"));
        await App.Services.GetRequiredService<HistoryGenerator>().RunAsync(new HistoryRequest(30, 11, 60, HistoryEnd), default);
        await HandWrittenCallsAsync();
        await CaughtUpAsync(App);
    }

    public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }

    /// <summary>Stops the app, runs <paramref name="whileStopped"/> on its database, and starts it again (the tests of the collection run one at a time).</summary>
    public async Task RestartAsync(Func<string, Task> whileStopped)
    {
        App.Dispose();
        await whileStopped(App.Database);
        App = await AppHost.StartAsync(App.Database);
    }

    static object[] Answered(string callId, string ani, DateTimeOffset at) =>
    [
        ScreenPopKit.Ev("CallArrived", callId, at, ani: ani), ScreenPopKit.Ev("CallQueued", callId, at.AddSeconds(10)),
        ScreenPopKit.Ev("CallOffered", callId, at.AddSeconds(20), Agent), ScreenPopKit.Ev("CallAnswered", callId, at.AddSeconds(25), Agent),
    ];

    static object[] Abandoned(string callId, string ani, DateTimeOffset at) =>
    [
        ScreenPopKit.Ev("CallArrived", callId, at, ani: ani), ScreenPopKit.Ev("CallQueued", callId, at.AddSeconds(10)),
        ScreenPopKit.Ev("CallAbandoned", callId, at.AddSeconds(40)), ScreenPopKit.Ev("CallEnded", callId, at.AddSeconds(40)),
    ];

    static object Ended(string callId, DateTimeOffset at) => ScreenPopKit.Ev("CallEnded", callId, at, Agent);

    async Task HandWrittenCallsAsync()
    {
        var kit = new ScreenPopKit(App);
        var agent = await App.SignInAsync(Agent);
        async Task Tag(string callId, string purpose = "online-troubleshooting", string subtype = "broadband", string? customerId = null) =>
            Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/calls/{callId}/tag", new { purpose, subtype, customerId })).StatusCode);

        await kit.PostAsync([.. Answered("otf-a", A, T), .. Answered("otf-b", B, T), .. Answered("otf-c", C, T),
            .. Answered("otf-p", P, T.AddHours(3)), .. Answered("otf-q", Q, T.AddHours(3))]);
        await Tag("otf-a"); // tagged while the call is still going: the tag arrives before CallEnded
        var end = T.AddMinutes(5);
        await kit.PostAsync([Ended("otf-a", end), Ended("otf-b", end), Ended("otf-c", end),
            .. Abandoned("otf-a-again", A, end.AddMinutes(119)),   // 1 h 59 min after the end: repeated
            .. Abandoned("otf-b-again", B, end.AddMinutes(121)),   // 2 h 01 min after the end: fixed
            Ended("otf-p", T.AddHours(3).AddMinutes(5)), Ended("otf-q", T.AddHours(3).AddMinutes(10)),
            .. Abandoned("otf-q-again", Q, T.AddHours(3).AddMinutes(25)), // repeated although its 2 hours are not over
            .. Abandoned("otf-z", Z, T.AddHours(3).AddMinutes(29).AddSeconds(20))]); // the last PBX event: T + 3 h 30
        await Tag("otf-b");
        var customer = (await kit.ColumnAsync("select id from customers order by id limit 1"))[0];
        await Tag("otf-c", "repair", "no-signal", customer); // another purpose: not a one-time-fix call; tagged with a customer (R-RPT-2)
        await Tag("otf-p"); // ended T + 3 h 05, 2 hours not over at T + 3 h 30: pending
        await Tag("otf-q");
    }

    /// <summary>Waits until the call-reports and screen-pop projections have applied every call event in the store.</summary>
    public static async Task CaughtUpAsync(AppHost app)
    {
        ulong last = 0;
        await CallCenter.Tests.Infrastructure.StoreHorizon.WaitPastLastEventAsync(app.Database);
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadAllAsync(null, EventFilter.Streams("call-"))) last = e.Position;
        var status = app.Services.GetRequiredService<ProjectionStatus>();
        await Eventually.GetAsync(() => Task.FromResult((status.PositionOf("call-reports") ?? 0, status.PositionOf("screen-pops") ?? 0)),
            p => p.Item1 >= last && p.Item2 >= last, TimeSpan.FromSeconds(180), "call reports caught up");
    }
}

/// <summary>The report test classes share one history (generating it takes a minute).</summary>
[CollectionDefinition(Name)]
public sealed class CallReportsCollection : ICollectionFixture<CallReportsFixture>
{
    public const string Name = "call reports";
}
