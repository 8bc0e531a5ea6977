using System.Globalization;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Testing;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>
/// The fingerprint the filing codes are bound to, for what came with the sectioned contract: each 卖方填报 fact of
/// 第一条, and for 带押过户 the mortgagee bank and the loan it stated. One contract is changed in place, so only the
/// changed fact can move the hash (two contracts always differ by their ids).
/// </summary>
public class ContractContentSuppliedAndMortgageTests
{
    private const string BankCode = "DEMO-CTB";

    private static readonly SuppliedHomeFacts Supplied = new()
    {
        Structure = "混合", RoomType = "两室一厅", LandArea = 9.5m, CertificateIssuedOn = new DateOnly(2003, 5, 1), Floor = 3, TotalFloors = 7,
    };

    [Theory]
    [InlineData(nameof(SuppliedHomeFacts.Structure))]
    [InlineData(nameof(SuppliedHomeFacts.RoomType))]
    [InlineData(nameof(SuppliedHomeFacts.LandArea))]
    [InlineData(nameof(SuppliedHomeFacts.CertificateIssuedOn))]
    [InlineData(nameof(SuppliedHomeFacts.Floor))]
    [InlineData(nameof(SuppliedHomeFacts.TotalFloors))]
    public void Hash_Changes_WhenTheSellerChangesOneSuppliedFact(string fact)
    {
        var (contract, listing) = new ContractBuilder().WithTerms(t => t with { Supplied = Supplied }).BuildDraft();
        var before = ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties);

        contract.UpdateTerms(contract.Terms with
        {
            Supplied = fact switch
            {
                nameof(SuppliedHomeFacts.Structure) => Supplied with { Structure = "砖混" },
                nameof(SuppliedHomeFacts.RoomType) => Supplied with { RoomType = "三室一厅" },
                nameof(SuppliedHomeFacts.LandArea) => Supplied with { LandArea = 9.51m },
                nameof(SuppliedHomeFacts.CertificateIssuedOn) => Supplied with { CertificateIssuedOn = new DateOnly(2003, 5, 2) },
                nameof(SuppliedHomeFacts.Floor) => Supplied with { Floor = 4 },
                nameof(SuppliedHomeFacts.TotalFloors) => Supplied with { TotalFloors = 8 },
                _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, "No such fact."),
            },
        }, [.. contract.Schedule], TestData.Now);

        Assert.NotEqual(before, ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties));
    }

    [Fact]
    public void Hash_Changes_WhenTheSellerClearsTheSuppliedFacts()
    {
        var (contract, listing) = new ContractBuilder().WithTerms(t => t with { Supplied = Supplied }).BuildDraft();
        var before = ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties);

        contract.UpdateTerms(contract.Terms with { Supplied = SuppliedHomeFacts.None }, [.. contract.Schedule], TestData.Now);

        Assert.NotEqual(before, ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties));
    }

    /// <summary>
    /// A code confirmed on a server in one culture files on a server in another: the supplied area (9.5, "9,5" in
    /// German) and date enter the fingerprint in one invariant form, never through the current culture.
    /// </summary>
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    public void Hash_OfSuppliedFacts_DoesNotDependOnTheCulture(string culture)
    {
        var (contract, listing) = new ContractBuilder().WithTerms(t => t with { Supplied = Supplied }).BuildDraft();
        var before = CultureInfo.CurrentCulture;
        string invariant;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal(invariant, ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    /// <summary>带押过户: the bank named in the contract is part of what the parties confirm.</summary>
    [Fact]
    public void Hash_Changes_WhenTheMortgageeBankIsAnother()
    {
        var first = MortgageListing("楚天银行（演示）");
        var (contract, _) = new ContractBuilder().BuildDraft();

        var hash = ContractContent.Hash(contract, first, ContractBuilder.DefaultParties);

        Assert.Equal(hash, ContractContent.Hash(contract, MortgageListing("楚天银行（演示）"), ContractBuilder.DefaultParties));
        Assert.NotEqual(hash, ContractContent.Hash(contract, MortgageListing("江城银行（演示）"), ContractBuilder.DefaultParties));
    }

    /// <summary>The same home sold with its mortgage: the bank and the loan it stated are added to what is confirmed.</summary>
    [Fact]
    public void Hash_Changes_WhenTheSameHomeIsSoldWithItsMortgage()
    {
        var (contract, _) = new ContractBuilder().BuildDraft();
        var plain = Verify(new PropertyFactsBuilder().InDistrict(TestData.JianganDistrict), withMortgage: false);

        Assert.NotEqual(
            ContractContent.Hash(contract, plain, ContractBuilder.DefaultParties),
            ContractContent.Hash(contract, MortgageListing("楚天银行（演示）"), ContractBuilder.DefaultParties));
    }

    private static Listing MortgageListing(string bankName)
    {
        var listing = Verify(new PropertyFactsBuilder().InDistrict(TestData.JianganDistrict)
            .WithEncumbrances(Encumbrances.None with { Mortgaged = true })
            .With(f => f with { MortgageeCode = BankCode, MortgageeName = bankName }), withMortgage: true);
        listing.RecordMortgageConsent(BankCode, true, 600_000m, null, TestData.Now);
        return listing;
    }

    private static Listing Verify(PropertyFactsBuilder home, bool withMortgage)
    {
        var seller = new PersonBuilder().Build();
        var record = home.BuildRecord();
        return Listing.Verify(Guid.NewGuid(), ListingBuilder.Code, seller, record,
            new NoticeConsent(Guid.NewGuid(), seller.Id, record.QueryId, UserNotice.Version, TestData.Now, "127.0.0.1"),
            false, PolicyBuilder.Default(), TestData.Now, withMortgage);
    }
}
