using Wuhan.Resale.Domain.Partners;

namespace Wuhan.Resale.UnitTests.Partners;

public class PartnerTests
{
    [Theory]
    [InlineData(PartnerDepartment.Registration, true)]
    [InlineData(PartnerDepartment.Tax, false)]
    [InlineData(PartnerDepartment.HousingFund, false)]
    public void MayRecordRegistration_OnlyTheRegistrationDepartment(PartnerDepartment department, bool may)
    {
        var partner = new Partner(Guid.NewGuid(), "合作部门", department, "key-hash");

        Assert.Equal(may, partner.MayRecordRegistration);
        Assert.True(partner.Active);
    }
}
