using CallCenter.EventStore;
using CallCenter.Infrastructure.Projections;
using CallCenter.Simulation.History;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Reports.Intervals;

/// <summary>30 days of generated history (ending 2026-11-20, 60 calls a day) and the interval-kpis projection caught up with it.</summary>
public sealed class IntervalKpiFixture : IAsyncLifetime
{
    public const string From = "2026-10-22", To = "2026-11-20";
    public static readonly string[] Tables = ["kpi_intervals", "kpi_agent_states", "kpi_call_work", "kpi_agent_work", "kpi_calls", "kpi_state"];
    public AppHost App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppHost.StartAsync(await TestDatabase.CreateAsync("intervalkpis"));
        var admin = await App.SignInAsync("admin");
        var started = await admin.PostAsync("/api/simulator/history",
            System.Net.Http.Json.JsonContent.Create(new { days = 30, seed = 7, callsPerDay = 60, endDate = "2026-11-20" }));
        Assert.True(started.IsSuccessStatusCode, $"history: {(int)started.StatusCode}");
        await Eventually.GetAsync(async () => System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync("/api/simulator/history")).RootElement,
            p => p.GetProperty("daysDone").GetInt32() == 30 && !p.GetProperty("running").GetBoolean(), TimeSpan.FromSeconds(180), "history written");
        await CaughtUpAsync(App);
    }

    public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }

    public async Task RestartAsync(Func<string, Task> whileStopped)
    {
        App.Dispose();
        await whileStopped(App.Database);
        App = await AppHost.StartAsync(App.Database);
    }

    /// <summary>Waits until interval-kpis has applied every call and agent event in the store (and the count holds still).</summary>
    public static async Task<ulong> CaughtUpAsync(AppHost app)
    {
        var status = app.Services.GetRequiredService<ProjectionStatus>();
        ulong seen = 0;
        return await Eventually.GetAsync(async () =>
        {
            // From the table itself: a $all read stops below the oldest transaction running on the shared server (decision 0002),
            // so another test class's transaction could make the store look complete before the last events were applied.
            await using var conn = new Npgsql.NpgsqlConnection(app.Database);
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("select coalesce(max(position), 0) from eventstore.events where stream_id like 'call-%' or stream_id like 'agent-%'", conn);
            return (ulong)(long)(await cmd.ExecuteScalarAsync())!;
        }, last =>
        {
            var done = last == seen && status.PositionOf("interval-kpis") >= last;
            seen = last;
            return done;
        }, TimeSpan.FromSeconds(180), "interval-kpis caught up");
    }
}

[CollectionDefinition(Name)]
public sealed class IntervalKpiCollection : ICollectionFixture<IntervalKpiFixture>
{
    public const string Name = "interval kpis";
}
