using MiniExcelLibs;

namespace CallCenter.Telephony.Routing;

/// <summary>Reads a blacklist Excel sheet (MiniExcel): header row, then pattern, direction, reason per row.</summary>
public static class BlacklistImport
{
    public sealed record Row(string Pattern, string Direction, string Reason);

    public static (List<Row> Rows, Dictionary<string, string[]> Errors) Read(IFormFile file)
    {
        var rows = new List<Row>();
        var errors = new Dictionary<string, string[]>();
        if (file.Length is 0 or > 5_000_000) { errors["file"] = ["Give an .xlsx file of at most 5 MB."]; return (rows, errors); }
        List<IDictionary<string, object?>> sheet;
        try
        {
            using var stream = file.OpenReadStream();
            sheet = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            errors["file"] = ["Not a readable .xlsx file."];
            return (rows, errors);
        }
        if (sheet.Count > 10_000) { errors["file"] = ["At most 10,000 rows."]; return (rows, errors); }
        for (var i = 0; i < sheet.Count; i++)
        {
            string Cell(string name) => sheet[i].FirstOrDefault(kv => string.Equals(kv.Key.Trim(), name, StringComparison.OrdinalIgnoreCase)).Value?.ToString()?.Trim() ?? "";
            var n = i + 2; // the sheet's row number (row 1 = headers)
            if (Blacklist.Parse(Cell("pattern"), out var pattern, out var error) is null) { errors[$"rows[{n}].pattern"] = [error!]; continue; }
            var direction = Cell("direction") is { Length: > 0 } d ? d.ToLowerInvariant() : BlacklistDirections.Both;
            if (!BlacklistDirections.All.Contains(direction)) { errors[$"rows[{n}].direction"] = [$"One of: {string.Join(", ", BlacklistDirections.All)}."]; continue; }
            var reason = Cell("reason");
            if (reason.Length > 200) { errors[$"rows[{n}].reason"] = ["At most 200 characters."]; continue; }
            if (rows.All(r => r.Pattern != pattern)) rows.Add(new Row(pattern, direction, reason));
        }
        if (sheet.Count == 0) errors["file"] = ["The sheet has no rows under its header (pattern, direction, reason)."];
        return (rows, errors);
    }
}
