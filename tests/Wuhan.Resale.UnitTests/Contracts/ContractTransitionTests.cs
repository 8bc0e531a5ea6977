using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>
/// SPEC §3 for the contract: 待申报 → 已生成合同 → 已撤销 | 已备案, each step taken together with the listing. The two
/// tables below and the repeated registration hold every (status, step) pair once;
/// <see cref="TheTables_HoldEveryStatusAndStepOnce"/> checks that they still do.
/// </summary>
public class ContractTransitionTests
{
    private static readonly DateTimeOffset _later = TestData.Now.AddHours(2);

    public enum ContractStep
    {
        File,
        Revoke,
        Register,
    }

    [Theory]
    [InlineData(ContractStatus.Draft, ContractStep.File, ContractStatus.Filed, ListingStatus.Filed)]
    [InlineData(ContractStatus.Filed, ContractStep.Revoke, ContractStatus.Revoked, ListingStatus.Released)]
    [InlineData(ContractStatus.Filed, ContractStep.Register, ContractStatus.Registered, ListingStatus.Completed)]
    public void Step_MovesTheContractAndItsListingTogether(ContractStatus from, ContractStep step, ContractStatus to, ListingStatus listingTo)
    {
        var (contract, listing) = new ContractBuilder().BuildIn(from);

        Take(step, contract, listing);

        Assert.Equal(to, contract.Status);
        Assert.Equal(_later, contract.UpdatedAt);
        Assert.Equal(listingTo, listing.Status);
        Assert.Equal(_later, listing.UpdatedAt);
        Assert.Equal(listingTo.IsLive() ? TestData.CertificateNumber : null, listing.LiveCertificateNumber);
    }

    [Theory]
    [InlineData(ContractStatus.Filed, ContractStep.File, "合同已生成合同，不能再申报。")]
    [InlineData(ContractStatus.Revoked, ContractStep.File, "合同已撤销，不能再申报。")]
    [InlineData(ContractStatus.Registered, ContractStep.File, "合同已备案，不能再申报。")]
    [InlineData(ContractStatus.Draft, ContractStep.Revoke, "该合同尚未申报网签，无需撤销。")]
    [InlineData(ContractStatus.Revoked, ContractStep.Revoke, "该合同已经撤销，无需重复办理。")]
    [InlineData(ContractStatus.Registered, ContractStep.Revoke, "该合同已备案（已办理转移登记），不能撤销。如需解除交易，请到不动产登记部门咨询。")]
    [InlineData(ContractStatus.Draft, ContractStep.Register, "该合同尚未申报网签，不能备案。")]
    [InlineData(ContractStatus.Revoked, ContractStep.Register, "该合同已撤销，不能备案。")]
    [InlineData(ContractStatus.Discarded, ContractStep.File, "合同已作废，不能再申报。")]
    [InlineData(ContractStatus.Discarded, ContractStep.Revoke, "该合同草稿已作废，无需撤销。")]
    [InlineData(ContractStatus.Discarded, ContractStep.Register, "该合同草稿已作废，不能备案。")]
    public void Step_IsRefusedWithItsMessage_LeavingTheContractAndItsListingAsTheyWere(ContractStatus from, ContractStep step, string message)
    {
        var built = new ContractBuilder().BuildIn(from);
        var before = built.State;

        var ex = Assert.Throws<DomainException>(() => Take(step, built.Contract, built.Listing));

        Assert.Equal(message, ex.Message);
        Assert.Equal(before, built.State);
    }

    [Fact]
    public void Register_ReturnsFalseAndChangesNothing_WhenAlreadyRegistered()
    {
        var built = new ContractBuilder().BuildIn(ContractStatus.Registered);
        var before = built.State;

        var changed = built.Contract.Register(built.Listing, _later);

        Assert.False(changed);
        Assert.Equal(before, built.State);
    }

    [Fact]
    public void TheTables_HoldEveryStatusAndStepOnce()
    {
        var covered = TheoryTable.Rows<ContractTransitionTests>(nameof(Step_MovesTheContractAndItsListingTogether))
            .Concat(TheoryTable.Rows<ContractTransitionTests>(nameof(Step_IsRefusedWithItsMessage_LeavingTheContractAndItsListingAsTheyWere)))
            .Select(row => ((ContractStatus)row[0], (ContractStep)row[1]))
            .Append((ContractStatus.Registered, ContractStep.Register))
            .ToList();

        var every = Enum.GetValues<ContractStatus>().SelectMany(s => Enum.GetValues<ContractStep>().Select(step => (s, step)));
        Assert.Equal(every.Order(), covered.Order());
    }

