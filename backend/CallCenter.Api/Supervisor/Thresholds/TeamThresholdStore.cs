using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Supervisor.Thresholds;

/// <summary>Teams' thresholds as reference data (the settings table, key "team-thresholds:{teamId}", decision 0030).</summary>
public static class TeamThresholdStore
{
    const string Prefix = "team-thresholds:";

    public static async Task<Dictionary<string, TeamThresholds>> AllAsync(ReadModelDb db, CancellationToken ct) =>
        (await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith(Prefix)).ToListAsync(ct))
            .ToDictionary(s => s.Key[Prefix.Length..], s => JsonSerializer.Deserialize<TeamThresholds>(s.Value, Json.Options)!);

    public static async Task<TeamThresholds> OfAsync(ReadModelDb db, string teamId, CancellationToken ct) =>
        await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Prefix + teamId, ct) is { } row
            ? JsonSerializer.Deserialize<TeamThresholds>(row.Value, Json.Options)! : new TeamThresholds();

    public static async Task SaveAsync(ReadModelDb db, string teamId, TeamThresholds t, CancellationToken ct)
    {
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == Prefix + teamId, ct);
        if (!t.Any) { if (row is not null) db.Settings.Remove(row); }
        else if (row is null) db.Settings.Add(new SettingRow { Key = Prefix + teamId, Value = JsonSerializer.Serialize(t, Json.Options) });
        else row.Value = JsonSerializer.Serialize(t, Json.Options);
        await db.SaveChangesAsync(ct);
    }
}
