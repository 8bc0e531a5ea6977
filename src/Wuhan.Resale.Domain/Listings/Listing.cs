using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Properties;

namespace Wuhan.Resale.Domain.Listings;

/// <summary>
/// 房源: a home verified for sale by its owner, identified by its 房源编码. It carries the 限购 class,
/// the notice consent and the buyers, and guards every transition of SPEC §3.
/// </summary>
public sealed partial class Listing : IAggregateRoot
{
    public const int MaxBuyers = 10;

    private readonly List<Buyer> _buyers = [];

    private Listing() { ListingCode = CertificateNumber = NoticeVersion = string.Empty; }

    private Listing(Guid id, string listingCode, Person seller, PropertyRecord home, NoticeConsent consent, DateTimeOffset now)
    {
        Id = id;
        ListingCode = listingCode;
        SellerPersonId = seller.Id;
        PropertyRecordId = home.Id;
        Home = home;
        CertificateNumber = home.CertificateNumber;
        LiveCertificateNumber = home.CertificateNumber;
        DistrictCode = home.DistrictCode;
        NoticeVersion = consent.NoticeVersion;
        NoticeConsentedAt = consent.ConsentedAt;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>房源编码, unique.</summary>
    public string ListingCode { get; private set; }

    public Guid SellerPersonId { get; private set; }

    public Guid PropertyRecordId { get; private set; }

    /// <summary>The registry copy of the home; immutable, loaded with the listing.</summary>
    public PropertyRecord? Home { get; private set; }

    public string CertificateNumber { get; private set; }

    /// <summary>
    /// Equals <see cref="CertificateNumber"/> while the listing is live and null afterwards. A unique index on it
    /// makes "one live listing per home" hold even when two verifications race.
    /// </summary>
    public string? LiveCertificateNumber { get; private set; }

    /// <summary>所属区 as the seller confirmed it; starts as the registry's and may be corrected.</summary>
    public string? DistrictCode { get; private set; }

    public RestrictionClass RestrictionClass { get; private set; }

    /// <summary>Why staff decided the class by hand, when they did.</summary>
    public string? DeterminationNote { get; private set; }

    /// <summary>True once staff decided the 限购 class by hand (<see cref="RecordDetermination"/>); the seller cannot undo it.</summary>
    public bool DeterminedByStaff => DeterminationNote is not null;

    public ListingStatus Status { get; private set; }

    public string NoticeVersion { get; private set; }

    public DateTimeOffset NoticeConsentedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Why an owner withdrew the home (撤回房源), as they chose or typed it; null unless withdrawn.</summary>
    public string? WithdrawalReason { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public IReadOnlyList<Buyer> Buyers => _buyers;

    /// <summary>The longest withdrawal reason kept.</summary>
    public const int MaxWithdrawalReasonLength = 200;

    /// <summary>The first rule a home breaks, or null when it can be verified.</summary>
    /// <param name="withMortgage">The seller chose 带押过户: a mortgaged home whose registry names its mortgagee bank is not refused.</param>
    public static ListingRefusal? FindRefusal(Person seller, PropertyRecord home, bool homeHasLiveListing, bool withMortgage = false)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(home);
        if (!home.IsOwnedBy(seller.IdType, seller.IdNumber))
        {
            return ListingRefusal.NotOwner;
        }

        if (!home.InWuhan)
        {
            return ListingRefusal.NotInWuhan;
        }

        if (home.IsSeized)
        {
            return ListingRefusal.Seized;
        }

        if (home.IsMortgaged && !(withMortgage && home.MayTransferWithMortgage))
        {
            return ListingRefusal.Mortgaged;
        }

        if (home.IsUnderObjection)
        {
            return ListingRefusal.UnderObjection;
        }

        if (home.IsUnderAdvanceNotice)
        {
            return ListingRefusal.UnderAdvanceNotice;
        }

        return homeHasLiveListing ? ListingRefusal.AlreadyListed : null;
    }

    /// <summary>房源核验: verifies the home and classifies it, or refuses with the reason.</summary>
    public static Listing Verify(
        Guid id,
        ListingCode listingCode,
        Person seller,
        PropertyRecord home,
        NoticeConsent consent,
        bool homeHasLiveListing,
        IEnumerable<RestrictionPolicy> policies,
        DateTimeOffset now,
        bool withMortgage = false)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(consent);
        if (listingCode.Value is null)
        {
            throw new ArgumentException("A listing code must be minted with ListingCode.New or Create.", nameof(listingCode));
        }

        if (consent.PersonId != seller.Id)
        {
            throw new DomainException("请先阅读并同意用户须知。");
        }

        var refusal = FindRefusal(seller, home, homeHasLiveListing, withMortgage);
        if (refusal is { } reason)
        {
            throw new ListingRefusedException(reason);
        }

        var listing = new Listing(id, listingCode.Value, seller, home, consent, now);
        if (home.IsMortgaged)
        {
            listing.MortgageTransfer = true;
            listing.MortgageeCode = home.MortgageeCode;
            listing.MortgageeName = home.MortgageeName;
            listing.MortgageConsent = MortgageConsentStatus.Pending;
        }

        listing.Classify(policies, now);
        return listing;
    }

