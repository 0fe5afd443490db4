using CallCenter.Infrastructure;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Settings.Changing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Settings;

/// <summary>What every page may know: the center's title, its logo and its time zone (IANA id, with its UTC offset now).</summary>
public sealed record PublicSettings(string CenterTitle, string TimeZone, string TimeZoneOffset)
{
    /// <summary>The center's logo as a data URL (PNG, JPEG, GIF, WebP or SVG, at most 200 KB), or null.</summary>
    public string? Logo { get; init; }
}

/// <summary>The center's settings: title, time zone, the short-abandon threshold in effect now.</summary>
public sealed record CenterSettingsDto(string CenterTitle, string TimeZone, string TimeZoneOffset, int ShortAbandonSeconds)
{
    /// <summary>The center's logo as a data URL, or null.</summary>
    public string? Logo { get; init; }
}

/// <summary>Each field is optional; only those given change.</summary>
public sealed record UpdateSettings(string? CenterTitle, string? TimeZone = null, int? ShortAbandonSeconds = null)
{
    /// <summary>A data URL to show as the logo; "" removes it; absent leaves it unchanged.</summary>
    public string? Logo { get; init; }
}

/// <summary>R-UI-1: the center's name in the browser title; the center's time zone and KPI settings (decision 0008).</summary>
public static class SettingsEndpoints
{
    public const string CenterTitleKey = "centerTitle";
    public const string DefaultCenterTitle = "客户服务中心 Customer Service Center";

    public static void MapSettings(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/settings").WithTags("Administration");
        g.MapGet("/public", async (ReadModelDb db, CenterClock center, TimeProvider clock, CancellationToken ct) =>
                new PublicSettings(await CenterTitleAsync(db, ct), center.Zone.Id, CenterTime.OffsetLabel(clock.GetUtcNow(), center.Zone)) { Logo = await LogoAsync(db, ct) })
            .AllowAnonymous().WithSummary("What the login page needs: the center's title, logo and time zone.");
        g.MapGet("/", async (ReadModelDb db, CommandPipeline pipeline, CenterClock center, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await DtoAsync(db, pipeline, center, clock, ct)))
            .RequireAuthorization().WithSummary("The center's settings: title, logo, time zone (IANA id, default Asia/Shanghai) and the short-abandon threshold now in effect.");
        g.MapPut("/", async Task<Results<Ok<CenterSettingsDto>, ValidationProblem>> (UpdateSettings body, ReadModelDb db, CommandPipeline pipeline,
            IMediator mediator, CenterClock center, TimeProvider clock, CallCenter.Infrastructure.Realtime.DesktopPush push, CancellationToken ct) =>
        {
            var title = body.CenterTitle?.Trim();
            if (body.CenterTitle is not null && (string.IsNullOrEmpty(title) || title.Length > 80))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["centerTitle"] = ["Give a title of 1 to 80 characters."] });
            if (body is { CenterTitle: null, TimeZone: null, ShortAbandonSeconds: null, Logo: null })
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["centerTitle"] = ["Give centerTitle, logo, timeZone or shortAbandonSeconds."] });
            if (body.Logo is { Length: > 0 } logo && !CenterLogo.IsValid(logo))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["logo"] = [CenterLogo.Rule] });
            if (body.TimeZone is not null || body.ShortAbandonSeconds is not null) // validated (400 naming the field) before anything is stored
                await mediator.Send(new ChangeCenterSettings(body.TimeZone?.Trim(), body.ShortAbandonSeconds, clock.GetUtcNow()), ct);
            if (title is not null)
            {
                var row = await db.Settings.FindAsync([CenterTitleKey], ct);
                if (row is null) db.Settings.Add(new SettingRow { Key = CenterTitleKey, Value = title });
                else row.Value = title;
            }
            if (body.Logo is not null) await CenterLogo.SaveAsync(db, body.Logo, ct);
            await db.SaveChangesAsync(ct);
            var saved = await DtoAsync(db, pipeline, center, clock, ct);
            // Stored: every open desktop shows the new title, logo and zone at once (R-UI-1; reference data, no projection to wait for).
            await push.SettingsChangedAsync(new PublicSettings(saved.CenterTitle, saved.TimeZone, saved.TimeZoneOffset) { Logo = saved.Logo }, ct);
            return TypedResults.Ok(saved);
        }).RequireAuthorization(Policies.Administer)
            .WithMetadata(new Infrastructure.Http.InputLimits(MaxText: 280_000)) // the logo: a data URL of up to 200 KB
            .WithSummary("Change the center's title, logo, time zone (an IANA id; every day, hour, week, month of reports, the audit, business hours " +
                         "and serials follow it; no stored event changes) and short-abandon threshold (from now on) (admins).");
    }

    static async Task<CenterSettingsDto> DtoAsync(ReadModelDb db, CommandPipeline pipeline, CenterClock center, TimeProvider clock, CancellationToken ct)
    {
        var (history, _) = await pipeline.LoadAsync<CenterSettingsStream, CenterSettingsHistory, CenterSettingChanged>(CenterSettingsStream.Id, ct);
        var now = clock.GetUtcNow();
        return new(await CenterTitleAsync(db, ct), center.Zone.Id, CenterTime.OffsetLabel(now, center.Zone), history.ShortAbandonSecondsAt(now))
            { Logo = await LogoAsync(db, ct) };
    }

    /// <summary>At start: the zone recorded last in the settings stream (the default when none is).</summary>
    public static async Task LoadCenterZoneAsync(IServiceProvider services, CancellationToken ct)
    {
        var (history, _) = await services.GetRequiredService<CommandPipeline>()
            .LoadAsync<CenterSettingsStream, CenterSettingsHistory, CenterSettingChanged>(CenterSettingsStream.Id, ct);
        services.GetRequiredService<CenterClock>().Use(CenterTime.FindZone(history.TimeZone) ?? CenterTime.DefaultZone);
    }

    static async Task<string?> LogoAsync(ReadModelDb db, CancellationToken ct) =>
        db.Settings.Local.FirstOrDefault(s => s.Key == CenterLogo.Key)?.Value is { Length: > 0 } local ? local
        : (await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == CenterLogo.Key, ct))?.Value is { Length: > 0 } v ? v : null;

    static async Task<string> CenterTitleAsync(ReadModelDb db, CancellationToken ct) =>
        (await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == CenterTitleKey, ct))?.Value ?? DefaultCenterTitle;
}
