using MiniExcelLibs;

namespace CallCenter.Reports;

/// <summary>
/// Every report answers JSON by default and a real Excel file with <c>format=xlsx</c> (R-RPT, API.md "Reports").
/// The workbook has one sheet whose header row is the row type's property names, so it reads back to the same rows.
/// </summary>
public static class ReportOutput
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The rows as JSON or an .xlsx download; typed, so the OpenAPI document shows the row schema (R-USE-4).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<T>>, Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult>
        Rows<T>(IReadOnlyList<T> rows, string? format, string reportName) => format?.ToLowerInvariant() switch
    {
        null or "" or "json" => TypedResults.Ok(rows),
        "xlsx" => TypedResults.File(Xlsx(rows), XlsxContentType, $"{reportName}.xlsx"),
        _ => throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("format", "format must be json or xlsx.")]),
    };

    public static byte[] Xlsx<T>(IReadOnlyList<T> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "report");
        return stream.ToArray();
    }
}
