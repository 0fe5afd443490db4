namespace CallCenter.Customers.Seeding;

/// <summary>
/// 16-digit smart-card numbers: the operator prefix 8757, 11 digits that are a bijection of the
/// customer's index (so no two customers share a card), and a Luhn check digit.
/// </summary>
public static class SmartCards
{
    const ulong Space = 100_000_000_000UL;          // 10^11
    const ulong Multiplier = 7_919_370_011UL;        // coprime with 10, so i ↦ i·m + o is a bijection mod 10^11

    public static string Number(int index, ulong seed)
    {
        var body = ((ulong)index * Multiplier + seed % Space) % Space;
        var digits = "8757" + body.ToString("00000000000");
        return digits + LuhnDigit(digits);
    }

    static int LuhnDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
