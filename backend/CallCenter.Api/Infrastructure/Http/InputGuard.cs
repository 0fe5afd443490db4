using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace CallCenter.Infrastructure.Http;

/// <summary>
/// The bounds every request is held to before it is bound (decision 0020): route values, query values and every
/// JSON string and property name at most <see cref="InputLimits.MaxString"/> characters (long free texts such as a note
/// up to <see cref="InputLimits.MaxText"/>), no control characters other than tab and line breaks, no broken UTF-16,
/// arrays at most <see cref="InputLimits.MaxItems"/> long, nesting at most 16 deep, and the body at most
/// <see cref="InputLimits.MaxBody"/> bytes. A refusal is a 400 naming the field (413 for the body size).
/// Endpoints with other needs carry their own <see cref="InputLimits"/> as metadata (the CTI batch does).
/// Per-field limits (a queue name, an agent id) are the validators' business; this is the floor under all of them.
/// </summary>
public static class InputGuard
{
    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null) { await next(http); return; }
        var limits = endpoint.Metadata.GetMetadata<InputLimits>() ?? InputLimits.Default;
        var ownChecks = endpoint.Metadata.GetMetadata<ChecksItsOwnInput>() is not null;

        var failures = new List<ValidationFailure>();
        foreach (var (key, value) in http.Request.RouteValues)
            if (value is string s) { CheckString(key, s, limits.MaxString, failures); CheckDate(key, s, failures); }
        foreach (var (key, values) in http.Request.Query)
        {
            CheckString(key, key, limits.MaxString, failures);
            if (values.Count > limits.MaxItems) failures.Add(new(key, $"At most {limits.MaxItems} values."));
            foreach (var v in values) { CheckString(key, v ?? "", limits.MaxString, failures); CheckDate(key, v ?? "", failures); }
        }
        if (failures.Count > 0 && !ownChecks) throw new ValidationException(failures);

        if (http.Request.ContentLength > limits.MaxBody)
            throw new BadHttpRequestException($"The body is larger than {limits.MaxBody} bytes.", StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.MaxBody;

        if (!ownChecks && IsJson(http.Request.ContentType) && HasBody(http.Request))
        {
            http.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limits.MaxBody);
            var body = await ReadAsync(http.Request.Body, limits.MaxBody, http.RequestAborted);
            http.Request.Body.Position = 0;
            CheckJson(body, limits, failures);
            if (failures.Count > 0) throw new ValidationException(failures);
        }
        await next(http);
    });

    static bool HasBody(HttpRequest r) => r.ContentLength is > 0 || r.Headers.TransferEncoding.Count > 0;

    public static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value!.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    static async Task<byte[]> ReadAsync(Stream body, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
                throw new BadHttpRequestException($"The body is larger than {max} bytes.", StatusCodes.Status413PayloadTooLarge);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    sealed class Frame(bool isArray)
    {
        public readonly bool IsArray = isArray;
        public int Index = -1;
        public string? Property;
    }

    /// <summary>Walks the JSON once, without binding anything; stops after a few faults.</summary>
    internal static void CheckJson(ReadOnlySpan<byte> json, InputLimits limits, List<ValidationFailure> failures)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow });
        var frames = new List<Frame>();
        try
        {
            while (failures.Count < 10 && reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var property = reader.GetString()!;
                    frames[^1].Property = property;
                    CheckString(Path(frames, limits), property, limits.MaxString, failures);
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    frames.RemoveAt(frames.Count - 1);
                    continue;
                }
                if (frames.Count > 0 && frames[^1].IsArray && ++frames[^1].Index == limits.MaxItems)
                {
                    var top = frames[^1];
                    top.Index = -1;
                    var at = Path(frames, limits);
                    failures.Add(new(at.Length > 0 ? at : "body", frames.Count == 1 && limits.RootName is not null
                        ? $"At most {limits.MaxItems} {limits.RootName} per request." : $"At most {limits.MaxItems} items."));
                    return; // nothing past the limit is looked at
                }
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                    frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                else if (reader.TokenType == JsonTokenType.String)
                {
                    var at = Path(frames, limits);
                    var text = reader.GetString()!;
                    CheckString(at.Length > 0 ? at : "body", text, LimitFor(frames, limits), failures);
                    CheckDate(at.Length > 0 ? at : "body", text, failures);
                }
                else if (reader.TokenType == JsonTokenType.Null && frames.Count == 0)
                    failures.Add(new("body", "Send a JSON object, not null."));
                else if (reader.TokenType == JsonTokenType.Null && frames[^1].IsArray) // no list of this API holds a null item
                    failures.Add(new(Path(frames, limits) is { Length: > 0 } at ? at : "body", "A list holds no null items."));
            }
        }
        catch (JsonException j)
        {
            failures.Add(new(Path(frames, limits) is { Length: > 0 } at ? at : "body", $"Malformed JSON: {j.Message}"));
        }
        catch (InvalidOperationException)
        {
            failures.Add(new(Path(frames, limits) is { Length: > 0 } at ? at : "body", "The text is not valid UTF-16 (a lone surrogate)."));
        }
    }

    static string Path(List<Frame> frames, InputLimits limits)
    {
        var b = new System.Text.StringBuilder(frames.Count > 0 && frames[0].IsArray && limits.RootName is not null ? limits.RootName : "");
        foreach (var f in frames)
        {
            if (f.IsArray) { if (f.Index >= 0) b.Append('[').Append(f.Index).Append(']'); }
            else if (f.Property is not null) { if (b.Length > 0) b.Append('.'); b.Append(f.Property); }
        }
        return b.ToString();
    }

    static int LimitFor(List<Frame> frames, InputLimits limits)
    {
        for (var i = frames.Count - 1; i >= 0; i--)
            if (!frames[i].IsArray) return frames[i].Property is { } p && InputLimits.TextFields.Contains(p) ? limits.MaxText : limits.MaxString;
        return limits.MaxString;
    }

    /// <summary>Dates and times the API accepts anywhere (a day, or an ISO-8601 time): years <see cref="FirstYear"/> to <see cref="LastYear"/>.</summary>
    public const int FirstYear = 2000, LastYear = 2099;
    static readonly System.Text.RegularExpressions.Regex DateLike = new(
        @"^(\d{4,})-\d{2}-\d{2}([Tt ][0-9:.]+([Zz]|[+-]\d{2}(:?\d{2})?)?)?$", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>A value that is a date outside the years the center can have data for is refused (no 500 for 0001-01-01 or 9999-12-31).</summary>
    public static void CheckDate(string field, string value, List<ValidationFailure> failures)
    {
        if (value.Length < 10 || value.Length > 40 || !char.IsAsciiDigit(value[0])) return;
        var m = DateLike.Match(value);
        if (m.Success && (!int.TryParse(m.Groups[1].Value, out var year) || year is < FirstYear or > LastYear))
            failures.Add(new(field, $"Dates must be between {FirstYear}-01-01 and {LastYear}-12-31."));
    }

    /// <summary>Refuses control characters (tab, CR and LF excepted) and texts past <paramref name="max"/>.</summary>
    public static void CheckString(string field, string value, int max, List<ValidationFailure> failures)
    {
        if (value.Length > max) { failures.Add(new(field, $"At most {max} characters.")); return; }
        foreach (var c in value)
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c == 0x7F)
            {
                failures.Add(new(field, $"Control character U+{(int)c:X4} is not allowed."));
                return;
            }
    }
}

/// <summary>The size bounds of one endpoint's input (metadata; <see cref="Default"/> when absent).</summary>
/// <param name="RootName">How a body that is an array is named in errors (e.g. "events" for the CTI batch).</param>
/// <summary>
/// Endpoint metadata: the endpoint bounds and cleans its strings itself (the login, which must log every attempt, whatever
/// its size or characters, R-LOGIN-1), so the guard checks only the body size.
/// </summary>
public sealed class ChecksItsOwnInput
{
    public static readonly ChecksItsOwnInput Instance = new();
}

public sealed record InputLimits(int MaxString = 200, int MaxText = 4000, int MaxItems = 500, long MaxBody = 1_048_576, string? RootName = null)
{
    public static readonly InputLimits Default = new();

    /// <summary>Free-text fields (by JSON name) that may be up to <see cref="MaxText"/> long; every other string is at most <see cref="MaxString"/>.</summary>
    public static readonly HashSet<string> TextFields = new(StringComparer.OrdinalIgnoreCase)
    { "note", "notes", "description", "text", "content", "comment", "message", "body", "remark", "remarks", "address", "detail", "details", "logo", "logoDataUrl", "result", "summary" };
}