    [Theory]
    [InlineData(ContractStatus.Draft, "该合同尚未申报网签，无需撤销。", "该合同尚未申报网签，不能备案。")]
    [InlineData(ContractStatus.Filed, null, null)]
    [InlineData(ContractStatus.Revoked, "该合同已经撤销，无需重复办理。", "该合同已撤销，不能备案。")]
    [InlineData(ContractStatus.Registered, "该合同已备案（已办理转移登记），不能撤销。如需解除交易，请到不动产登记部门咨询。", null)]
    [InlineData(ContractStatus.Discarded, "该合同草稿已作废，无需撤销。", "该合同草稿已作废，不能备案。")]
    public void Refusals_SayWhyNot_OrNullWhenTheStepIsOpen(ContractStatus status, string? revocation, string? registration)
    {
        var (contract, _) = new ContractBuilder().BuildIn(status);

        Assert.Equal(revocation, contract.RevocationRefusal);
        Assert.Equal(registration, contract.RegistrationRefusal);
    }

    [Theory]
    [InlineData(ContractStatus.Draft, ContractStep.File)]
    [InlineData(ContractStatus.Filed, ContractStep.Revoke)]
    [InlineData(ContractStatus.Filed, ContractStep.Register)]
    public void Step_IsRefused_WithTheListingOfAnotherContract(ContractStatus status, ContractStep step)
    {
        var built = new ContractBuilder().BuildIn(status);
        var other = new ContractBuilder().BuildIn(status);
        var before = (built.State, other.State);

        Assert.Throws<InvalidOperationException>(() => Take(step, built.Contract, other.Listing));

        Assert.Equal(before, (built.State, other.State));
    }

    [Fact]
    public void FindFilingProblems_IsRefused_WithTheListingOfAnotherContract()
    {
        var (contract, _) = new ContractBuilder().BuildDraft();
        var other = new ContractBuilder().BuildDraft().Listing;

        Assert.Throws<InvalidOperationException>(() => contract.FindFilingProblems(other, ContractBuilder.DefaultParties));
    }

    // What each step records

    [Fact]
    public void File_MintsTheNumberAndAVerificationToken_KeepsWhatWasConfirmed_AndSnapshotsThePartiesInOrder()
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();
        IReadOnlyList<ContractPartyDetails> parties = [ContractBuilder.Seller(), ContractBuilder.CoOwner(), ContractBuilder.BuyerParty()];

        var confirmed = ContractContent.Hash(contract, listing, parties);

        contract.File(listing, ContractNumber.Create(2026, 42), parties, confirmed, _later);

