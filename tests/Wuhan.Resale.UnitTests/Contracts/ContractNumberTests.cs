using Wuhan.Resale.Domain.Contracts;

namespace Wuhan.Resale.UnitTests.Contracts;

public class ContractNumberTests
{
    [Theory]
    [InlineData(2026, 1, "武房2026000001")]
    [InlineData(2026, 42, "武房2026000042")]
    [InlineData(2027, 999_999, "武房2027999999")]
    [InlineData(2026, 1_234_567, "武房20261234567")]
    public void Create_WritesThePrefixTheYearAndAtLeastSixDigits(int year, long sequence, string expected)
    {
        var number = ContractNumber.Create(year, sequence);

        Assert.Equal(expected, number.Value);
        Assert.Equal(expected, number.ToString());
        Assert.Equal((year, sequence), (number.Year, number.Sequence));
    }

    [Theory]
    [InlineData(1999, 1)]
    [InlineData(10_000, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, -1)]
    [InlineData(2026, 100_000_000_000_000)]
    public void Create_RefusesAYearOrSequenceOutOfRange(int year, long sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContractNumber.Create(year, sequence));
    }

    [Fact]
    public void Create_AcceptsTheLargestSequence_WhichStillParses()
    {
        var number = ContractNumber.Create(9999, 99_999_999_999_999);

        Assert.Equal(ContractNumber.MaxLength, number.Value.Length);
        Assert.Equal(number, ContractNumber.Parse(number.Value));
    }

    [Fact]
    public void SequenceName_IsOneCounterPerYear()
    {
        Assert.Equal("contract-2026", ContractNumber.SequenceName(2026));
        Assert.NotEqual(ContractNumber.SequenceName(2026), ContractNumber.SequenceName(2027));
    }

    [Theory]
    [InlineData("武房2026000042")]
    [InlineData("  武房2026000042 ")]
    [InlineData("武房 2026 000042")]
    [InlineData("武房\u30002026\u3000000042")]
    [InlineData("武房２０２６００００４２")]
    public void TryParse_ReadsWhatAPersonTypes(string text)
    {
        Assert.True(ContractNumber.TryParse(text, out var number));

        Assert.Equal(ContractNumber.Create(2026, 42), number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("WF2026000042")]
    [InlineData("武汉2026000042")]
    [InlineData("2026000042")]
    [InlineData("武房202600004")]
    [InlineData("武房2026")]
    [InlineData("武房")]
    [InlineData("武房2026-000042")]
    [InlineData("武房2026O00042")]
    [InlineData("武房1999000042")]
    [InlineData("武房2026000000")]
    [InlineData("武房2026000000000000042")]
    [InlineData("武房2026000042武房2026000042武房2026000042")]
    public void TryParse_RefusesWhatIsNotAContractNumber(string? text)
    {
        Assert.False(ContractNumber.TryParse(text, out var number));

        Assert.Equal(default, number);
        Assert.Throws<FormatException>(() => ContractNumber.Parse(text!));
    }

    [Theory]
    [InlineData(2000, 1)]
    [InlineData(2026, 1)]
    [InlineData(2031, 123_456)]
    [InlineData(2026, 12_345_678)]
    public void Parse_ReadsBackWhatCreateWrote(int year, long sequence)
    {
        var number = ContractNumber.Create(year, sequence);

        Assert.Equal(number, ContractNumber.Parse(number.ToString()));
    }

    [Fact]
    public void Default_PrintsAsEmpty()
    {
        Assert.Equal(string.Empty, default(ContractNumber).ToString());
    }
}
