using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Calls.Purposes;

/// <summary>R-TAG-1, R-ADM-2: the admin-defined taxonomy of call purposes and their sub-types.</summary>
public sealed class CallPurposeRow
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameZh { get; set; }
    public string[] Subtypes { get; set; } = [];
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
}

public sealed record CallPurposeDto(string Code, string Name, string? NameZh, string[] Subtypes, bool Active);
public sealed record SaveCallPurpose(string? Name, string? NameZh, string[]? Subtypes, bool? Active);

public static class CallPurposes
{
    public const string WorkOrderDispatched = "work-order-dispatched";
    public const string OnlineTroubleshooting = "online-troubleshooting";

    /// <summary>The tender's purposes (seed 000 §3.5), with sub-types a cable-TV / broadband hotline uses.</summary>
    public static IEnumerable<CallPurposeRow> Seed() =>
    [
        new() { Code = "consultation", Name = "Consultation", NameZh = "咨询", SortOrder = 1, Subtypes = ["billing", "product", "coverage", "other"] },
        new() { Code = "repair", Name = "Repair", NameZh = "报修", SortOrder = 2, Subtypes = ["no-signal", "broadband-down", "set-top-box", "other"] },
        new() { Code = "order", Name = "Order", NameZh = "订购", SortOrder = 3, Subtypes = ["new-package", "upgrade", "cancel", "other"] },
        new() { Code = "complaint", Name = "Complaint", NameZh = "投诉", SortOrder = 4, Subtypes = ["service", "billing", "technician", "other"] },
        new() { Code = OnlineTroubleshooting, Name = "Online troubleshooting", NameZh = "在线排障", SortOrder = 5, Subtypes = ["broadband", "cable-tv", "set-top-box", "other"] },
        new() { Code = WorkOrderDispatched, Name = "Work order dispatched", NameZh = "已派工单", SortOrder = 6, Subtypes = ["fault-repair", "installation", "other"] },
    ];

    public static void MapCallPurposes(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/call-purposes").WithTags("Calls").RequireAuthorization();
        g.MapGet("/", (ReadModelDb db, bool? all, CancellationToken ct) =>
                db.CallPurposes.AsNoTracking().Where(p => all == true || p.Active).OrderBy(p => p.SortOrder).ThenBy(p => p.Code)
                    .Select(p => new CallPurposeDto(p.Code, p.Name, p.NameZh, p.Subtypes, p.Active)).ToListAsync(ct))
            .WithSummary("The call-purpose taxonomy: purposes with their sub-types (R-TAG-1).");
        g.MapGet("/{code}", async Task<Ok<CallPurposeDto>> (string code, ReadModelDb db, CancellationToken ct) =>
                TypedResults.Ok(await db.CallPurposes.AsNoTracking().Where(p => p.Code == code).Select(p => new CallPurposeDto(p.Code, p.Name, p.NameZh, p.Subtypes, p.Active))
                    .SingleOrDefaultAsync(ct) ?? throw new CallCenter.Infrastructure.EventSourcing.NotFoundException($"No call purpose {code}.")))
            .WithSummary("One call purpose with its sub-types, retired or not.");
        g.MapPut("/{code}", async Task<Results<Ok<CallPurposeDto>, ValidationProblem>> (string code, SaveCallPurpose body, ReadModelDb db, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z][a-z0-9-]{0,47}$")) errors["code"] = ["A code is lower-case letters, digits and dashes, at most 48."];
            if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 64) errors["name"] = ["Give a name of 1 to 64 characters."];
            if (body.Subtypes is null || body.Subtypes.Length == 0 || body.Subtypes.Any(s => !System.Text.RegularExpressions.Regex.IsMatch(s, "^[a-z][a-z0-9-]{0,47}$")))
                errors["subtypes"] = ["Give at least one sub-type code (lower-case letters, digits, dashes)."];
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
            var row = await db.CallPurposes.FindAsync([code], ct);
            if (row is null) db.CallPurposes.Add(row = new CallPurposeRow { Code = code, Name = body.Name!, SortOrder = 100 });
            row.Name = body.Name!.Trim();
            row.NameZh = body.NameZh?.Trim();
            row.Subtypes = body.Subtypes!.Distinct().ToArray(); // history keeps tagged codes as text: dropping a sub-type only stops offering it
            row.Active = body.Active ?? true;
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new CallPurposeDto(row.Code, row.Name, row.NameZh, row.Subtypes, row.Active));
        }).RequireAuthorization(Policies.Administer).WithSummary("Create or change a purpose and its sub-types (admins). Deactivate rather than delete: history keeps its codes.");
    }
}