        Assert.Equal("武房2026000042", contract.ContractNumber);
        Assert.Equal(confirmed, contract.FiledContentHash);
        Assert.Matches("^[A-Za-z0-9_-]{32}$", contract.VerificationToken);
        Assert.Equal(_later, contract.FiledAt);
        Assert.Collection(
            contract.Parties,
            p =>
            {
                Assert.Equal((1, PartyRole.Seller, TestData.SellerName), (p.Order, p.Role, p.Name));
                Assert.Equal((TestData.SellerIdNumber, TestData.SellerPhone, "100%"), (p.IdNumber, p.Phone, p.Share));
            },
            p => Assert.Equal((2, PartyRole.Seller, TestData.CoOwnerName, TestData.CoOwnerPhone), (p.Order, p.Role, p.Name, p.Phone)),
            p =>
            {
                Assert.Equal((3, PartyRole.Buyer, ContractBuilder.BuyerName), (p.Order, p.Role, p.Name));
                Assert.Equal((TestData.BuyerIdNumbers[0], ContractBuilder.BuyerPhone, null), (p.IdNumber, p.Phone, p.Share));
            });
    }

    /// <summary>How a signed-in person is matched to a party of a filed contract (to revoke it): both the type and the number.</summary>
    [Theory]
    [InlineData(IdType.ResidentIdCard, TestData.SellerIdNumber, true)]
    [InlineData(IdType.Passport, TestData.SellerIdNumber, false)]
    [InlineData(IdType.ResidentIdCard, TestData.CoOwnerIdNumber, false)]
    public void Party_IsThePersonWithTheSameIdTypeAndNumber(IdType type, string idNumber, bool expected)
    {
        var (contract, _) = new ContractBuilder().BuildIn(ContractStatus.Filed);

        Assert.Equal(expected, contract.Parties[0].Is(type, idNumber));
    }

    [Fact]
    public void File_GivesEveryContractItsOwnVerificationToken()
    {
        var first = new ContractBuilder().BuildIn(ContractStatus.Filed).Contract;
        var second = new ContractBuilder().BuildIn(ContractStatus.Filed).Contract;

        Assert.NotEqual(first.VerificationToken, second.VerificationToken);
    }

    [Fact]
    public void Revoke_RecordsWhoAndWhen()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);

        contract.Revoke(listing, "卖方 张*", _later);

        Assert.Equal(("卖方 张*", _later), (contract.RevokedBy, contract.RevokedAt));
        Assert.Null(contract.RegisteredAt);
        Assert.Equal(ContractBuilder.Number.Value, contract.ContractNumber);
    }

    [Fact]
    public void Register_RecordsWhen_AndReturnsTrue()
    {
        var (contract, listing) = new ContractBuilder().BuildIn(ContractStatus.Filed);

        var changed = contract.Register(listing, _later);

        Assert.True(changed);
        Assert.Equal(_later, contract.RegisteredAt);
        Assert.Null(contract.RevokedAt);
    }

    // UpdateTerms

    [Fact]
    public void UpdateTerms_StoresTermsAndScheduleInOrder_WhenDraft()
    {
        var (contract, _) = new ContractBuilder().BuildDraft();
        var terms = new ContractTerms { Price = 900_000m, Deposit = 50_000m, Copies = 4 };

        contract.UpdateTerms(
            terms,
            [
                new PaymentInstallment(2, TestData.Today.AddMonths(2), 600_000m, "尾款"),
                new PaymentInstallment(1, TestData.Today.AddMonths(1), 300_000m, "首付"),
            ],
            _later);

        Assert.Equal(terms, contract.Terms);
        Assert.Equal([1, 2], contract.Schedule.Select(i => i.Order));
        Assert.Equal([300_000m, 600_000m], contract.Schedule.Select(i => i.Amount));
        Assert.Equal(_later, contract.UpdatedAt);
        Assert.Equal(ContractStatus.Draft, contract.Status);
    }

    [Fact]
    public void UpdateTerms_ReplacesThePreviousSchedule_WhenDraft()
    {
        var (contract, _) = new ContractBuilder().WithSchedule(400_000m, 600_000m).BuildDraft();

        contract.UpdateTerms(contract.Terms, [new PaymentInstallment(1, TestData.Today, 1_000_000m, "一次性")], _later);

        var only = Assert.Single(contract.Schedule);
        Assert.Equal(1_000_000m, only.Amount);
    }

    [Theory]
    [InlineData(ContractStatus.Filed, "合同已生成合同，不能再修改。")]
    [InlineData(ContractStatus.Revoked, "合同已撤销，不能再修改。")]
    [InlineData(ContractStatus.Registered, "合同已备案，不能再修改。")]
    [InlineData(ContractStatus.Discarded, "合同已作废，不能再修改。")]
    public void UpdateTerms_IsRefused_WhenTheContractIsNoLongerADraft(ContractStatus status, string message)
    {
        var (contract, _) = new ContractBuilder().BuildIn(status);
        var termsBefore = contract.Terms;

        var ex = Assert.Throws<DomainException>(() => contract.UpdateTerms(termsBefore with { Price = 1m }, [], _later));

        Assert.Equal(message, ex.Message);
        Assert.Same(termsBefore, contract.Terms);
        Assert.Equal(2, contract.Schedule.Count);
        Assert.Equal(status, contract.Status);
    }

    // Names

    [Theory]
    [InlineData(ContractStatus.Draft, "待申报", "未生效")]
    [InlineData(ContractStatus.Filed, "已生成合同", "有效")]
    [InlineData(ContractStatus.Revoked, "已撤销", "已撤销")]
    [InlineData(ContractStatus.Registered, "已备案", "已备案")]
    [InlineData(ContractStatus.Discarded, "已作废", "未生效")]
    public void Status_HasAChineseNameAndAVerificationText(ContractStatus status, string name, string verification)
    {
        Assert.Equal(name, status.DisplayName());
        Assert.Equal(verification, status.VerificationText());
    }

    private static void Take(ContractStep step, Contract contract, Listing listing)
    {
        switch (step)
        {
            case ContractStep.File:
                var parties = ContractBuilder.DefaultParties;
                contract.File(listing, ContractNumber.Create(2026, 2), parties, ContractContent.Hash(contract, listing, parties), _later);
                break;
            case ContractStep.Revoke:
                contract.Revoke(listing, "卖方 张*", _later);
                break;
            case ContractStep.Register:
                contract.Register(listing, _later);
                break;
        }
    }
}
