using System.Buffers.Text;
using System.Security.Cryptography;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Domain.Contracts;

/// <summary>
/// 武汉市存量房买卖合同 for one listing. A draft until filed; once filed it carries a contract number and a
/// snapshot of every party, and can only be revoked or registered — each exactly once.
/// </summary>
public sealed class Contract : IAggregateRoot
{
    private readonly List<ContractParty> _parties = [];
    private readonly List<PaymentInstallment> _schedule = [];

    /// <summary>Why codes sent for an earlier version of the contract no longer count.</summary>
    public const string ChangedSinceCodesMessage = "合同内容在发送验证码后已被修改，原验证码已作废。请重新发送验证码，由各方确认修改后的内容。";

    private Contract() { Terms = ContractTerms.Empty; }

    /// <summary>A draft is opened by <see cref="Listing.ConfirmBuyers"/> when the buyers are first saved.</summary>
    internal Contract(Guid id, Guid listingId, Guid sellerPersonId, DateTimeOffset now)
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

    /// <summary>The <see cref="ContractContent"/> fingerprint every party confirmed when it was filed.</summary>
    public string? FiledContentHash { get; private set; }

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

    /// <summary>
    /// When the registration department reported that it accepted the application for transfer registration
    /// (已受理转移登记). From then the contract can no longer be revoked online; it stays filed until registered.
    /// </summary>
    public DateTimeOffset? TransferAppliedAt { get; private set; }

    /// <summary>
    /// True while a bank holds money for this contract in its supervision account (<see cref="Escrow.EscrowAccount"/>):
    /// the contract cannot then be revoked online, because the money must be returned to the buyer first.
    /// </summary>
    public bool FundsHeldInEscrow { get; private set; }

    /// <summary>带押过户: the mortgagee bank as the registry names it; null for a home sold without its mortgage.</summary>
    public string? MortgageeName { get; private set; }

    /// <summary>带押过户: the loan the bank said is still owed when it agreed; the contract's clauses and the filing check use it.</summary>
    public decimal? OutstandingLoan { get; private set; }

    /// <summary>Why revocation is refused while money is held in escrow; shown on every revocation page.</summary>
    public const string EscrowRevocationRefusal =
        "该合同的房价款已存入资金监管账户，须先由监管银行将资金退还买方，因此不能在网上撤销。请交易双方携带身份证件到房屋所在区的房管窗口办理撤销和监管资金退还。";

    /// <summary>The clerk who filed this contract at the counter (窗口办理); null when the parties filed it online.</summary>
    public string? CounterClerkName { get; private set; }

    /// <summary>Whether the contract was filed at a district counter (窗口办理) rather than online.</summary>
    public bool FiledAtCounter => CounterClerkName is not null;

    /// <summary>The state as people read it: 已生成合同 becomes 已受理转移登记 once the registration centre accepted the application.</summary>
    public string StatusName => Status == ContractStatus.Filed && TransferAppliedAt is not null ? TransferAppliedName : Status.DisplayName();

    public const string TransferAppliedName = "已受理转移登记";

    /// <summary>Why revocation is refused once the transfer registration was applied for; shown on every revocation page.</summary>
    public const string TransferAppliedRevocationRefusal =
        "该合同已受理不动产转移登记，不能再在网上撤销。如需撤销，请交易双方携带身份证件和合同到受理登记的不动产登记中心办理。";

    /// <summary>保存合同信息: a draft may be saved at any time, complete or not.</summary>
    public void UpdateTerms(ContractTerms terms, IEnumerable<PaymentInstallment> schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(schedule);
        EnsureDraft("修改");
        var ordered = schedule.OrderBy(i => i.Order).ToList(); // before Clear: the caller may pass this contract's own schedule
        Terms = terms;
        _schedule.Clear();
        _schedule.AddRange(ordered);
        UpdatedAt = now;
    }

