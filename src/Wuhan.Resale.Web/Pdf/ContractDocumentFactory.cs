using System.Globalization;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>Maps a filed <see cref="Contract"/> and its home to what the PDF prints.</summary>
public static class ContractDocumentFactory
{
    /// <summary>Builds the printable contract.</summary>
    /// <param name="contract">A filed contract (it has a number and a party snapshot).</param>
    /// <param name="home">The registry's record of the contract's home.</param>
    /// <param name="districtName">The home's district as currently recorded, e.g. 江汉区.</param>
    /// <param name="verificationUrl">Absolute 合同验真 address with the contract's token.</param>
    /// <param name="statusText">有效 / 已撤销 / 已备案.</param>
    /// <exception cref="InvalidOperationException">The contract has not been filed.</exception>
    public static ContractDocument From(Contract contract, PropertyRecord home, string? districtName, string verificationUrl, string statusText)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(home);
        if (contract.ContractNumber is null || contract.FiledAt is null)
        {
            throw new InvalidOperationException("Only a filed contract can be printed.");
        }

        var terms = contract.Terms;
        return new ContractDocument
        {
            ContractNumber = contract.ContractNumber,
            FiledAt = contract.FiledAt.Value,
            Status = statusText,
            VerificationUrl = verificationUrl,
            Home = new ContractHome
            {
                Location = home.Location,
                DistrictName = districtName,
                Structure = home.Structure,
                BuildingArea = Area(home.BuildingArea),
                LandArea = home.LandArea is { } land ? Area(land) : null,
                CertificateNumber = home.CertificateNumber,
                LandCertificateNumber = home.LandCertificateNumber,
                CertificateIssuedOn = home.CertificateIssuedOn,
                Floor = home.Floor,
                TotalFloors = home.TotalFloors,
                DesignPurpose = home.DesignPurpose,
                RoomType = home.RoomType,
                AttachedFacilities = terms.AttachedFacilities,
            },
            Parties =
            [
                .. contract.Parties
                    .OrderBy(p => p.Role == PartyRole.Seller ? 0 : 1)
                    .ThenBy(p => p.Order)
                    .Select(p => new ContractDocumentParty(
                        p.Role == PartyRole.Seller ? ContractDocumentParty.SellerRole : ContractDocumentParty.BuyerRole,
                        p.Name, p.IdType.DisplayName(), p.IdNumber, p.Phone, p.Share)),
            ],
            SellerAgent = Agent(terms.SellerAgentName, terms.SellerAgentIdNumber),
            BuyerAgent = Agent(terms.BuyerAgentName, terms.BuyerAgentIdNumber),
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
            },
            Delivery = new ContractDelivery { Date = terms.DeliveryDate, Conditions = terms.DeliveryConditions },
            Obligations = new ContractObligations
            {
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
            OtherTerms = terms.OtherTerms,
        };
    }

    private static ContractAgent? Agent(string? name, string? idNumber) =>
        string.IsNullOrWhiteSpace(name) ? null : new ContractAgent(name.Trim(), string.IsNullOrWhiteSpace(idNumber) ? null : idNumber.Trim());

    private static string? Figures(decimal? amount) => amount is { } yuan ? Money.Create(yuan).ToFigures() : null;

    private static string Area(decimal squareMetres) => squareMetres.ToString("0.00", CultureInfo.InvariantCulture);

    private static string? Rate(decimal? rate) => rate?.ToString("0.##", CultureInfo.InvariantCulture);
}
