using FluentValidation;
using FluentValidation.Results;

namespace CallCenter.Infrastructure.Http;

/// <summary>Optimistic concurrency over HTTP: ETag = stream revision; If-Match = the revision the client expects.</summary>
public static class Etag
{
    public static string Of(long revision) => $"\"{revision}\"";

    public static long? IfMatch(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(value) || value == "*") return null;
        return long.TryParse(value.Trim().TrimStart('W', '/').Trim('"'), out var revision)
            ? revision
            : throw new ValidationException([new ValidationFailure("If-Match", "If-Match must be a revision, e.g. \"3\".")]);
    }
}
