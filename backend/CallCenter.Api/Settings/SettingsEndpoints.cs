using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Settings;

public sealed record PublicSettings(string CenterTitle);
public sealed record UpdateSettings(string? CenterTitle);

/// <summary>R-UI-1: the center's name in the browser title, configurable by admins.</summary>
public static class SettingsEndpoints
{
    public const string CenterTitleKey = "centerTitle";
    public const string DefaultCenterTitle = "客户服务中心 Customer Service Center";

    public static void MapSettings(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/settings").WithTags("Administration");
        g.MapGet("/public", async (ReadModelDb db, CancellationToken ct) => new PublicSettings(await CenterTitleAsync(db, ct)))
            .AllowAnonymous().WithSummary("What the login page needs: the center's title.");
        g.MapPut("/", async Task<Results<Ok<PublicSettings>, ValidationProblem>> (UpdateSettings body, ReadModelDb db, CancellationToken ct) =>
        {
            var title = body.CenterTitle?.Trim();
            if (string.IsNullOrEmpty(title) || title.Length > 80)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["centerTitle"] = ["Give a title of 1 to 80 characters."] });
            var row = await db.Settings.FindAsync([CenterTitleKey], ct);
            if (row is null) db.Settings.Add(new SettingRow { Key = CenterTitleKey, Value = title });
            else row.Value = title;
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new PublicSettings(title));
        }).RequireAuthorization(Policies.Administer).WithSummary("Change the center's title (admins).");
    }

    static async Task<string> CenterTitleAsync(ReadModelDb db, CancellationToken ct) =>
        (await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == CenterTitleKey, ct))?.Value ?? DefaultCenterTitle;
}
