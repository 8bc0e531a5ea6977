namespace Wuhan.Resale.Domain.Properties;

/// <summary>
/// What the property registry says about one home. Immutable: the portal never edits registry facts,
/// it only records a copy of what the registry answered and when.
/// </summary>
public sealed record PropertyFacts
{
    public required string CertificateNumber { get; init; }

    public string? LandCertificateNumber { get; init; }

    /// <summary>Null when the registry does not know the district (限购 cannot then be determined).</summary>
    public string? DistrictCode { get; init; }

    public required string Location { get; init; }

    public string? Structure { get; init; }

    public decimal BuildingArea { get; init; }

    public decimal? LandArea { get; init; }

    /// <summary>设计用途 such as 住宅 or 商业; null when the registry has none.</summary>
    public string? DesignPurpose { get; init; }

    public int? Floor { get; init; }

    public int? TotalFloors { get; init; }

    public string? RoomType { get; init; }

    public DateOnly? CertificateIssuedOn { get; init; }

    public DateOnly? RegisteredOn { get; init; }

    public required string BusinessType { get; init; }

    public required string ResultType { get; init; }

    public required string BusinessStatus { get; init; }

    public bool InWuhan { get; init; } = true;

    public Encumbrances Encumbrances { get; init; } = Encumbrances.None;

    /// <summary>The mortgagee (抵押权人) of a mortgaged home, when the registry names one: a bank's code and name.</summary>
    public string? MortgageeCode { get; init; }

    public string? MortgageeName { get; init; }

    public IReadOnlyList<PropertyOwnerFacts> Owners { get; init; } = [];
}

public sealed record PropertyOwnerFacts(string Name, ValueObjects.IdType IdType, string IdNumber, string Share);
