using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Listings;

public class ListingCodeTests
{
    [Fact]
    public void New_IsTheShanghaiDateOfVerificationAndSixDigits()
    {
        var code = ListingCode.New(TestData.Now);

        Assert.Matches("^FY20261126[0-9]{6}$", code.Value);
        Assert.Equal(ListingCode.Length, code.Value.Length);
        Assert.Equal(code, ListingCode.Parse(code.Value));
    }

    [Fact]
    public void New_TakesTheDateInShanghai_NotInUtc()
    {
        // 2026-11-26T16:30Z is already 00:30 on the 27th in Shanghai.
        var code = ListingCode.New(new DateTimeOffset(2026, 11, 26, 16, 30, 0, TimeSpan.Zero));

        Assert.StartsWith("FY20261127", code.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "FY20261126000000")]
    [InlineData(42, "FY20261126000042")]
    [InlineData(999_999, "FY20261126999999")]
    public void Create_WritesThePrefixTheDateAndSixDigits(int serial, string expected)
    {
        var code = ListingCode.Create(TestData.Today, serial);

        Assert.Equal(expected, code.Value);
        Assert.Equal(expected, code.ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Create_RefusesASerialOutsideSixDigits(int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ListingCode.Create(TestData.Today, serial));
    }

    [Theory]
    [InlineData("FY20261126000042")]
    [InlineData("fy20261126000042")]
    [InlineData(" FY 2026 1126 000042 ")]
    [InlineData("ＦＹ２０２６１１２６００００４２")]
    [InlineData("FY\u300020261126000042")]
    public void TryParse_ReadsWhatAPersonTypes(string text)
    {
        Assert.True(ListingCode.TryParse(text, out var code));

        Assert.Equal(ListingCode.Create(TestData.Today, 42), code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("FX20261126000042")]
    [InlineData("20261126000042")]
    [InlineData("FY2026112600004")]
    [InlineData("FY202611260000421")]
    [InlineData("FY2026112600004X")]
    [InlineData("FY20261326000042")]
    [InlineData("FY20260230000042")]
    [InlineData("FY20261100000042")]
    [InlineData("FY-0261126000042")]
    [InlineData("FY20261126000042FY20261126000042F")]
    public void TryParse_RefusesWhatIsNotAListingCode(string? text)
    {
        Assert.False(ListingCode.TryParse(text, out var code));

        Assert.Equal(default, code);
        Assert.Throws<FormatException>(() => ListingCode.Parse(text!));
    }

    [Fact]
    public void Parse_ReadsBackWhatCreateWrote_OnALeapDay()
    {
        var code = ListingCode.Create(new DateOnly(2028, 2, 29), 7);

        Assert.Equal(code, ListingCode.Parse(code.ToString()));
    }

    [Fact]
    public void Default_PrintsAsEmpty()
    {
        Assert.Equal(string.Empty, default(ListingCode).ToString());
    }
}
