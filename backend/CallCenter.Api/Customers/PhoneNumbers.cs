namespace CallCenter.Customers;

/// <summary>
/// Phone numbers in the directory's canonical form: digits only, mobiles as 11 digits
/// ("13912345678"), landlines with the city's area code ("057187654321"). A caller number from the PBX
/// may come as "+86 139 1234 5678", "0571-87654321" or a local "87654321"; all map to the stored form.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>The area code of the (fictional) city the directory serves.</summary>
    public const string CityAreaCode = "0571";

    /// <summary>The canonical form of a phone-like string, or null when it is not a phone number.</summary>
    public static string? Normalize(string? raw)
    {
        var digits = DigitsOf(raw);
        if (digits is null || digits.Length < 7) return null;
        if (digits.StartsWith("0086")) digits = digits[4..];
        else if (digits.StartsWith("86") && digits.Length == 13 && digits[2] == '1') digits = digits[2..];
        if (digits.Length == 8 && digits[0] is >= '2' and <= '8') digits = CityAreaCode + digits; // a local landline
        return digits;
    }

    /// <summary>
    /// The digits of a string made only of digits and the separators people type in phone and card
    /// numbers (space, dash, dot, parentheses, a leading +); null for anything else.
    /// </summary>
    public static string? DigitsOf(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = new System.Text.StringBuilder(raw.Length);
        foreach (var c in raw.Trim())
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+')) return null;
        }
        return digits.Length == 0 ? null : digits.ToString();
    }
}