    /// <summary>
    /// Why the seller may not use 更新房屋所属区 on this listing, or null when they may. The seller only fills a gap the
    /// registry left: the registry gave no district, or one that is not among the city's districts (a code from before a
    /// re-division). A district the registry records, or a 限购 class staff decided by hand, is corrected at the counter,
    /// never online, so a home cannot be moved out of a restricted district by its seller.
    /// </summary>
    /// <param name="cityDistrictCodes">The codes of the city's districts and functional zones (the district table).</param>
    public string? FindDistrictChangeRefusal(IReadOnlyCollection<string> cityDistrictCodes)
    {
        ArgumentNullException.ThrowIfNull(cityDistrictCodes);
        if (Status is not (ListingStatus.Verified or ListingStatus.PendingOffline or ListingStatus.BuyersConfirmed))
        {
            return $"房源{Status.DisplayName()}，不能再修改所属区。";
        }

        if (DeterminedByStaff)
        {
            return "该房屋的限购类型已由房管部门工作人员认定，所属区不能再在网上修改。如所属区有误，请携带不动产权证书到房屋所在区的不动产登记或房管窗口办理。";
        }

        var home = Home ?? throw new InvalidOperationException("The listing's home must be loaded to decide whether its district may change.");
        var recorded = home.DistrictCode?.Trim();
        if (!string.IsNullOrEmpty(recorded) && cityDistrictCodes.Contains(recorded, StringComparer.Ordinal))
        {
            return "不动产登记信息中已记载该房屋的所属区，不能在网上修改。如登记的所属区有误，请携带不动产权证书到房屋所在区的不动产登记或房管窗口申请更正。";
        }

        return null;
    }

