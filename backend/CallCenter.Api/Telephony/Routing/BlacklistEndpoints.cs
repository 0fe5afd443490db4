using CallCenter.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Telephony.Routing;

public sealed record BlacklistEntryDto(long Id, string Pattern, string Reason, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static BlacklistEntryDto From(BlacklistEntryRow r) => new(r.Id, r.Pattern, r.Reason, r.CreatedBy, r.CreatedAt);
}

public sealed record AddBlacklistEntry(string? Pattern, string? Reason);

/// <summary>R-ACD-4 admin: the blacklist (any signed-in user reads, admins change).</summary>
public static class BlacklistEndpoints
{
    public static void MapBlacklist(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/blacklist").WithTags("ACD").RequireAuthorization();
        g.MapGet("/", async (BlacklistService blacklist, CancellationToken ct) => (await blacklist.AllAsync(ct)).Select(BlacklistEntryDto.From))
            .WithSummary("Blacklisted numbers, prefixes and ranges, newest first (R-ACD-4).");

        g.MapPost("/", async Task<Results<Created<BlacklistEntryDto>, ValidationProblem>> (AddBlacklistEntry body, BlacklistService blacklist, CurrentUser user, CancellationToken ct) =>
            {
                if (Blacklist.Parse(body.Pattern, out var pattern, out var error) is null)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pattern"] = [error!] });
                if (body.Reason is { Length: > 200 })
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 200 characters."] });
                if (await blacklist.AddAsync(pattern, body.Reason?.Trim() ?? "", user.Id, ct) is not { } row)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pattern"] = [$"{pattern} is blacklisted already."] });
                return TypedResults.Created($"/api/blacklist/{row.Id}", BlacklistEntryDto.From(row));
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Blacklist a number (\"13800138000\"), a prefix (\"0755*\") or a range (\"01088880000-01088889999\"); takes effect on the next call.");

        g.MapDelete("/{id:long}", async (long id, BlacklistService blacklist, CancellationToken ct) =>
            {
                await blacklist.RemoveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Remove a blacklist entry (admins).");
    }
}
