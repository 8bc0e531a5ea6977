using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Properties;

/// <summary>
/// The mortgagee bank is kept from the registry's answer only while the home is mortgaged: a bank named on a home whose
/// mortgage is no longer recorded is not a mortgagee who could be asked for 带押过户 consent.
/// </summary>
public class PropertyRecordMortgageeTests
{
    [Fact]
    public void AMortgagedHome_KeepsItsMortgagee()
    {
        var record = Home(mortgaged: true);

        Assert.Equal((true, "DEMO-CTB", "楚天银行（演示）"), (record.IsMortgaged, record.MortgageeCode, record.MortgageeName));
    }

    [Fact]
    public void AHomeNoLongerMortgaged_KeepsNoMortgagee()
    {
        var record = Home(mortgaged: false);

        Assert.Equal((false, (string?)null, (string?)null), (record.IsMortgaged, record.MortgageeCode, record.MortgageeName));
    }

    private static PropertyRecord Home(bool mortgaged) => new PropertyFactsBuilder()
        .WithEncumbrances(Encumbrances.None with { Mortgaged = mortgaged })
        .With(f => f with { MortgageeCode = "DEMO-CTB", MortgageeName = "楚天银行（演示）" })
        .BuildRecord();
}