    /// <summary>
    /// 更新房屋所属区: the seller fills in a district the registry did not give (<see cref="FindDistrictChangeRefusal"/>
    /// says when); the 限购 class is worked out again.
    /// </summary>
    /// <param name="districtCode">The chosen district; must be one of <paramref name="cityDistrictCodes"/>.</param>
    /// <param name="cityDistrictCodes">The codes of the city's districts and functional zones (the district table).</param>
    public void ChangeDistrict(string? districtCode, IReadOnlyCollection<string> cityDistrictCodes, IEnumerable<RestrictionPolicy> policies, DateTimeOffset now)
    {
        if (FindDistrictChangeRefusal(cityDistrictCodes) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        var chosen = districtCode?.Trim();
        if (string.IsNullOrEmpty(chosen))
        {
            throw new DomainException("请选择房屋所属区。");
        }

        if (!cityDistrictCodes.Contains(chosen, StringComparer.Ordinal))
        {
            throw new DomainException("请从列表中选择房屋所属区。");
        }

        DistrictCode = chosen;
        Classify(policies, now);
    }

    /// <summary>Staff decide the class of a home the rules could not classify.</summary>
    public void RecordDetermination(RestrictionClass restrictionClass, string reason, DateTimeOffset now)
    {
        if (Status != ListingStatus.PendingOffline)
        {
            throw new DomainException("只有待线下办理的房源才需要人工认定限购类型。");
        }

        if (restrictionClass == RestrictionClass.Undetermined)
        {
            throw new DomainException("请认定为限购或非限购。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写认定理由。");
        }

        RestrictionClass = restrictionClass;
        DeterminationNote = reason.Trim();
        Status = _buyers.Count > 0 ? ListingStatus.BuyersConfirmed : ListingStatus.Verified;
        UpdatedAt = now;
    }

    /// <summary>Staff close an offline case once it was handled at the counter; the home is released.</summary>
    public void CloseOffline(DateTimeOffset now)
    {
        EndLive(ListingStatus.PendingOffline, ListingStatus.ClosedOffline, "只有待线下办理的房源才能按线下办结关闭。", now);
    }

    /// <summary>Why an owner may not withdraw this home (撤回房源) now, in the words the pages show; null when they may.</summary>
    public string? WithdrawalRefusal => Status switch
    {
        ListingStatus.Verified or ListingStatus.PendingOffline or ListingStatus.BuyersConfirmed => null,
        ListingStatus.Filed => "该房源已生成网签合同，不能撤回。如双方不再交易，请先办理合同网签撤销，撤销后房屋即不再占用。",
        ListingStatus.Completed => "该房源的合同已备案，不能撤回。",
        ListingStatus.Released => "该房源的网签已撤销，房屋已不再占用，无需撤回。",
        ListingStatus.Withdrawn => "该房源已经撤回，无需重复操作。",
        _ => $"房源{Status.DisplayName()}，不能撤回。",
    };

    /// <summary>
    /// 撤回房源: an owner takes back a verified home that will not be sold, before any contract is filed. The home is no
    /// longer held (it may be verified again, under a new 房源编码) and the <paramref name="draft"/> contract, if the buyers
    /// were saved, is discarded in the same call so it can never be filed.
    /// </summary>
    /// <param name="reason">What the owner chose or typed; required.</param>
    /// <param name="draft">This listing's draft contract, when one was opened; null otherwise.</param>
    public void Withdraw(string? reason, Contract? draft, DateTimeOffset now)
    {
        if (WithdrawalRefusal is { } refusal)
        {
            throw new DomainException(refusal);
        }

        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException("请选择或填写撤回原因。");
        }

        if (trimmed.Length > MaxWithdrawalReasonLength)
        {
            throw new DomainException($"撤回原因请控制在{MaxWithdrawalReasonLength}字以内。");
        }

        if (draft is not null)
        {
            if (draft.ListingId != Id)
            {
                throw new InvalidOperationException("The draft passed is not this listing's contract.");
            }

            draft.Discard(now);
        }

        Status = ListingStatus.Withdrawn;
        LiveCertificateNumber = null;
        WithdrawalReason = trimmed;
        WithdrawnAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// 保存购房人信息 / 购房人信息修改: replaces the whole set of buyers. The first save opens the draft contract; later
    /// saves return the <paramref name="draft"/> they were given. The caller stores a new draft with the listing.
    /// </summary>
    public Contract ConfirmBuyers(IReadOnlyList<BuyerDetails> buyers, Contract? draft, Guid confirmedBy, DateTimeOffset now)
    {
        if (draft is not null && draft.ListingId != Id)
        {
            throw new InvalidOperationException("The draft passed is not this listing's contract.");
        }

        ReplaceBuyers(buyers, now);
        var contract = draft ?? new Contract(Guid.CreateVersion7(now), Id, confirmedBy, now);
        contract.CarryMortgageTransfer(this);
        return contract;
    }

    internal void ReplaceBuyers(IReadOnlyList<BuyerDetails> buyers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        if (Status is not (ListingStatus.Verified or ListingStatus.BuyersConfirmed))
        {
            throw new DomainException(Status == ListingStatus.PendingOffline
                ? "该房源需要到房管部门线下办理，不能在线添加购房人。"
                : $"房源{Status.DisplayName()}，购房人信息已不能修改。");
        }

        if (MortgageConsentWait is { } wait)
        {
            throw new DomainException(wait);
        }

        if (buyers.Count == 0)
        {
            throw new DomainException("请至少添加一位购房人。");
        }

        if (buyers.Count > MaxBuyers)
        {
            throw new DomainException($"购房人最多{MaxBuyers}位。");
        }

        var home = Home ?? throw new InvalidOperationException("The listing's home must be loaded to check buyers.");
        var seen = new HashSet<(ValueObjects.IdType, string)>();
        var names = new string[buyers.Count];
        for (var i = 0; i < buyers.Count; i++)
        {
            names[i] = PersonName.Normalize(buyers[i].Name);
            var id = buyers[i].IdNumber;
            if (!seen.Add((id.Type, id.Value)))
            {
                throw new DomainException($"第{i + 1}位购房人与前面的购房人证件号码重复。");
            }

            if (home.IsOwnedBy(id.Type, id.Value))
            {
                throw new DomainException($"第{i + 1}位购房人是该房屋的产权人，产权人不能购买自己的房屋。");
            }
        }

        // Every check passed before anything changes: a refused save leaves the saved buyers as they were.
        _buyers.Clear();
        for (var i = 0; i < buyers.Count; i++)
        {
            _buyers.Add(new Buyer(Guid.CreateVersion7(now), i + 1, names[i], buyers[i].IdNumber, buyers[i].Phone));
        }

        Status = ListingStatus.BuyersConfirmed;
        UpdatedAt = now;
    }

    /// <summary>The contract for this home was filed (<see cref="Contract.File"/>); the listing is locked.</summary>
    internal void MarkFiled(DateTimeOffset now)
    {
        if (Status != ListingStatus.BuyersConfirmed)
        {
            throw new DomainException("请先确认购房人信息，再申报网签。");
        }

        Status = ListingStatus.Filed;
        UpdatedAt = now;
    }

    /// <summary>The filed contract was revoked (<see cref="Contract.Revoke"/>); the home may be verified again.</summary>
    internal void Release(DateTimeOffset now)
    {
        EndLive(ListingStatus.Filed, ListingStatus.Released, "该房源没有已申报的网签合同，无需释放。", now);
    }

    /// <summary>The transfer was registered (<see cref="Contract.Register"/>); the listing is finished.</summary>
    internal void Complete(DateTimeOffset now)
    {
        EndLive(ListingStatus.Filed, ListingStatus.Completed, "该房源没有已申报的网签合同，不能办结。", now);
    }

    /// <summary>The listing ends from <paramref name="from"/> only; the home is no longer held and may be verified again.</summary>
    private void EndLive(ListingStatus from, ListingStatus to, string refusal, DateTimeOffset now)
    {
        if (Status != from)
        {
            throw new DomainException(refusal);
        }

        Status = to;
        LiveCertificateNumber = null;
        UpdatedAt = now;
    }

    private void Classify(IEnumerable<RestrictionPolicy> policies, DateTimeOffset now)
    {
        var home = Home ?? throw new InvalidOperationException("The listing's home must be loaded to classify it.");
        RestrictionClass = PurchaseRestriction.Classify(DistrictCode, home.DesignPurpose, policies, ShanghaiTime.DateOf(now));
        if (RestrictionClass == RestrictionClass.Undetermined)
        {
            Status = ListingStatus.PendingOffline;
        }
        else if (Status is ListingStatus.PendingOffline or ListingStatus.Verified)
        {
            Status = _buyers.Count > 0 ? ListingStatus.BuyersConfirmed : ListingStatus.Verified;
        }

        UpdatedAt = now;
    }
}
