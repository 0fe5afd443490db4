using CallCenter.Infrastructure.Http;
using CallCenter.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Telephony.Routing;

public sealed record BlacklistEntryDto(long Id, string Pattern, string Reason, string CreatedBy, DateTimeOffset CreatedAt, string Direction)
{
    public static BlacklistEntryDto From(BlacklistEntryRow r) => new(r.Id, r.Pattern, r.Reason, r.CreatedBy, r.CreatedAt, r.Direction);
}

/// <summary>Body of POST /api/blacklist. Direction: inbound, outbound or both (default both).</summary>
public sealed record AddBlacklistEntry(string? Pattern, string? Reason, string? Direction = null);

/// <summary>Body of PUT /api/blacklist/{id}.</summary>
public sealed record UpdateBlacklistEntry(string? Reason, string? Direction);

/// <summary>What an Excel import did: entries added, patterns already listed (skipped).</summary>
public sealed record BlacklistImportResult(int Added, string[] Skipped);

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
                if (body.Direction is { } d && !BlacklistDirections.All.Contains(d))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["direction"] = [$"One of: {string.Join(", ", BlacklistDirections.All)}."] });
                if (await blacklist.AddAsync(pattern, body.Reason?.Trim() ?? "", user.Id, ct, body.Direction ?? BlacklistDirections.Both) is not { } row)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pattern"] = [$"{pattern} is blacklisted already."] });
                return TypedResults.Created($"/api/blacklist/{row.Id}", BlacklistEntryDto.From(row));
            })
            .RequireAuthorization(Policies.Administer).IdempotentCreate()
            .WithSummary("Blacklist a number (\"13800138000\"), a prefix (\"0755*\") or a range (\"01088880000-01088889999\"), inbound, outbound or both; takes effect on the next call.");

        g.MapPut("/{id:long}", async Task<Results<Ok<BlacklistEntryDto>, ValidationProblem, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> (long id, UpdateBlacklistEntry body,
                BlacklistService blacklist, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (body.Reason is { Length: > 200 }) errors["reason"] = ["At most 200 characters."];
                if (body.Direction is null || !BlacklistDirections.All.Contains(body.Direction)) errors["direction"] = [$"One of: {string.Join(", ", BlacklistDirections.All)}."];
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                return await blacklist.UpdateAsync(id, body.Reason?.Trim() ?? "", body.Direction!, ct) is { } row
                    ? TypedResults.Ok(BlacklistEntryDto.From(row))
                    : TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Not found.", Detail = $"No blacklist entry {id}." });
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Change an entry's reason and direction (admins); to change the pattern, remove the entry and add another.");

        g.MapPost("/import", async Task<Results<Ok<BlacklistImportResult>, ValidationProblem>> (IFormFile file, BlacklistService blacklist, CurrentUser user, CancellationToken ct) =>
            {
                var (rows, errors) = BlacklistImport.Read(file);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var skipped = new List<string>();
                foreach (var r in rows)
                    if (await blacklist.AddAsync(r.Pattern, r.Reason, user.Id, ct, r.Direction) is null) skipped.Add(r.Pattern);
                return TypedResults.Ok(new BlacklistImportResult(rows.Count - skipped.Count, [.. skipped]));
            })
            .RequireAuthorization(Policies.Administer).DisableAntiforgery().IdempotentCreate() // the session's XSRF header is checked by UseXsrfCheck
            .WithSummary("Import entries from an Excel file (.xlsx; columns pattern, direction, reason; first row the headers). Any bad row: 400 naming it (rows[n].field) and nothing is stored; patterns already listed are skipped.");

        g.MapDelete("/{id:long}", async (long id, BlacklistService blacklist, CancellationToken ct) =>
            {
                await blacklist.RemoveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Remove a blacklist entry (admins). Refused calls keep their facts in history; the entry itself is not referenced by them.");
    }
}