    /// <summary>
    /// What stops filing now, every problem at once: the terms (<see cref="ContractCompleteness"/>), a party who cannot
    /// confirm (no phone on file), or a listing whose buyers are not confirmed. Empty when the contract may be filed.
    /// </summary>
    public IReadOnlyList<ContractProblem> FindFilingProblems(Listing listing, IReadOnlyList<ContractPartyDetails> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        EnsureListing(listing);
        var problems = ContractCompleteness.FindProblems(Terms, _schedule, listing.Home).ToList();
        if (!parties.Any(p => p.Role == PartyRole.Seller) || !parties.Any(p => p.Role == PartyRole.Buyer))
        {
            problems.Add(new ContractProblem(ContractField.Parties, "合同必须至少有一位卖方和一位买方。"));
        }

        problems.AddRange(parties.Where(p => string.IsNullOrWhiteSpace(p.Phone)).Select(p => new ContractProblem(ContractField.Parties,
            $"{(p.Role == PartyRole.Seller ? "共有人" : "购房人")} {Masking.MaskName(p.Name)}的手机号码尚未登记：请在下表填写其本人实名登记的手机号码并核验，或请其扫码登录一次。")));
        if (listing.Status != ListingStatus.BuyersConfirmed)
        {
            problems.Add(new ContractProblem(ContractField.Contract, "请先确认购房人信息。"));
        }

        problems.AddRange(MortgageTransferProblems(listing));
        return problems;
    }

    /// <summary>
    /// 申报网签, once every party confirmed with their code: the contract gets its number, a token for 合同验真 and a
    /// snapshot of the parties, and its listing is locked — both or neither.
    /// </summary>
    /// <param name="listing">This contract's listing, locked by the filing.</param>
    /// <param name="number">The 合同编号 taken for it.</param>
    /// <param name="parties">Every seller and buyer, as they confirmed.</param>
    /// <param name="confirmedContentHash">The <see cref="ContractContent"/> fingerprint the parties' codes were sent for.</param>
    /// <param name="now">The moment of filing.</param>
    public void File(Listing listing, ContractNumber number, IReadOnlyList<ContractPartyDetails> parties, string confirmedContentHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(parties);
        EnsureListing(listing);
        if (number.Value is null)
        {
            throw new ArgumentException("A contract number must be minted with ContractNumber.Create.", nameof(number));
        }

        EnsureDraft("申报");
        var problems = FindFilingProblems(listing, parties);
        if (problems.Count > 0)
        {
            throw new ContractIncompleteException(problems);
        }

        var contentHash = ContractContent.Hash(this, listing, parties);
        if (!string.Equals(contentHash, confirmedContentHash, StringComparison.Ordinal))
        {
            throw new DomainException(ChangedSinceCodesMessage);
        }

        listing.MarkFiled(now);
        FiledContentHash = contentHash;
        ContractNumber = number.Value;
        VerificationToken = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        _parties.Clear();
        for (var i = 0; i < parties.Count; i++)
        {
            _parties.Add(new ContractParty(Guid.CreateVersion7(now), i + 1, parties[i]));
        }

        Status = ContractStatus.Filed;
        FiledAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// 窗口办理: filed by a clerk at the district counter with the parties present (each confirming with their own SMS code)
    /// — the same rules as <see cref="File"/> — and marked with the clerk's name as the audit log shows it.
    /// </summary>
    public void FileAtCounter(
        Listing listing, ContractNumber number, IReadOnlyList<ContractPartyDetails> parties, string confirmedContentHash, string clerkName, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(clerkName))
        {
            throw new ArgumentException("The clerk who files at the counter must be named.", nameof(clerkName));
        }

        File(listing, number, parties, confirmedContentHash, now);
        CounterClerkName = clerkName.Trim();
    }

    /// <summary>Why this contract cannot be revoked (合同网签撤销), in the words every page shows; null when it can.</summary>
    public string? RevocationRefusal => Status switch
    {
        ContractStatus.Draft => "该合同尚未申报网签，无需撤销。",
        ContractStatus.Revoked => "该合同已经撤销，无需重复办理。",
        ContractStatus.Registered => "该合同已备案（已办理转移登记），不能撤销。如需解除交易，请到不动产登记部门咨询。",
        ContractStatus.Discarded => "该合同草稿已作废，无需撤销。",
        _ when TransferAppliedAt is not null => TransferAppliedRevocationRefusal,
        _ when FundsHeldInEscrow => EscrowRevocationRefusal,
        _ => null,
    };

    /// <summary>The buyers were saved on a listing (<see cref="Listing.ConfirmBuyers"/>): the draft carries its 带押过户 facts.</summary>
    internal void CarryMortgageTransfer(Listing listing)
    {
        var agreed = listing.MortgageTransfer && listing.MortgageConsent == MortgageConsentStatus.Agreed;
        MortgageeName = agreed ? listing.MortgageeName : null;
        OutstandingLoan = agreed ? listing.OutstandingLoan : null;
    }

