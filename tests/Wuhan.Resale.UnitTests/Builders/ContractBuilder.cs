using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Testing;

namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>A contract and its listing: the two aggregates that file, revoke and register together.</summary>
public sealed record ContractCase(Contract Contract, Listing Listing)
{
    /// <summary>Everything a refused operation must leave as it was, on both aggregates.</summary>
    public (ContractState Contract, ListingState Listing) State => (ContractState.Of(Contract), ListingState.Of(Listing));
}

/// <summary>What an operation on a contract may change, comparable with <c>Assert.Equal</c>.</summary>
public sealed record ContractState(
    ContractStatus Status,
    string? ContractNumber,
    string? VerificationToken,
    int PartyCount,
    DateTimeOffset? FiledAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset? TransferAppliedAt,
    string? CounterClerkName,
    DateTimeOffset UpdatedAt)
{
    public static ContractState Of(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new(contract.Status, contract.ContractNumber, contract.VerificationToken, contract.Parties.Count, contract.FiledAt,
            contract.RevokedAt, contract.RevokedBy, contract.RegisteredAt, contract.TransferAppliedAt, contract.CounterClerkName, contract.UpdatedAt);
    }
}

/// <summary>
/// Builds a contract the way production does: a verified listing whose buyer (王五) is confirmed, which opens the
/// draft; the complete terms of <see cref="ContractSamples"/>; then filed (every party having confirmed the contract as
/// it stands), revoked or registered with the listing; or discarded by withdrawing the listing before filing.
/// Every step happens at <see cref="TestData.Now"/>.
/// </summary>
public sealed class ContractBuilder(ListingBuilder listing)
{
    public const string BuyerName = "王五";
    public const string BuyerPhone = "14000000100";
    public const string RevokedBy = "买方 王*";
    public const string WithdrawalReason = "不再出售该房屋";

    private ContractTerms _terms = ContractSamples.CompleteTerms();
    private IReadOnlyList<PaymentInstallment> _schedule = ContractSamples.CompleteSchedule();

    public ContractBuilder() : this(new ListingBuilder()) { }

    public static ContractNumber Number { get; } = ContractNumber.Create(2026, 1);

    /// <summary>The seller who verified the listing and the buyer confirmed on it.</summary>
    public static IReadOnlyList<ContractPartyDetails> DefaultParties { get; } = [Seller(), BuyerParty()];

    public static ContractPartyDetails Seller(string name = TestData.SellerName, string idNumber = TestData.SellerIdNumber, string? phone = TestData.SellerPhone) =>
        new(PartyRole.Seller, name, IdType.ResidentIdCard, TestData.ResidentId(idNumber).Value, phone, "100%");

    public static ContractPartyDetails CoOwner(string? phone = TestData.CoOwnerPhone) =>
        Seller(TestData.CoOwnerName, TestData.CoOwnerIdNumber, phone);

    public static ContractPartyDetails BuyerParty(string name = BuyerName, int buyerIndex = 0, string? phone = BuyerPhone) =>
        new(PartyRole.Buyer, name, IdType.ResidentIdCard, TestData.ResidentId(TestData.BuyerIdNumbers[buyerIndex]).Value, phone, null);

    /// <summary>Changes the complete sample terms, e.g. <c>t => t with { Deposit = 300_000m }</c>.</summary>
    public ContractBuilder WithTerms(Func<ContractTerms, ContractTerms> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _terms = change(_terms);
        return this;
    }

    /// <summary>One installment per amount, ordered 1..n, a month apart.</summary>
    public ContractBuilder WithSchedule(params decimal[] amounts)
    {
        _schedule = [.. amounts.Select((amount, i) => new PaymentInstallment(i + 1, TestData.Today.AddMonths(i + 1), amount, $"第{i + 1}期"))];
        return this;
    }

    public ContractCase BuildDraft()
    {
        var home = listing.BuildIn(ListingStatus.Verified);
        var draft = home.ConfirmBuyers(
            [BuyerDetailsBuilder.Buyer(BuyerName, TestData.BuyerIdNumbers[0], BuyerPhone)], null, home.SellerPersonId, TestData.Now);
        draft.UpdateTerms(_terms, _schedule, TestData.Now);
        return new ContractCase(draft, home);
    }

    public ContractCase BuildIn(ContractStatus status)
    {
        var built = BuildDraft();
        var (contract, home) = built;
        if (status == ContractStatus.Draft)
        {
            return built;
        }

        if (status == ContractStatus.Discarded)
        {
            home.Withdraw(WithdrawalReason, contract, TestData.Now);
            return built;
        }

        contract.File(home, Number, DefaultParties, ContractContent.Hash(contract, home, DefaultParties), TestData.Now);
        switch (status)
        {
            case ContractStatus.Filed:
                break;
            case ContractStatus.Revoked:
                contract.Revoke(home, RevokedBy, TestData.Now);
                break;
            case ContractStatus.Registered:
                contract.Register(home, TestData.Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown contract status.");
        }

        return built;
    }
}
