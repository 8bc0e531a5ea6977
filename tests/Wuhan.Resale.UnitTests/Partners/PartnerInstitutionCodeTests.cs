using Wuhan.Resale.Domain.Partners;

namespace Wuhan.Resale.UnitTests.Partners;

/// <summary>
/// A bank partner's institution code is compared with the mortgagee code the registry gives, so it is kept without
/// the spaces it was typed with; a partner entered without one (a department that is not a bank) has none.
/// </summary>
public class PartnerInstitutionCodeTests
{
    [Fact]
    public void TheCode_IsKeptWithoutSurroundingSpaces()
    {
        var bank = new Partner(Guid.NewGuid(), "楚天银行（演示）", PartnerDepartment.Bank, "key-hash", "  DEMO-CTB ");

        Assert.Equal("DEMO-CTB", bank.InstitutionCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankCode_IsNoCode(string? code)
    {
        var partner = new Partner(Guid.NewGuid(), "税务（演示）", PartnerDepartment.Tax, "key-hash", code);

        Assert.Null(partner.InstitutionCode);
    }

    [Fact]
    public void ACodeGivenLater_IsAlsoTrimmed()
    {
        var bank = new Partner(Guid.NewGuid(), "楚天银行（演示）", PartnerDepartment.Bank, "key-hash");

        bank.AssignInstitutionCode(" DEMO-CTB ");

        Assert.Equal("DEMO-CTB", bank.InstitutionCode);
    }
}
