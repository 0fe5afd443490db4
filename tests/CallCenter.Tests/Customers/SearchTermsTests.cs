using CallCenter.Customers;
using CallCenter.Customers.Searching;

namespace CallCenter.Tests.Customers;

public class SearchTermsTests
{
    [Theory]
    [InlineData("13912345678", "13912345678")]
    [InlineData("+86 139-1234-5678", "13912345678")]
    [InlineData("8613912345678", "13912345678")]
    [InlineData("0086 139 1234 5678", "13912345678")]
    [InlineData("0571-87654321", "057187654321")]
    [InlineData("87654321", "057187654321")]      // a local call presents the number without the area code
    [InlineData("(0571) 8765 4321", "057187654321")]
    [InlineData("110", null)]
    [InlineData("东湖花园", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Phone_numbers_are_read_as_the_pbx_or_a_person_writes_them(string? raw, string? canonical) =>
        Assert.Equal(canonical, PhoneNumbers.Normalize(raw));

    [Fact]
    public void Addresses_match_spacing_blind_around_numbers()
    {
        foreach (var typed in new[] { "东湖花园3栋", "东湖花园 3 栋", " 东湖花园3 栋 " })
        {
            var t = SearchTerms.From(typed);
            Assert.Equal("%东湖花园%3%栋%", t.AddressLike);
            Assert.Equal(@"东湖花园\s*3\s*栋", t.AddressRegex);
        }
    }

    [Fact]
    public void Wildcards_in_the_text_are_taken_literally()
    {
        var t = SearchTerms.From("50%_x.*");
        Assert.Equal(@"%50\%\_x.*%", t.Contains);
        Assert.Equal(@"50\s*%_x\.\*", t.AddressRegex);
        Assert.True(t.IgnoreCase);
        Assert.False(SearchTerms.From("张伟").IgnoreCase);
    }

    [Fact]
    public void Digits_give_an_exact_card_or_phone_and_a_fragment_from_four_digits()
    {
        var card = SearchTerms.From("8757 0002 0261 1222");
        Assert.Equal("8757000202611222", card.Digits);
        Assert.Equal("%8757000202611222%", card.DigitFragment);
        Assert.Null(SearchTerms.From("501").DigitFragment);
        Assert.Equal("%5678%", SearchTerms.From("5678").DigitFragment);
        Assert.Null(SearchTerms.From("东湖花园 3 栋").Digits);
    }
}
