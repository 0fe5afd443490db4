using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Reports;

/// <summary>
/// A report's Excel file in the reader's language (issue 16): the header row is the screen's column titles and durations and
/// percentages are formatted as the screen shows them. The titles come from the SPA's own translation files, embedded in this
/// assembly at build time (frontend/src/shared/i18n/{en,zh-CN}.json: `reports.columns.{key}`, `state.{code}`,
/// `reports.unknown`), so the file and the screen cannot drift apart. Asked for with `Accept-Language` (the SPA sends its
/// language); without it a workbook keeps the rows' property names, so it reads back to the same rows.
/// </summary>
public static class LocalizedSheet
{
    static readonly Lazy<Dictionary<string, JsonElement>> Languages = new(Load);

    /// <summary>The SPA's language for an Accept-Language header ("zh-CN", "en"), or null when it names neither.</summary>
    public static string? LanguageOf(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)) return null;
        foreach (var part in acceptLanguage.Split(','))
        {
            var tag = part.Split(';')[0].Trim();
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return "zh-CN";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return "en";
        }
        return null;
    }

    /// <summary>The rows with the screen's titles and formatted cells, in the definition's column order (the header row even without rows).</summary>
    public static System.Data.DataTable Rows<T>(IReadOnlyList<T> rows, ReportDefinition definition, string language)
    {
        var texts = Languages.Value[language];
        var table = new System.Data.DataTable(definition.Name);
        foreach (var column in definition.Columns)
        {
            var title = Text(texts, $"reports.columns.{column.Key}") ?? column.Key;
            table.Columns.Add(table.Columns.Contains(title) ? $"{title} ({column.Key})" : title, typeof(object));
        }
        foreach (var row in rows)
        {
            var json = JsonSerializer.SerializeToElement(row, Json.Options);
            table.Rows.Add([.. definition.Columns.Select(c => json.TryGetProperty(c.Key, out var v) ? Cell(texts, c, v) ?? DBNull.Value : DBNull.Value)]);
        }
        return table;
    }

    static object? Cell(JsonElement texts, ReportColumn column, JsonElement v)
    {
        if (v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (v.ValueKind == JsonValueKind.String)
        {
            var s = v.GetString()!;
            if (s == "unknown") return Text(texts, "reports.unknown") ?? s;
            return column.Key == "state" ? Text(texts, $"state.{s}") ?? s : s;
        }
        if (v.ValueKind != JsonValueKind.Number) return v.ToString();
        var n = v.GetDouble();
        return column.Kind switch
        {
            "percent" => (n * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
            "seconds" => Duration(n),
            "count" => v.TryGetInt64(out var l) ? l : n,
            _ => Math.Round(n, 2),
        };
    }

    /// <summary>As the screen shows it (formatDuration): m:ss under an hour, h:mm:ss from one hour.</summary>
    public static string Duration(double seconds)
    {
        var total = (long)Math.Max(0, Math.Round(seconds));
        var (h, m, s) = (total / 3600, total % 3600 / 60, total % 60);
        return h > 0 ? $"{h}:{m:00}:{s:00}" : $"{m:00}:{s:00}";
    }

    static string? Text(JsonElement texts, string path)
    {
        var node = texts;
        foreach (var part in path.Split('.'))
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node)) return null;
        return node.ValueKind == JsonValueKind.String ? node.GetString() : null;
    }

    static Dictionary<string, JsonElement> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var result = new Dictionary<string, JsonElement>();
        foreach (var language in new[] { "en", "zh-CN" })
        {
            using var stream = assembly.GetManifestResourceStream($"i18n/{language}.json")
                ?? throw new InvalidOperationException($"i18n/{language}.json is not embedded (CallCenter.Api.csproj).");
            result[language] = JsonDocument.Parse(stream).RootElement.Clone();
        }
        return result;
    }
}