    /// <summary>The supervision account started or stopped holding money for this contract (<see cref="Escrow.EscrowAccount"/>).</summary>
    internal void MarkFundsInEscrow(bool held, DateTimeOffset now)
    {
        if (FundsHeldInEscrow == held)
        {
            return;
        }

        FundsHeldInEscrow = held;
        UpdatedAt = now;
    }

    /// <summary>合同网签撤销 by a party before the transfer is registered; the home is released for a new verification.</summary>
    public void Revoke(Listing listing, string revokedBy, DateTimeOffset now)
    {
        EnsureListing(listing);
        if (RevocationRefusal is { } refusal)
        {
            throw new DomainException(refusal);
        }

        listing.Release(now);
        Status = ContractStatus.Revoked;
        RevokedBy = revokedBy;
        RevokedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Why the transfer cannot be recorded as registered (已备案); null when it can, or already is.</summary>
    public string? RegistrationRefusal => Status switch
    {
        ContractStatus.Draft => "该合同尚未申报网签，不能备案。",
        ContractStatus.Revoked => "该合同已撤销，不能备案。",
        ContractStatus.Discarded => "该合同草稿已作废，不能备案。",
        _ => null,
    };

    /// <summary>Why the registration centre cannot report 已受理转移登记 for this contract; null when it can, or already did.</summary>
    public string? TransferApplicationRefusal => Status switch
    {
        ContractStatus.Draft => "该合同尚未申报网签，不能受理转移登记。",
        ContractStatus.Revoked => "该合同已撤销，不能受理转移登记。",
        ContractStatus.Discarded => "该合同草稿已作废，不能受理转移登记。",
        _ => null,
    };

    /// <summary>
    /// 已受理转移登记: the registration centre accepted the parties' application; revocation online stops here. Repeating
    /// it, or reporting it for a contract already registered, changes nothing and returns false, so a partner may retry.
    /// </summary>
    public bool RecordTransferApplied(DateTimeOffset now)
    {
        if (TransferApplicationRefusal is { } refusal)
        {
            throw new DomainException(refusal);
        }

        if (Status == ContractStatus.Registered || TransferAppliedAt is not null)
        {
            return false;
        }

        TransferAppliedAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>The listing was withdrawn (<see cref="Listing.Withdraw"/>) before filing: this draft can never be filed.</summary>
    internal void Discard(DateTimeOffset now)
    {
        if (Status != ContractStatus.Draft)
        {
            throw new DomainException("该房源的合同已申报网签，不能撤回房源。");
        }

        Status = ContractStatus.Discarded;
        UpdatedAt = now;
    }

    /// <summary>
    /// The registration department recorded the transfer; the listing is finished. Repeating it is harmless (returns
    /// false), so a partner may retry a call whose answer it lost.
    /// </summary>
    public bool Register(Listing listing, DateTimeOffset now)
    {
        EnsureListing(listing);
        if (RegistrationRefusal is { } refusal)
        {
            throw new DomainException(refusal);
        }

        if (Status == ContractStatus.Registered)
        {
            return false;
        }

        listing.Complete(now);
        Status = ContractStatus.Registered;
        RegisteredAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// 带押过户: the mortgagee bank must have agreed, the price must cover the outstanding loan (it is repaid first out of
    /// the escrowed price), and escrow is then compulsory.
    /// </summary>
    private IEnumerable<ContractProblem> MortgageTransferProblems(Listing listing)
    {
        if (!listing.MortgageTransfer)
        {
            yield break;
        }

        if (listing.MortgageConsent != MortgageConsentStatus.Agreed || listing.OutstandingLoan is not { } loan)
        {
            yield return new ContractProblem(ContractField.Contract, "该房屋带押过户，须待抵押权人银行同意后才能申报网签。");
            yield break;
        }

        if (Terms.Price is { } price && price < loan)
        {
            yield return new ContractProblem(ContractField.Price,
                $"第二条：成交价格低于抵押贷款未还金额（{loan:0.00}元）。带押过户须先以房价款清偿贷款，成交价格不能低于该金额。");
        }

        if (Terms.FundsThroughEscrow != true)
        {
            yield return new ContractProblem(ContractField.FundsThroughEscrow, "第三条：带押过户的房屋，房价款必须存入资金监管账户，请选择“是”。");
        }
    }

    private void EnsureListing(Listing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (listing.Id != ListingId)
        {
            throw new InvalidOperationException("The listing passed is not this contract's listing.");
        }
    }

    private void EnsureDraft(string action)
    {
        if (Status != ContractStatus.Draft)
        {
            throw new DomainException($"合同{Status.DisplayName()}，不能再{action}。");
        }
    }
}
