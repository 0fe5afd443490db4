using CallCenter.Infrastructure.Persistence;
using CallCenter.Users.Managing;
using FluentValidation;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Users.Excel;

/// <summary>One row of the users workbook (export and import share it). Lists are comma-separated; proficiency "billing:4,general:3".</summary>
public sealed class UserSheetRow
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Roles { get; set; }
    public string? AgentTypes { get; set; }
    public string? Team { get; set; }
    public string? SkillGroups { get; set; }
    public string? Proficiency { get; set; }
    public string? Extension { get; set; }
    public string? Disabled { get; set; }
    /// <summary>Only read for new users (required for them); never exported.</summary>
    public string? Password { get; set; }
}

public sealed record ImportIssue(int Row, string Field, string Message);
public sealed record ImportChange(string Id, string Action, IReadOnlyDictionary<string, string?[]>? Changes);
public sealed record ImportResult(bool DryRun, bool Applied, IReadOnlyList<ImportChange> Changes, int Unchanged, IReadOnlyList<ImportIssue> Errors);

/// <summary>
/// Import and export of users from and to Excel (R-ADM-1). An import is checked whole first: with <c>dryRun</c>
/// (or any error) nothing changes and the answer says what would; otherwise every row goes through <see cref="UserAdmin"/>,
/// so each change is validated, scoped and recorded like one made on the page.
/// </summary>
public sealed class UserSheet(ReadModelDb db, UserAdmin admin)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    public async Task<List<UserSheetRow>> ExportAsync(CancellationToken ct) => (await admin.ListAsync(ct)).Select(u => new UserSheetRow
    {
        Id = u.Id, Name = u.Name, Roles = string.Join(",", u.Roles), AgentTypes = string.Join(",", u.AgentTypes), Team = u.Team,
        SkillGroups = string.Join(",", u.SkillGroups), Proficiency = string.Join(",", u.Proficiency.Select(p => $"{p.Key}:{p.Value}")),
        Extension = u.Extension, Disabled = u.Disabled ? "yes" : "no",
    }).ToList();

    public async Task<ImportResult> ImportAsync(Stream xlsx, bool dryRun, CancellationToken ct)
    {
        List<UserSheetRow> rows;
        try { rows = xlsx.Query<UserSheetRow>().Take(MaxRows + 1).ToList(); }
        catch (Exception e) when (e is not OperationCanceledException)
        { throw new ValidationException([new FluentValidation.Results.ValidationFailure("file", "Not a readable .xlsx workbook with the users sheet's columns.")]); }
        if (rows.Count > MaxRows) throw new ValidationException([new FluentValidation.Results.ValidationFailure("file", $"At most {MaxRows} rows.")]);

        var existing = (await admin.ListAsync(ct)).ToDictionary(u => u.Id);
        var known = await db.Users.AsNoTracking().Select(u => u.Id).ToListAsync(ct);
        var changes = new List<ImportChange>();
        var errors = new List<ImportIssue>();
        var plans = new List<(UserBody Body, bool Create, bool? Disabled)>();
        var unchanged = 0;
        var seen = new HashSet<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var line = i + 2; // row 1 is the header
            if (string.IsNullOrWhiteSpace(r.Id)) { errors.Add(new(line, "id", "Every row needs the login name.")); continue; }
            var id = r.Id.Trim();
            if (!seen.Add(id)) { errors.Add(new(line, "id", $"'{id}' appears twice.")); continue; }
            var body = Body(r, id, out var bad);
            if (bad is not null) { errors.Add(new(line, bad.Value.Field, bad.Value.Message)); continue; }
            var disabled = r.Disabled?.Trim().ToLowerInvariant() switch { "yes" or "true" or "1" => true, "no" or "false" or "0" => false, _ => (bool?)null };
            if (existing.TryGetValue(id, out var before))
            {
                var diff = Diff(before, body, disabled);
                if (diff.Count == 0) { unchanged++; continue; }
                changes.Add(new(id, "update", diff));
                plans.Add((body, false, disabled));
            }
            else if (known.Contains(id)) errors.Add(new(line, "id", $"'{id}' is a user you do not manage."));
            else { changes.Add(new(id, "create", null)); plans.Add((body, true, disabled)); }
        }
        // Field rules, scoping and references are the admin's own: try each planned change on a throw-away check first.
        foreach (var (plan, index) in plans.Select((p, i) => (p, i)))
            foreach (var issue in await admin.ProblemsAsync(plan.Body, plan.Create, ct))
                errors.Add(new(rows.FindIndex(r => r.Id?.Trim() == plan.Body.Id) + 2, issue.Key, issue.Value));
        if (dryRun || errors.Count > 0) return new(dryRun, false, changes, unchanged, errors);

        foreach (var (body, create, disabled) in plans)
        {
            if (create) await admin.CreateAsync(body, ct);
            else await admin.UpdateAsync(body.Id!, body, ct);
            if (disabled is not null) await admin.SetDisabledAsync(body.Id!, disabled.Value, ct);
        }
        return new(false, true, changes, unchanged, errors);
    }

    static string[] List(string? s) => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static UserBody Body(UserSheetRow r, string id, out (string Field, string Message)? bad)
    {
        bad = null;
        var proficiency = new Dictionary<string, int>();
        foreach (var pair in List(r.Proficiency))
        {
            var parts = pair.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[1], out var level)) { bad = ("proficiency", $"'{pair}' is not group:level."); break; }
            proficiency[parts[0].Trim()] = level;
        }
        return new UserBody(id, r.Name?.Trim(), string.IsNullOrEmpty(r.Password) ? null : r.Password, List(r.Roles), List(r.AgentTypes),
            string.IsNullOrWhiteSpace(r.Team) ? null : r.Team.Trim(), List(r.SkillGroups), proficiency,
            string.IsNullOrWhiteSpace(r.Extension) ? null : r.Extension.Trim());
    }

    static Dictionary<string, string?[]> Diff(UserDto u, UserBody b, bool? disabled)
    {
        var d = new Dictionary<string, string?[]>();
        void Track(string field, string? before, string? after) { if (before != after) d[field] = [before, after]; }
        Track("name", u.Name, b.Name);
        Track("roles", string.Join(",", u.Roles), string.Join(",", b.Roles!));
        Track("agentTypes", string.Join(",", u.AgentTypes), string.Join(",", b.AgentTypes!));
        Track("team", u.Team, b.Team);
        Track("skillGroups", string.Join(",", u.SkillGroups), string.Join(",", b.SkillGroups!));
        Track("proficiency", string.Join(",", u.Proficiency.Values), string.Join(",", UserInput.Levels(b)));
        Track("extension", u.Extension, b.Extension);
        if (disabled is not null) Track("disabled", u.Disabled ? "yes" : "no", disabled.Value ? "yes" : "no");
        return d;
    }
}
