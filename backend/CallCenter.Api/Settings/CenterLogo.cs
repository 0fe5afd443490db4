using System.Text.RegularExpressions;
using CallCenter.Infrastructure.Persistence;

namespace CallCenter.Settings;

/// <summary>R-UI-1: the center's logo, kept as a data URL in the settings table (key <c>centerLogo</c>).</summary>
public static partial class CenterLogo
{
    public const string Key = "centerLogo";
    public const string Rule = "Give a PNG, JPEG, GIF, WebP or SVG image as a data URL of at most 200 KB.";

    public static bool IsValid(string logo) => logo.Length <= 280_000 && DataUrl().IsMatch(logo);

    /// <summary>Stores the logo ("" removes it); the caller saves.</summary>
    public static async Task SaveAsync(ReadModelDb db, string logo, CancellationToken ct)
    {
        var row = await db.Settings.FindAsync([Key], ct);
        if (logo.Length == 0) { if (row is not null) db.Settings.Remove(row); return; }
        if (row is null) db.Settings.Add(new SettingRow { Key = Key, Value = logo });
        else row.Value = logo;
    }

    [GeneratedRegex(@"^data:image/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$")] private static partial Regex DataUrl();
}
