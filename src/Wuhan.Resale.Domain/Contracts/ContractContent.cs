using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Wuhan.Resale.Domain.Listings;

namespace Wuhan.Resale.Domain.Contracts;

/// <summary>
/// A fingerprint of everything a party agrees to when they confirm a filing: the home as the registry records it,
/// every party (name, ID, phone, share) and every term and installment. Filing codes are bound to it, and
/// <see cref="Contract.File"/> refuses when the contract no longer has the fingerprint the parties confirmed.
/// </summary>
public static class ContractContent
{
    /// <summary>Hex SHA-256 (64 characters) of a canonical text of the contract; culture and order independent.</summary>
    public static string Hash(Contract contract, Listing listing, IReadOnlyList<ContractPartyDetails> parties)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(parties);
        var home = listing.Home ?? throw new InvalidOperationException("The listing's home must be loaded.");
        var text = new StringBuilder();
        Line(text, "contract", contract.Id);
        Line(text, "listing", listing.ListingCode);
        Line(text, "district", listing.DistrictCode);
        foreach (var fact in new object?[]
                 {
                     home.CertificateNumber, home.LandCertificateNumber, home.Location, home.Structure, home.BuildingArea,
                     home.LandArea, home.CertificateIssuedOn, home.Floor, home.TotalFloors, home.DesignPurpose, home.RoomType,
                 })
        {
            Line(text, "home", fact);
        }

        if (listing.MortgageTransfer)
        {
            // 带押过户: the mortgagee and the loan the bank stated are part of what the parties confirm.
            Line(text, "mortgagee", listing.MortgageeName);
            Line(text, "outstanding-loan", listing.OutstandingLoan);
        }

        foreach (var party in parties)
        {
            Line(text, "party", party.Role);
            Line(text, "name", party.Name);
            Line(text, "id", $"{party.IdType}:{party.IdNumber}");
            Line(text, "phone", party.Phone);
            Line(text, "share", party.Share);
        }

        foreach (var property in typeof(ContractTerms).GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.PropertyType == typeof(SuppliedHomeFacts))
            {
                // 卖方填报 facts are part of 第一条 as confirmed: each one by name, never the record's ToString.
                var supplied = (SuppliedHomeFacts?)property.GetValue(contract.Terms) ?? SuppliedHomeFacts.None;
                foreach (var fact in typeof(SuppliedHomeFacts).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                             .Where(p => p.Name != nameof(SuppliedHomeFacts.IsEmpty)).OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    Line(text, "supplied." + fact.Name, fact.GetValue(supplied));
                }

                continue;
            }

            Line(text, property.Name, property.GetValue(contract.Terms));
        }

        foreach (var installment in contract.Schedule)
        {
            Line(text, "installment", installment.Order);
            Line(text, "due", installment.DueOn);
            Line(text, "amount", installment.Amount);
            Line(text, "description", installment.Description);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Length-prefixed values: no value can be crafted to look like two.
    private static void Line(StringBuilder text, string key, object? value)
    {
        var formatted = Format(value);
        text.Append(key).Append('=').Append(formatted.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(formatted).Append('\n');
    }

    private static string Format(object? value) => value switch
    {
        null => "∅",
        decimal number => number.ToString("0.##########", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
