using System.Globalization;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>
/// The fingerprint filing codes are bound to (<see cref="ContractContent"/>): the same for the same contract however it
/// is read, different as soon as anything a party agreed to changes.
/// </summary>
public class ContractContentTests
{
    [Fact]
    public void Hash_IsSixtyFourLowercaseHexDigits_AndTheSameEveryTime()
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();

        var hash = ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ContractContent.Hash(contract, listing, [.. ContractBuilder.DefaultParties]));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("zh-CN")]
    public void Hash_DoesNotDependOnTheCulture(string culture)
    {
        var (contract, listing) = new ContractBuilder().WithTerms(t => t with { LatePaymentDailyRate = 2.5m }).BuildDraft();
        var invariant = ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties);
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal(invariant, ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    /// <summary>Saving the form again writes 1280000.00 where 1280000 was: the same amount, so the codes stay good.</summary>
    [Fact]
    public void Hash_IsTheSame_ForTheSameAmountsWrittenWithMoreDecimals()
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();
        var before = ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties);

        contract.UpdateTerms(
            contract.Terms with { Price = 1_280_000.00m, Deposit = 100_000.000m },
            [.. contract.Schedule.Select(i => new PaymentInstallment(i.Order, i.DueOn, i.Amount * 1.00m, i.Description))],
            TestData.Now);

        Assert.Equal(before, ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties));
    }

    [Theory]
    [InlineData("price")]
    [InlineData("other-terms")]
    [InlineData("dispute-resolution")]
    [InlineData("no-delivery-conditions")]
    [InlineData("installment-amount")]
    [InlineData("installment-date")]
    [InlineData("installment-description")]
    [InlineData("one-installment-fewer")]
    [InlineData("buyer-phone")]
    [InlineData("seller-share")]
    [InlineData("parties-in-another-order")]
    [InlineData("another-buyer")]
    [InlineData("district")]
    [InlineData("buyer-name")]
    [InlineData("buyer-id-number")]
    [InlineData("buyer-id-type")]
    [InlineData("buyer-named-as-seller")]
    [InlineData("installments-renumbered")]
    public void Hash_Changes_WhenAnythingAPartyAgreedToChanges(string change)
    {
        var (contract, listing) = new ContractBuilder(new ListingBuilder().WithRetiredRegistryDistrict()).BuildDraft();
        IReadOnlyList<ContractPartyDetails> parties = ContractBuilder.DefaultParties;
        var before = ContractContent.Hash(contract, listing, parties);
        var terms = contract.Terms;
        var schedule = contract.Schedule.ToList();

        switch (change)
        {
            case "price": contract.UpdateTerms(terms with { Price = 1_280_000.01m }, schedule, TestData.Now); break;
            case "other-terms": contract.UpdateTerms(terms with { OtherTerms = "无。" }, schedule, TestData.Now); break;
            case "dispute-resolution": contract.UpdateTerms(terms with { DisputeResolution = DisputeResolution.Arbitration }, schedule, TestData.Now); break;
            case "no-delivery-conditions": contract.UpdateTerms(terms with { DeliveryConditions = null }, schedule, TestData.Now); break;
            case "installment-amount": contract.UpdateTerms(terms, [schedule[0], Installment(schedule[1], amount: 900_000.01m)], TestData.Now); break;
            case "installment-date": contract.UpdateTerms(terms, [schedule[0], Installment(schedule[1], dueOn: schedule[1].DueOn.AddDays(1))], TestData.Now); break;
            case "installment-description": contract.UpdateTerms(terms, [schedule[0], Installment(schedule[1], description: "银行贷款")], TestData.Now); break;
            case "one-installment-fewer": contract.UpdateTerms(terms, [schedule[0]], TestData.Now); break;
            case "buyer-phone": parties = [ContractBuilder.Seller(), ContractBuilder.BuyerParty(phone: "14000000199")]; break;
            case "seller-share": parties = [ContractBuilder.Seller() with { Share = "50%" }, ContractBuilder.BuyerParty()]; break;
            case "parties-in-another-order": parties = [ContractBuilder.BuyerParty(), ContractBuilder.Seller()]; break;
            case "another-buyer": parties = [ContractBuilder.Seller(), ContractBuilder.BuyerParty("赵六", buyerIndex: 1)]; break;
            case "buyer-name": parties = [ContractBuilder.Seller(), ContractBuilder.BuyerParty("王六")]; break;
            case "buyer-id-number": parties = [ContractBuilder.Seller(), ContractBuilder.BuyerParty() with { IdNumber = TestData.BuyerIdNumbers[1] }]; break;
            case "buyer-id-type": parties = [ContractBuilder.Seller(), ContractBuilder.BuyerParty() with { IdType = Domain.ValueObjects.IdType.Passport }]; break;
            case "buyer-named-as-seller": parties = [ContractBuilder.Seller(), ContractBuilder.BuyerParty() with { Role = PartyRole.Seller }]; break;
            case "installments-renumbered": contract.UpdateTerms(terms, [.. schedule.Select(i => new PaymentInstallment(i.Order + 1, i.DueOn, i.Amount, i.Description))], TestData.Now); break;
            case "district": listing.ChangeDistrict(TestData.WuchangDistrict, TestData.CityDistricts, PolicyBuilder.Default(), TestData.Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, "No such change.");
        }

        Assert.NotEqual(before, ContractContent.Hash(contract, listing, parties));
    }

    /// <summary>第一条 as the registry records it is part of what is agreed: each fact of the home, alone, changes the hash.</summary>
    [Theory]
    [InlineData(nameof(PropertyFacts.CertificateNumber))]
    [InlineData(nameof(PropertyFacts.LandCertificateNumber))]
    [InlineData(nameof(PropertyFacts.Location))]
    [InlineData(nameof(PropertyFacts.Structure))]
    [InlineData(nameof(PropertyFacts.BuildingArea))]
    [InlineData(nameof(PropertyFacts.LandArea))]
    [InlineData(nameof(PropertyFacts.CertificateIssuedOn))]
    [InlineData(nameof(PropertyFacts.Floor))]
    [InlineData(nameof(PropertyFacts.TotalFloors))]
    [InlineData(nameof(PropertyFacts.DesignPurpose))]
    [InlineData(nameof(PropertyFacts.RoomType))]
    public void Hash_Changes_WhenOneFactOfTheHomeChanges(string fact)
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();
        var sameHome = new ListingBuilder().Build();
        var otherHome = new ListingBuilder().WithHome(new PropertyFactsBuilder().With(f => fact switch
        {
            nameof(PropertyFacts.CertificateNumber) => f with { CertificateNumber = f.CertificateNumber + "补" },
            nameof(PropertyFacts.LandCertificateNumber) => f with { LandCertificateNumber = "武国用（2010）第123号" },
            nameof(PropertyFacts.Location) => f with { Location = f.Location.Replace("101室", "102室", StringComparison.Ordinal) },
            nameof(PropertyFacts.Structure) => f with { Structure = "砖混结构" },
            nameof(PropertyFacts.BuildingArea) => f with { BuildingArea = f.BuildingArea + 0.01m },
            nameof(PropertyFacts.LandArea) => f with { LandArea = 12.3m },
            nameof(PropertyFacts.CertificateIssuedOn) => f with { CertificateIssuedOn = new DateOnly(2019, 5, 6) },
            nameof(PropertyFacts.Floor) => f with { Floor = 7 },
            nameof(PropertyFacts.TotalFloors) => f with { TotalFloors = 33 },
            nameof(PropertyFacts.DesignPurpose) => f with { DesignPurpose = "成套住宅" },
            nameof(PropertyFacts.RoomType) => f with { RoomType = "三室两厅" },
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, "No such fact."),
        })).Build();

        var before = ContractContent.Hash(contract, sameHome, ContractBuilder.DefaultParties);

        Assert.Equal(ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties), before);
        Assert.NotEqual(before, ContractContent.Hash(contract, otherHome, ContractBuilder.DefaultParties));
    }

    [Fact]
    public void Hash_NeedsTheContract_TheListing_AndTheParties()
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();

        Assert.Throws<ArgumentNullException>("contract", () => ContractContent.Hash(null!, listing, ContractBuilder.DefaultParties));
        Assert.Throws<ArgumentNullException>("listing", () => ContractContent.Hash(contract, null!, ContractBuilder.DefaultParties));
        Assert.Throws<ArgumentNullException>("parties", () => ContractContent.Hash(contract, listing, null!));
    }

    [Fact]
    public void Hash_IsDifferent_ForTwoContractsWithTheSameContent()
    {
        var first = new ContractBuilder().BuildDraft();
        var second = new ContractBuilder().BuildDraft();

        Assert.NotEqual(
            ContractContent.Hash(first.Contract, first.Listing, ContractBuilder.DefaultParties),
            ContractContent.Hash(second.Contract, second.Listing, ContractBuilder.DefaultParties));
    }

    /// <summary>
    /// Values are length-prefixed, so text that looks like the next line cannot make two contracts alike: written out
    /// plainly, both of these would read "BuyerAgentIdNumber=E1, BuyerAgentName=王, BuyerAgentName=五".
    /// </summary>
    [Fact]
    public void Hash_TellsApart_TextMovedFromOneValueIntoTheNext()
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();
        var schedule = contract.Schedule.ToList();
        contract.UpdateTerms(contract.Terms with { BuyerAgentIdNumber = "E1\nBuyerAgentName=王", BuyerAgentName = "五" }, schedule, TestData.Now);
        var first = ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties);

        contract.UpdateTerms(contract.Terms with { BuyerAgentIdNumber = "E1", BuyerAgentName = "王\nBuyerAgentName=五" }, schedule, TestData.Now);

        Assert.NotEqual(first, ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties));
    }

    private static PaymentInstallment Installment(PaymentInstallment from, decimal? amount = null, DateOnly? dueOn = null, string? description = null) =>
        new(from.Order, dueOn ?? from.DueOn, amount ?? from.Amount, description ?? from.Description);
}
