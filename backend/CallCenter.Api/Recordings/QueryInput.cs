using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace CallCenter.Recordings;

/// <summary>
/// Query-string input of the recording and call-log searches: bad input is a problem naming the field. Times are instants
/// (ISO-8601 with an offset); the page turns the user's days into instants (the one place dates are interpreted here).
/// </summary>
public static class QueryInput
{
    public static DateTimeOffset? Instant(string field, string? value) =>
        value is null or "" ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at
        : throw Invalid(field, "An ISO-8601 time with an offset, e.g. 2026-12-03T00:00:00+08:00.");

    public static int? Between(string field, string? value, int min, int max) =>
        value is null or "" ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw Invalid(field, $"A whole number from {min} to {max}.");

    public static string? Text(string field, string? value, int maxLength = 64) =>
        value is null or "" ? null : value.Length <= maxLength ? value.Trim() : throw Invalid(field, $"At most {maxLength} characters.");

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
