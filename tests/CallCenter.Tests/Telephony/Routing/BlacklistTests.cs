using CallCenter.Telephony.Routing;

namespace CallCenter.Tests.Telephony.Routing;

/// <summary>R-ACD-4: exact numbers, prefixes and ranges.</summary>
public class BlacklistTests
{
    static readonly string[] Patterns = ["13800138000", "0755*", "01088880000-01088889999"];

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("075512345678")]
    [InlineData("0755-8888-1234")]
    [InlineData("01088880000")]
    [InlineData("01088885555")]
    [InlineData("010-8888-9999")]
    public void Matching_numbers_are_blocked(string number) => Assert.True(Blacklist.Matches(Patterns, number));

    [Theory]
    [InlineData("13800138001")]
    [InlineData("075612345678")]
    [InlineData("01088879999")]
    [InlineData("01088890000")]
    [InlineData("0108888000")]      // shorter than the range's ends
    [InlineData("not a number")]
    public void Other_numbers_are_not_blocked(string number) => Assert.False(Blacklist.Matches(Patterns, number));

    [Fact]
    public void An_exact_local_landline_matches_with_or_without_the_area_code()
    {
        Blacklist.Parse("87654321", out var canonical, out _);
        Assert.Equal("057187654321", canonical);
        Assert.True(Blacklist.Matches([canonical], "0571-87654321"));
        Assert.True(Blacklist.Matches([canonical], "87654321"));
    }

    [Theory]
    [InlineData("0755*", true)]
    [InlineData("13800138000", true)]
    [InlineData("01088880000-01088889999", true)]
    [InlineData("", false)]
    [InlineData("*", false)]
    [InlineData("07a5*", false)]
    [InlineData("0108888-01088889999", false)]       // different lengths
    [InlineData("01088889999-01088880000", false)]   // low above high
    [InlineData("12", false)]
    [InlineData("abc", false)]
    public void Pattern_syntax(string pattern, bool valid)
    {
        Assert.Equal(valid, Blacklist.Parse(pattern, out _, out var error) is not null);
        Assert.Equal(valid, error is null);
    }
}
