using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Settings;

public sealed record PublicSettings(string CenterTitle)
{
    /// <summary>The center's logo as a data URL (PNG, JPEG, GIF, WebP or SVG, at most 200 KB), or null.</summary>
    public string? Logo { get; init; }
}
public sealed record UpdateSettings(string? CenterTitle)
{
    /// <summary>A data URL to show as the logo; "" removes it; absent leaves it unchanged.</summary>
    public string? Logo { get; init; }
}

/// <summary>R-UI-1: the center's name in the browser title, configurable by admins.</summary>
public static class SettingsEndpoints
{
    public const string CenterTitleKey = "centerTitle";
    public const string DefaultCenterTitle = "客户服务中心 Customer Service Center";

    public static void MapSettings(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/settings").WithTags("Administration");
        g.MapGet("/public", async (ReadModelDb db, CancellationToken ct) => new PublicSettings(await CenterTitleAsync(db, ct)) { Logo = await LogoAsync(db, ct) })
            .AllowAnonymous().WithSummary("What the login page needs: the center's title.");
        g.MapPut("/", async Task<Results<Ok<PublicSettings>, ValidationProblem>> (UpdateSettings body, ReadModelDb db, CancellationToken ct) =>
        {
            var title = body.CenterTitle?.Trim();
            if (string.IsNullOrEmpty(title) || title.Length > 80)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["centerTitle"] = ["Give a title of 1 to 80 characters."] });
            if (body.Logo is { Length: > 0 } logo && !CenterLogo.IsValid(logo))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["logo"] = [CenterLogo.Rule] });
            var row = await db.Settings.FindAsync([CenterTitleKey], ct);
            if (row is null) db.Settings.Add(new SettingRow { Key = CenterTitleKey, Value = title });
            else row.Value = title;
            if (body.Logo is not null) await CenterLogo.SaveAsync(db, body.Logo, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new PublicSettings(title) { Logo = await LogoAsync(db, ct) });
        }).RequireAuthorization(Policies.Administer).WithSummary("Change the center's title (admins).");
    }

    static async Task<string?> LogoAsync(ReadModelDb db, CancellationToken ct) =>
        db.Settings.Local.FirstOrDefault(s => s.Key == CenterLogo.Key)?.Value is { Length: > 0 } local ? local
        : (await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == CenterLogo.Key, ct))?.Value is { Length: > 0 } v ? v : null;

    static async Task<string> CenterTitleAsync(ReadModelDb db, CancellationToken ct) =>
        (await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == CenterTitleKey, ct))?.Value ?? DefaultCenterTitle;
}
