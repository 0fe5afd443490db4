namespace CallCenter.Customers.Seeding;

/// <summary>Hands out new, never repeated phone numbers in canonical form (see <see cref="PhoneNumbers"/>).</summary>
public sealed class PhoneBook(SeedRandom r)
{
    static readonly string[] MobilePrefixes =
    [
        "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159", "165", "166", "172",
        "178", "182", "183", "187", "188", "198", "130", "131", "132", "155", "156", "175", "176", "185", "186", "196",
        "133", "149", "153", "173", "177", "180", "181", "189", "191", "199",
    ];

    readonly HashSet<string> issued = [];

    /// <summary>A mobile number, 1[3-9]x plus 8 digits.</summary>
    public string Mobile() => Unique(() => r.Pick(MobilePrefixes) + Digits(8));

    /// <summary>A landline of the city, area code plus 8 digits (the first 2, 5, 6 or 8).</summary>
    public string Landline() => Unique(() => PhoneNumbers.CityAreaCode + "2568"[r.Next(4)] + Digits(7));

    string Digits(int n) => r.Next(int.MaxValue).ToString().PadLeft(10, '0')[^n..];

    string Unique(Func<string> draw)
    {
        while (true)
        {
            var number = draw();
            if (issued.Add(number)) return number;
        }
    }
}
