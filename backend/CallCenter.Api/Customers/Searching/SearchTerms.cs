using System.Text;

namespace CallCenter.Customers.Searching;

/// <summary>
/// What a search text means for each field: an id, a phone number (canonical), a smart card, digit
/// fragments of either, and substring patterns for names and addresses.
/// </summary>
public sealed record SearchTerms(
    string Text,
    string Id,
    string? Phone,
    string? Digits,
    string? DigitFragment,
    string Contains,
    string StartsWith,
    string AddressLike,
    string AddressRegex,
    bool IgnoreCase,
    bool Ascii)
{
    /// <summary>Digit fragments shorter than this would match most phones and cards.</summary>
    public const int MinDigitFragment = 4;

    /// <summary>Numbers shorter than this are not looked for by similarity (too little to be similar to).</summary>
    public const int MinFuzzyDigits = 7;

    /// <summary>Whether the text is exactly this customer's id, one of its phones or its smart card.</summary>
    public bool IsExactly(CustomerRow c) =>
        c.Id == Id || (Phone is not null && c.Phones.Contains(Phone)) || (Digits is not null && c.SmartCard == Digits);

    public static SearchTerms From(string q)
    {
        var text = q.Trim();
        var digits = PhoneNumbers.DigitsOf(text);
        var runs = Runs(text);
        return new SearchTerms(
            Text: text,
            Id: text.ToUpperInvariant(),
            Phone: PhoneNumbers.Normalize(text),
            Digits: digits,
            DigitFragment: digits is { Length: >= MinDigitFragment } ? $"%{digits}%" : null,
            Contains: $"%{EscapeLike(text)}%",
            StartsWith: $"{EscapeLike(text)}%",
            AddressLike: $"%{string.Join("%", runs.Select(EscapeLike))}%",
            AddressRegex: string.Join(@"\s*", runs.Select(EscapeRegex)),
            // Without cased letters LIKE and ILIKE agree, and LIKE is several times faster on Chinese text.
            IgnoreCase: text.Any(c => char.ToUpperInvariant(c) != char.ToLowerInvariant(c)),
            Ascii: text.All(char.IsAscii));
    }

    /// <summary>
    /// The text cut where digits meet other characters and at spaces, so that addresses match
    /// spacing-blind: "东湖花园3栋" and "东湖花园 3 栋" both give 东湖花园 · 3 · 栋.
    /// </summary>
    static List<string> Runs(string text)
    {
        var runs = new List<string>();
        var run = new StringBuilder();
        foreach (var c in text)
        {
            var boundary = char.IsWhiteSpace(c) || (run.Length > 0 && char.IsAsciiDigit(c) != char.IsAsciiDigit(run[^1]));
            if (boundary && run.Length > 0) { runs.Add(run.ToString()); run.Clear(); }
            if (!char.IsWhiteSpace(c)) run.Append(c);
        }
        if (run.Length > 0) runs.Add(run.ToString());
        return runs;
    }

    static string EscapeLike(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    static string EscapeRegex(string s) =>
        string.Concat(s.Select(c => @"\.^$|?*+()[]{}".Contains(c) ? $@"\{c}" : c.ToString()));
}
