using System.Text.RegularExpressions;
using CallCenter.Customers;
using CallCenter.Customers.Seeding;

namespace CallCenter.Tests.Customers;

/// <summary>The seeded customers look like an operator's: plausible numbers, shared phones, arrears, suspensions.</summary>
public class CustomerGeneratorTests
{
    static readonly List<CustomerRow> Customers = CustomerGenerator.Generate(CustomerSeed.DefaultCount);

    [Fact]
    public void The_same_seed_gives_the_same_customers_and_another_seed_others()
    {
        static string Line(CustomerRow c) =>
            string.Join("|", c.Id, c.Name, c.Address, c.Area, c.ServiceType, c.Level, c.SmartCard, c.Arrears, string.Join(",", c.Products), c.Status, string.Join(",", c.Phones), c.CreatedOn);
        var again = CustomerGenerator.Generate(CustomerSeed.DefaultCount);
        Assert.Equal(Customers.Select(Line), again.Select(Line));
        Assert.NotEqual(Customers.Select(Line).Take(10), CustomerGenerator.Generate(10, seed: 7).Select(Line));
    }

    [Fact]
    public void Ids_and_smart_cards_are_unique_and_well_formed()
    {
        Assert.Equal(CustomerSeed.DefaultCount, Customers.Select(c => c.Id).Distinct().Count());
        Assert.All(Customers, c => Assert.Matches(@"^C\d{6}$", c.Id));
        var cards = Customers.Where(c => c.SmartCard is not null).Select(c => c.SmartCard!).ToList();
        Assert.Equal(cards.Count, cards.Distinct().Count());
        Assert.All(cards, card => Assert.True(Regex.IsMatch(card, @"^8757\d{12}$") && LuhnValid(card), card));
        Assert.All(Customers, c => Assert.Equal(c.ServiceType == ServiceTypes.Broadband, c.SmartCard is null));
    }

    [Fact]
    public void Codes_are_known_and_names_and_addresses_are_chinese()
    {
        Assert.All(Customers, c =>
        {
            Assert.NotNull(BusinessAreas.Find(c.Area));
            Assert.Contains(c.ServiceType, ServiceTypes.All);
            Assert.Contains(c.Level, CustomerLevels.All);
            Assert.Contains(c.Status, CustomerStatuses.All);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,4}$", c.Name);
            Assert.StartsWith(BusinessAreas.Find(c.Area)!.District, c.Address);
            Assert.Equal(c.Status == CustomerStatuses.Cancelled, c.Products.Length == 0);
        });
        Assert.Equal(BusinessAreas.All.Count, Customers.Select(c => c.Area).Distinct().Count());
        Assert.True(Customers.Select(c => c.Name).Distinct().Count() > 3_000, "names vary");
    }

    [Fact]
    public void Phones_are_mobiles_or_city_landlines_and_about_8_percent_are_shared_by_2_to_6()
    {
        Assert.All(Customers, c =>
        {
            Assert.NotEmpty(c.Phones);
            Assert.All(c.Phones, p => Assert.Matches(@"^(1[3-9]\d{9}|0571[2568]\d{7})$", p));
        });
        var owners = Customers.SelectMany(c => c.Phones).GroupBy(p => p).Select(g => g.Count()).ToList();
        var shared = owners.Count(n => n > 1);
        Assert.InRange(owners.Max(), 2, 6);
        Assert.InRange(shared / (double)owners.Count, 0.06, 0.10);
    }

    [Fact]
    public void About_10_percent_owe_and_3_percent_are_suspended_for_it()
    {
        double Share(Func<CustomerRow, bool> p) => Customers.Count(p) / (double)Customers.Count;
        Assert.InRange(Share(c => c.Arrears > 0), 0.08, 0.12);
        Assert.InRange(Share(c => c.Status == CustomerStatuses.SuspendedArrears), 0.02, 0.04);
        Assert.All(Customers.Where(c => c.Status == CustomerStatuses.SuspendedArrears), c => Assert.True(c.Arrears > 0));
        Assert.All(Customers.Where(c => c.ServiceType != ServiceTypes.CableTv && c.Products.Length > 0), c => Assert.Contains(c.Products, p => p.EndsWith("宽带")));
    }

    static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
