using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>
/// Builds a contract. By default: price 1,000,000, deposit 100,000, no payment schedule, one seller and one buyer.
/// </summary>
public sealed class ContractBuilder
{
    public const string ContractNumber = "WH-2026-000001";
    public const string VerificationToken = "tok-3f6c1a9e";

    private readonly List<PaymentInstallment> _schedule = [];
    private ContractTerms _terms = new() { Price = 1_000_000m, Deposit = 100_000m, PaymentMethod = PaymentMethod.LumpSum };
    private DateTimeOffset _now = TestData.Now;

    public static IReadOnlyList<ContractPartyDetails> DefaultParties { get; } =
    [
        Seller(),
        BuyerParty(),
    ];

    public static ContractPartyDetails Seller(string name = TestData.SellerName, string idNumber = TestData.SellerIdNumber) =>
        new(PartyRole.Seller, name, IdType.ResidentIdCard, TestData.ResidentId(idNumber).Value, TestData.SellerPhone, "100%");

    public static ContractPartyDetails BuyerParty(string name = "王五", int buyerIndex = 0) =>
        new(PartyRole.Buyer, name, IdType.ResidentIdCard, TestData.ResidentId(TestData.BuyerIdNumbers[buyerIndex]).Value, "14000000100", null);

    public ContractBuilder WithPrice(decimal? price)
    {
        _terms = _terms with { Price = price };
        return this;
    }

    public ContractBuilder WithDeposit(decimal? deposit)
    {
        _terms = _terms with { Deposit = deposit };
        return this;
    }

    /// <summary>One installment per amount, ordered 1..n, a month apart.</summary>
    public ContractBuilder WithSchedule(params decimal[] amounts)
    {
        _schedule.Clear();
        for (var i = 0; i < amounts.Length; i++)
        {
            _schedule.Add(new PaymentInstallment(i + 1, TestData.Today.AddMonths(i + 1), amounts[i], $"第{i + 1}期"));
        }

        return this;
    }

    public ContractBuilder At(DateTimeOffset now)
    {
        _now = now;
        return this;
    }

    public Contract BuildDraft()
    {
        var contract = new Contract(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), _now);
        contract.UpdateTerms(_terms, _schedule, _now);
        return contract;
    }

    public Contract BuildIn(ContractStatus status)
    {
        var contract = BuildDraft();
        if (status == ContractStatus.Draft)
        {
            return contract;
        }

        contract.File(ContractNumber, VerificationToken, DefaultParties, _now);
        switch (status)
        {
            case ContractStatus.Filed:
                break;
            case ContractStatus.Revoked:
                contract.Revoke("买方 王*", _now);
                break;
            case ContractStatus.Registered:
                contract.Register(_now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown contract status.");
        }

        return contract;
    }
}
