using CallCenter.Customers;

namespace CallCenter.Telephony.Routing;

/// <summary>
/// R-ACD-4, pure: blacklist patterns and matching. A pattern is an exact number ("13800138000", stored in the
/// directory's canonical form, see <see cref="PhoneNumbers"/>), a prefix of digits ending in "*" ("0755*") or a
/// range of two equally long digit strings, inclusive ("01088880000-01088889999"). Numbers are compared in canonical
/// form (digits only, "+86" dropped, a local landline with the city's area code), so write prefixes and ranges that way.
/// </summary>
public static class Blacklist
{
    public abstract record Pattern;
    public sealed record Exact(string Number) : Pattern;
    public sealed record Prefix(string Digits) : Pattern;
    public sealed record Range(string Low, string High) : Pattern;

    /// <summary>The pattern, or null with the reason why not. <paramref name="canonical"/> is the text to store.</summary>
    public static Pattern? Parse(string? text, out string canonical, out string? error)
    {
        canonical = (text ?? "").Replace(" ", "");
        error = null;
        var s = canonical;
        if (s.Length is 0 or > 41) error = "Give a number, a prefix ending in * or a range low-high.";
        else if (s.EndsWith('*'))
        {
            var digits = s[..^1];
            if (digits.Length is >= 1 and <= 20 && digits.All(char.IsAsciiDigit)) return new Prefix(digits);
            error = "A prefix is 1 to 20 digits followed by *.";
        }
        else if (s.IndexOf('-', 1) is var dash and > 0 && s[..dash].All(char.IsAsciiDigit))
        {
            string low = s[..dash], high = s[(dash + 1)..];
            if (!high.All(char.IsAsciiDigit) || low.Length is < 3 or > 20) error = "A range is two numbers of 3 to 20 digits, low-high.";
            else if (low.Length != high.Length) error = "Both ends of a range must have the same number of digits.";
            else if (string.CompareOrdinal(low, high) > 0) error = "A range's low end must not be above its high end.";
            else return new Range(low, high);
        }
        else if (PhoneNumbers.DigitsOf(s) is { Length: >= 3 and <= 20 } && !s.Contains('-'))
        {
            canonical = Canonical(s)!;
            return new Exact(canonical);
        }
        else error = "Give a number (3 to 20 digits), a prefix ending in * or a range low-high.";
        return null;
    }

    /// <summary>True when any of the (well-formed) patterns covers the number; malformed patterns match nothing.</summary>
    public static bool Matches(IEnumerable<string> patterns, string number)
    {
        if (Canonical(number) is not { } n) return false;
        foreach (var text in patterns)
            if (Covers(Parse(text, out _, out _), n)) return true;
        return false;
    }

    static bool Covers(Pattern? p, string n) => p switch
    {
        Exact e => e.Number == n,
        Prefix x => n.StartsWith(x.Digits, StringComparison.Ordinal),
        Range r => n.Length == r.Low.Length && string.CompareOrdinal(n, r.Low) >= 0 && string.CompareOrdinal(n, r.High) <= 0,
        _ => false,
    };

    static string? Canonical(string number) => PhoneNumbers.Normalize(number) ?? PhoneNumbers.DigitsOf(number);
}
