using Wuhan.Resale.Domain.Common;

namespace Wuhan.Resale.Domain.Contracts;

/// <summary>
/// 武汉市存量房买卖合同 for one listing. A draft until filed; once filed it carries a contract number and a
/// snapshot of every party, and can only be revoked or registered — each exactly once.
/// </summary>
public sealed class Contract : IAggregateRoot
{
    /// <summary>定金 may not exceed this share of the price.</summary>
    public const decimal MaxDepositShare = 0.20m;

    private readonly List<ContractParty> _parties = [];
    private readonly List<PaymentInstallment> _schedule = [];

    private Contract() { Terms = ContractTerms.Empty; }

    public Contract(Guid id, Guid listingId, Guid sellerPersonId, DateTimeOffset now)
    {
        Id = id;
        ListingId = listingId;
        SellerPersonId = sellerPersonId;
        Status = ContractStatus.Draft;
        Terms = ContractTerms.Empty;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ListingId { get; private set; }

    /// <summary>The signed-in owner who filled in the contract.</summary>
    public Guid SellerPersonId { get; private set; }

    /// <summary>合同编号, minted at filing; null for a draft.</summary>
    public string? ContractNumber { get; private set; }

    /// <summary>Unguessable token in the QR code of the PDF, for the public 合同验真 page.</summary>
    public string? VerificationToken { get; private set; }

    public ContractStatus Status { get; private set; }

    public ContractTerms Terms { get; private set; }

    public IReadOnlyList<PaymentInstallment> Schedule => _schedule;

    public IReadOnlyList<ContractParty> Parties => _parties;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? FiledAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Who revoked, as shown to the other parties (role and masked name), never an ID number.</summary>
    public string? RevokedBy { get; private set; }

    public DateTimeOffset? RegisteredAt { get; private set; }

    /// <summary>保存合同信息: a draft may be saved at any time, complete or not.</summary>
    public void UpdateTerms(ContractTerms terms, IEnumerable<PaymentInstallment> schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(schedule);
        EnsureDraft("修改");
        Terms = terms;
        _schedule.Clear();
        _schedule.AddRange(schedule.OrderBy(i => i.Order));
        UpdatedAt = now;
    }

    /// <summary>
    /// 申报网签: every party confirmed with their code; the contract gets its number and a snapshot of the parties.
    /// </summary>
    public void File(string contractNumber, string verificationToken, IReadOnlyList<ContractPartyDetails> parties, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(parties);
        EnsureDraft("申报");
        if (!parties.Any(p => p.Role == PartyRole.Seller) || !parties.Any(p => p.Role == PartyRole.Buyer))
        {
            throw new DomainException("合同必须至少有一位卖方和一位买方。");
        }

        foreach (var problem in FindFilingProblems())
        {
            throw new DomainException(problem);
        }

        ContractNumber = contractNumber;
        VerificationToken = verificationToken;
        _parties.Clear();
        for (var i = 0; i < parties.Count; i++)
        {
            _parties.Add(new ContractParty(Guid.CreateVersion7(now), i + 1, parties[i]));
        }

        Status = ContractStatus.Filed;
        FiledAt = now;
        UpdatedAt = now;
    }

    /// <summary>The money rules a filed contract must satisfy; field-level completeness is checked by the form.</summary>
    public IEnumerable<string> FindFilingProblems()
    {
        if (Terms.Price is not > 0)
        {
            yield return "请填写成交价格。";
            yield break;
        }

        var price = Terms.Price.Value;
        if (Terms.Deposit is < 0)
        {
            yield return "定金不能为负数。";
        }

        if (_schedule.Exists(i => i.Amount <= 0))
        {
            yield return "付款计划中每一期的金额都必须大于零。";
        }

        if (Terms.Deposit is { } deposit && deposit > price * MaxDepositShare)
        {
            yield return "定金不得超过成交价格的20%。";
        }

        if (_schedule.Count > 0 && _schedule.Sum(i => i.Amount) != price)
        {
            yield return "付款计划各期金额之和必须等于成交价格。";
        }
    }

    /// <summary>合同网签撤销 by a party before the transfer is registered.</summary>
    public void Revoke(string revokedBy, DateTimeOffset now)
    {
        switch (Status)
        {
            case ContractStatus.Draft:
                throw new DomainException("该合同尚未申报网签，无需撤销。");
            case ContractStatus.Revoked:
                throw new DomainException("该合同已经撤销，不能重复撤销。");
            case ContractStatus.Registered:
                throw new DomainException("该合同已备案，不能撤销。如需解除交易，请到不动产登记部门咨询。");
        }

        Status = ContractStatus.Revoked;
        RevokedBy = revokedBy;
        RevokedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// The registration department recorded the transfer. Repeating it is harmless (returns false), so a partner
    /// may retry a call whose answer it lost.
    /// </summary>
    public bool Register(DateTimeOffset now)
    {
        switch (Status)
        {
            case ContractStatus.Registered:
                return false;
            case ContractStatus.Draft:
                throw new DomainException("该合同尚未申报网签，不能备案。");
            case ContractStatus.Revoked:
                throw new DomainException("该合同已撤销，不能备案。");
        }

        Status = ContractStatus.Registered;
        RegisteredAt = now;
        UpdatedAt = now;
        return true;
    }

    private void EnsureDraft(string action)
    {
        if (Status != ContractStatus.Draft)
        {
            throw new DomainException($"合同{Status.DisplayName()}，不能再{action}。");
        }
    }
}
