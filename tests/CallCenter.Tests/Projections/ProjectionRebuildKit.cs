using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallCenter.Tests.Projections;

/// <summary>What the rebuild tests share: the projection list, waiting for a version, and catching up with the store's head.</summary>
public static class ProjectionRebuildKit
{
    public static async Task<JsonElement> ProjectionAsync(HttpClient client, string name)
    {
        var all = await client.GetFromJsonAsync<JsonElement>("/api/projections");
        return all.EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
    }

    /// <summary>
    /// Waits until the projection is live at <paramref name="version"/>, on progress rather than a clock: it fails only when the
    /// rebuild (its processed count and position) has not moved for <paramref name="within"/> (a loaded machine rebuilds slowly).
    /// </summary>
    public static async Task<JsonElement> LiveAtVersionAsync(HttpClient client, string name, int version, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        string? progress = null;
        while (true)
        {
            var p = await ProjectionAsync(client, name);
            if (p.GetProperty("state").GetString() == "live" && p.GetProperty("version").GetInt32() == version) return p;
            var now = p.TryGetProperty("rebuild", out var r) && r.ValueKind == JsonValueKind.Object
                ? $"{r.GetProperty("phase")}/{r.GetProperty("processed")}/{r.GetProperty("position")}" : p.GetProperty("state").GetString();
            if (now != progress) (progress, deadline) = (now, DateTime.UtcNow + within);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{name} not live at version {version}: no progress for {within.TotalSeconds} s; last value: {p}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the live version has applied every stored event its filter takes.</summary>
    public static async Task CaughtUpAsync(AppHost app, string name, TimeSpan within)
    {
        var status = app.Services.GetRequiredService<CallCenter.Infrastructure.Projections.ProjectionStatus>();
        var prefixes = app.Services.GetServices<CallCenter.Infrastructure.Projections.IProjection>().Single(p => p.Name == name).Filter.StreamPrefixes!;
        var like = string.Join(", ", prefixes.Select(p => $"'{p}%'"));
        await Eventually.GetAsync(() => ScalarAsync(app.Database, $"select coalesce(max(position), 0) from eventstore.events where stream_id like any(array[{like}])"),
            head => status.PositionOf(name) >= (ulong)head, within, $"{name} caught up");
    }

    /// <summary>
    /// Waits until the live version has applied every event stored when this was called (while a generator keeps adding
    /// events, "every stored event" is a moving target a loaded machine may chase for long).
    /// </summary>
    public static async Task CaughtUpToNowAsync(AppHost app, string name, TimeSpan within)
    {
        var status = app.Services.GetRequiredService<CallCenter.Infrastructure.Projections.ProjectionStatus>();
        var prefixes = app.Services.GetServices<CallCenter.Infrastructure.Projections.IProjection>().Single(p => p.Name == name).Filter.StreamPrefixes!;
        var like = string.Join(", ", prefixes.Select(p => $"'{p}%'"));
        var head = (ulong)await ScalarAsync(app.Database, $"select coalesce(max(position), 0) from eventstore.events where stream_id like any(array[{like}])");
        await Eventually.GetAsync(() => Task.FromResult(status.PositionOf(name) ?? 0), p => p >= head, within, $"{name} caught up to {head}");
    }

    public static async Task<List<string>> ColumnAsync(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var values = new List<string>();
        while (await r.ReadAsync()) values.Add(r.GetString(0));
        return values;
    }

    public static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
