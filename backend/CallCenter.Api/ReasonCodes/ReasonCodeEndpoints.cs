using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.ReasonCodes;

public sealed record ReasonCodeDto(string Code, string Name, string? NameZh, bool Active)
{
    /// <summary>Going not ready with this reason needs a supervisor's approval (R-STATE-3).</summary>
    public bool NeedsApproval { get; init; }
    /// <summary>At most this many agents away with this reason at once (null: no limit).</summary>
    public int? MaxAway { get; init; }
    public static ReasonCodeDto From(ReasonCodeRow r) => new(r.Code, r.Name, r.NameZh, r.Active) { NeedsApproval = r.NeedsApproval, MaxAway = r.MaxAway };
}
public sealed record SaveReasonCode(string? Name, string? NameZh, bool? Active, bool? NeedsApproval = null, int? MaxAway = null);

/// <summary>R-STATE-2, R-ADM-2: the admin-defined not-ready reasons.</summary>
public static class ReasonCodeEndpoints
{
    public static void MapReasonCodes(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/reason-codes").WithTags("Administration").RequireAuthorization();
        g.MapGet("/", (ReadModelDb db, bool? all, CancellationToken ct) =>
                db.ReasonCodes.AsNoTracking().Where(r => all == true || r.Active).OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
                    .Select(r => new ReasonCodeDto(r.Code, r.Name, r.NameZh, r.Active) { NeedsApproval = r.NeedsApproval, MaxAway = r.MaxAway }).ToListAsync(ct))
            .WithSummary("The not-ready reason codes (active ones unless all=true).");
        g.MapGet("/{code}", async Task<Ok<ReasonCodeDto>> (string code, ReadModelDb db, CancellationToken ct) =>
                TypedResults.Ok(ReasonCodeDto.From(await db.ReasonCodes.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ct)
                    ?? throw new CallCenter.Infrastructure.EventSourcing.NotFoundException($"No reason code {code}."))))
            .WithSummary("One reason code, retired or not.");
        g.MapPut("/{code}", async Task<Results<Ok<ReasonCodeDto>, ValidationProblem>> (string code, SaveReasonCode body, ReadModelDb db, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z][a-z0-9-]{0,31}$")) errors["code"] = ["A code is lower-case letters, digits and dashes, at most 32."];
            if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 64) errors["name"] = ["Give a name of 1 to 64 characters."];
            if (body.NameZh is { Length: > 64 }) errors["nameZh"] = ["At most 64 characters."];
            if (body.MaxAway is < 1 or > 1000) errors["maxAway"] = ["Give 1 to 1000 agents, or nothing for no limit."];
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
            var row = await db.ReasonCodes.FindAsync([code], ct);
            if (row is null) db.ReasonCodes.Add(row = new ReasonCodeRow { Code = code, Name = body.Name!, SortOrder = 100 });
            row.Name = body.Name!.Trim();
            row.NameZh = body.NameZh?.Trim();
            row.Active = body.Active ?? true;
            row.NeedsApproval = body.NeedsApproval ?? false;
            row.MaxAway = body.MaxAway;
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(ReasonCodeDto.From(row));
        }).RequireAuthorization(Policies.Administer).WithSummary("Create or change a reason code (admins). Deactivate instead of deleting: history keeps its codes.");
    }
}
