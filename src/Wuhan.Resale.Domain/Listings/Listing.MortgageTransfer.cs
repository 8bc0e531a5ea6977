using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Properties;

namespace Wuhan.Resale.Domain.Listings;

/// <summary>带押过户: selling a mortgaged home with its mortgage, once the mortgagee bank agrees.</summary>
public sealed partial class Listing
{
    /// <summary>带押过户: the seller chose to sell the mortgaged home with its mortgage, subject to the mortgagee bank's consent.</summary>
    public bool MortgageTransfer { get; private set; }

    /// <summary>The mortgagee bank's code and name as the registry gave them; null unless <see cref="MortgageTransfer"/>.</summary>
    public string? MortgageeCode { get; private set; }

    public string? MortgageeName { get; private set; }

    /// <summary>The bank's answer; null unless <see cref="MortgageTransfer"/>.</summary>
    public MortgageConsentStatus? MortgageConsent { get; private set; }

    /// <summary>The loan still owed, as the bank stated it when it agreed (元).</summary>
    public decimal? OutstandingLoan { get; private set; }

    /// <summary>Why the bank refused, in its own words.</summary>
    public string? MortgageRefusalReason { get; private set; }

    public DateTimeOffset? MortgageAnsweredAt { get; private set; }

    /// <summary>The longest refusal reason a bank may give.</summary>
    public const int MaxMortgageRefusalReasonLength = 200;

    /// <summary>Why buyers cannot be named yet for a 带押过户 listing; null when the bank agreed or it is no such listing.</summary>
    public string? MortgageConsentWait => MortgageConsent switch
    {
        null or MortgageConsentStatus.Agreed => null,
        MortgageConsentStatus.Pending => $"该房屋选择了带押过户，须等待抵押权人（{MortgageeName}）通过系统确认同意后，才能添加购房人。",
        _ => $"抵押权人（{MortgageeName}）不同意带押过户：{MortgageRefusalReason}。请先还清贷款并办理抵押注销登记，或撤回房源。",
    };

    /// <summary>
    /// The mortgagee bank answers a 带押过户 listing: 同意 with the loan still owed, or 不同意 with its reason. Only the bank the
    /// registry names may answer, only while the listing is live and before a contract is filed. The same answer again
    /// changes nothing (returns false); another answer after the first is refused.
    /// </summary>
    public bool RecordMortgageConsent(string bankCode, bool agreed, decimal? outstandingLoan, string? reason, DateTimeOffset now)
    {
        if (!MortgageTransfer || !string.Equals(bankCode, MortgageeCode, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Only the mortgagee bank of a 带押过户 listing may answer; the caller checks this first.");
        }

        var trimmed = reason?.Trim();
        if (agreed && (outstandingLoan is not { } loan || loan <= 0 || decimal.Round(loan, 2) != loan))
        {
            throw new DomainException("同意带押过户时，请填写大于零的贷款未还金额（元，最多两位小数）。");
        }

        if (!agreed && string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException("不同意带押过户时，请说明理由。");
        }

        if (!agreed && trimmed!.Length > MaxMortgageRefusalReasonLength)
        {
            throw new DomainException($"理由请控制在{MaxMortgageRefusalReasonLength}字以内。");
        }

        var answer = agreed ? MortgageConsentStatus.Agreed : MortgageConsentStatus.Refused;
        if (MortgageConsent != MortgageConsentStatus.Pending)
        {
            if (MortgageConsent == answer && (agreed ? OutstandingLoan == outstandingLoan : MortgageRefusalReason == trimmed))
            {
                return false;
            }

            throw new MortgageConsentConflictException($"贵行已于此前答复“{MortgageConsent!.Value.DisplayName()}”，答复不能更改。如情况有变，请卖方撤回房源后重新核验。");
        }

        if (!Status.IsLive() || Status == ListingStatus.Filed)
        {
            throw new MortgageConsentConflictException($"房源{Status.DisplayName()}，不再需要抵押权人答复。");
        }

        MortgageConsent = answer;
        OutstandingLoan = agreed ? outstandingLoan : null;
        MortgageRefusalReason = agreed ? null : trimmed;
        MortgageAnsweredAt = now;
        UpdatedAt = now;
        return true;
    }
}
