using MiniExcelLibs;

namespace CallCenter.Reports;

/// <summary>
/// Every report answers JSON by default and a real Excel file with <c>format=xlsx</c> (R-RPT, API.md "Reports").
/// The workbook has one sheet whose header row is the row type's property names, so it reads back to the same rows; a
/// request with Accept-Language gets the screen's column titles and formatted cells instead (<see cref="LocalizedSheet"/>).
/// </summary>
public static class ReportOutput
{
    static readonly AsyncLocal<(string Language, ReportDefinition Definition)?> Reader = new();

    /// <summary>Notes the reader's language and the report asked for (GET /api/reports/{name} with Accept-Language).</summary>
    public static IApplicationBuilder UseLocalizedReports(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api/reports", out var rest) && LocalizedSheet.LanguageOf(http.Request.Headers.AcceptLanguage) is { } language
            && http.RequestServices.GetServices<ReportDefinition>().FirstOrDefault(d => "/" + d.Name == rest.Value) is { } definition)
            Reader.Value = (language, definition);
        await next(http);
    });

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The rows as JSON or an .xlsx download; typed, so the OpenAPI document shows the row schema (R-USE-4).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<T>>, Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult>
        Rows<T>(IReadOnlyList<T> rows, string? format, string reportName) => format?.ToLowerInvariant() switch
    {
        null or "" or "json" => TypedResults.Ok(rows),
        "xlsx" => TypedResults.File(Reader.Value is { } r && r.Definition.Name == reportName ? Xlsx(LocalizedSheet.Rows(rows, r.Definition, r.Language)) : Xlsx(rows),
            XlsxContentType, $"{reportName}.xlsx"),
        _ => throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("format", "format must be json or xlsx.")]),
    };

    static byte[] Xlsx(System.Data.DataTable table)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "report");
        return stream.ToArray();
    }

    public static byte[] Xlsx<T>(IReadOnlyList<T> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "report");
        return stream.ToArray();
    }
}
