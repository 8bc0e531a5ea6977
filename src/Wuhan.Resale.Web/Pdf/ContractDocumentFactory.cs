using System.Globalization;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>Maps a filed <see cref="Contract"/> and its home to what the PDF prints.</summary>
public static class ContractDocumentFactory
{
    /// <summary>The status a draft prints.</summary>
    public const string DraftStatus = "草稿";

    /// <summary>Builds the printable filed contract.</summary>
    /// <param name="contract">A filed contract (it has a number and a party snapshot).</param>
    /// <param name="home">The registry's record of the contract's home.</param>
    /// <param name="districtName">The home's district as currently recorded, e.g. 江汉区.</param>
    /// <param name="verificationUrl">Absolute 合同验真 address with the contract's token.</param>
    /// <param name="statusText">有效 / 已撤销 / 已备案.</param>
    /// <exception cref="InvalidOperationException">The contract has not been filed.</exception>
    public static ContractDocument From(Contract contract, PropertyRecord home, string? districtName, string verificationUrl, string statusText)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.ContractNumber is null || contract.FiledAt is null)
        {
            throw new InvalidOperationException("Only a filed contract can be printed.");
        }

        var parties = contract.Parties
            .OrderBy(p => p.Role == PartyRole.Seller ? 0 : 1)
            .ThenBy(p => p.Order)
            .Select(p => Party(p.Role, p.Name, p.IdType, p.IdNumber, p.Phone, p.Share));
        return Build(contract, home, districtName, parties, statusText) with
        {
            ContractNumber = contract.ContractNumber,
            FiledAt = contract.FiledAt.Value,
            VerificationUrl = verificationUrl,
        };
    }

    /// <summary>A draft as it would be filed today: no number, no filing date, no QR code; status 草稿.</summary>
    /// <param name="parties">The people who would confirm it, in any role order; sellers are listed first.</param>
    public static ContractDocument Draft(Contract contract, PropertyRecord home, string? districtName, IEnumerable<ContractPartyDetails> parties)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(parties);
        var ordered = parties
            .OrderBy(p => p.Role == PartyRole.Seller ? 0 : 1)
            .Select(p => Party(p.Role, p.Name, p.IdType, p.IdNumber, p.Phone, p.Share));
        return Build(contract, home, districtName, ordered, DraftStatus);
    }

    private static ContractDocumentParty Party(PartyRole role, string name, IdType idType, string idNumber, string? phone, string? share) =>
        new(role == PartyRole.Seller ? ContractDocumentParty.SellerRole : ContractDocumentParty.BuyerRole,
            name, idType.DisplayName(), idNumber, phone ?? string.Empty, share);

    private static ContractDocument Build(
        Contract contract, PropertyRecord home, string? districtName, IEnumerable<ContractDocumentParty> parties, string statusText)
    {
        ArgumentNullException.ThrowIfNull(home);
        var terms = contract.Terms;
        return new ContractDocument
        {
            Status = statusText,
            Home = HomeOf(home, districtName, terms.AttachedFacilities, terms.Supplied),
            Parties = [.. parties],
            SellerAgent = Agent(terms.SellerAgentName, terms.SellerAgentIdNumber),
            BuyerAgent = Agent(terms.BuyerAgentName, terms.BuyerAgentIdNumber),
            SellerServiceAddress = terms.SellerServiceAddress,
            BuyerServiceAddress = terms.BuyerServiceAddress,
            Lease = new ContractLease
            {
                IsLet = terms.IsLet,
                EndsOn = terms.IsLet == true ? terms.LeaseEndsOn : null,
                HandlingName = terms.IsLet == true ? terms.LeaseHandling?.DisplayName() : null,
            },
            Price = new ContractPrice
            {
                Figures = Figures(terms.Price) ?? string.Empty,
                Capitals = terms.Price is { } price ? Money.Create(price).ToChineseCapitals() : string.Empty,
                DecorationAmount = Figures(terms.DecorationAndFacilitiesAmount),
            },
            Payment = new ContractPayment
            {
                MethodName = terms.PaymentMethod?.DisplayName(),
                ThroughEscrow = terms.FundsThroughEscrow,
                Schedule = [.. contract.Schedule.Select(i => new ContractScheduleRow(i.DueOn, Money.Create(i.Amount).ToFigures(), i.Description))],
                Deposit = Figures(terms.Deposit),
                DepositDueOn = terms.DepositDueOn,
                DepositHandlingName = terms.DepositCountsTowardPrice is { } counts ? ContractTermNames.DepositHandlingName(counts) : null,
                LoanRefusalName = terms.PaymentMethod switch
                {
                    null => null,
                    { } method when method.IsLoan() => terms.LoanRefusal?.DisplayName(),
                    _ => ContractValues.NotApplicable,
                },
            },
            Delivery = new ContractDelivery
            {
                Date = terms.DeliveryDate,
                Conditions = terms.DeliveryConditions,
                UtilitiesTransferDays = terms.UtilitiesTransferDays,
                MaintenanceFundName = terms.MaintenanceFund?.DisplayName(),
            },
            Obligations = new ContractObligations
            {
                TransferRegistrationWithinDays = terms.TransferRegistrationWithinDays,
                TaxBearerName = terms.TaxBearer?.DisplayName(),
                HukouMoveOutDays = terms.HukouMoveOutDays,
                HukouDailyPenalty = Figures(terms.HukouDailyPenalty),
                LatePaymentDailyRate = Rate(terms.LatePaymentDailyRate),
                LateDeliveryDailyRate = Rate(terms.LateDeliveryDailyRate),
                TerminationAfterDays = terms.TerminationAfterDays,
                ToCourt = terms.DisputeResolution is { } resolution ? resolution == DisputeResolution.Court : null,
                ArbitrationCommission = terms.DisputeResolution == DisputeResolution.Arbitration ? terms.ArbitrationCommission : null,
            },
            Copies = terms.Copies,
            CopyHolders = string.Join("、", terms.CopyHolders()),
            OtherTerms = terms.OtherTerms,
            MortgageTransfer = contract.OutstandingLoan is { } loan
                ? new ContractMortgageTransfer(contract.MortgageeName ?? string.Empty, Money.Create(loan).ToFigures())
                : null,
        };
    }

    /// <summary>
    /// 第一条: the registry's record of the home, as the contract prints it. A fact the registry lacks is taken from
    /// <paramref name="supplied"/> and marked 卖方填报; a fact the registry has is never replaced.
    /// </summary>
    public static ContractHome HomeOf(PropertyRecord home, string? districtName, string? attachedFacilities, SuppliedHomeFacts? supplied = null)
    {
        ArgumentNullException.ThrowIfNull(home);
        supplied ??= SuppliedHomeFacts.None;
        var marked = new HashSet<ContractSlot>();
        T? Fill<T>(T? recorded, T? stated, ContractSlot slot)
        {
            if (recorded is not null || stated is null || (stated is string text && string.IsNullOrWhiteSpace(text)))
            {
                return recorded;
            }

            marked.Add(slot);
            return stated;
        }

        var landArea = Fill(home.LandArea, supplied.LandArea, ContractSlot.LandArea);
        return new ContractHome
        {
            Location = home.Location,
            DistrictName = districtName,
            Structure = Fill(home.Structure, supplied.Structure?.Trim(), ContractSlot.Structure),
            BuildingArea = Area(home.BuildingArea),
            LandArea = landArea is { } land ? Area(land) : null,
            CertificateNumber = home.CertificateNumber,
            LandCertificateNumber = home.LandCertificateNumber,
            CertificateIssuedOn = Fill(home.CertificateIssuedOn, supplied.CertificateIssuedOn, ContractSlot.CertificateIssuedOn),
            Floor = Fill(home.Floor, supplied.Floor, ContractSlot.Floor),
            TotalFloors = Fill(home.TotalFloors, supplied.TotalFloors, ContractSlot.TotalFloors),
            DesignPurpose = home.DesignPurpose,
            RoomType = Fill(home.RoomType, supplied.RoomType?.Trim(), ContractSlot.RoomType),
            AttachedFacilities = attachedFacilities,
            SuppliedSlots = marked,
        };
    }

    private static ContractAgent? Agent(string? name, string? idNumber) =>
        string.IsNullOrWhiteSpace(name) ? null : new ContractAgent(name.Trim(), string.IsNullOrWhiteSpace(idNumber) ? null : idNumber.Trim());

    private static string? Figures(decimal? amount) => amount is { } yuan ? Money.Create(yuan).ToFigures() : null;

    private static string Area(decimal squareMetres) => squareMetres.ToString("0.00", CultureInfo.InvariantCulture);

    private static string? Rate(decimal? rate) => rate?.ToString("0.##", CultureInfo.InvariantCulture);
}
