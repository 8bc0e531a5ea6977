using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Web.Integrations.Embedded;

/// <summary>A row of the embedded citizen registry (公安人口库 stand-in), filled from the demo data set.</summary>
public sealed class EmbeddedCitizen
{
    public Guid Id { get; set; }

    /// <summary>The demo data key, e.g. "seller-clean".</summary>
    public string Key { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public IdType IdType { get; set; }

    public string IdNumber { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;
}

/// <summary>
/// What the property registry records about a home, as the embedded registry stores it and the demo data set
/// describes it (<see cref="EmbeddedProperty"/>, <c>DemoProperty</c>).
/// </summary>
public abstract class RegisteredHome
{
    public string Key { get; set; } = string.Empty;

    public string CertificateNumber { get; set; } = string.Empty;

    public string? LandCertificateNumber { get; set; }

    public string? DistrictCode { get; set; }

    public string Location { get; set; } = string.Empty;

    public string? Structure { get; set; }

    public decimal BuildingArea { get; set; }

    public decimal? LandArea { get; set; }

    public string? DesignPurpose { get; set; }

    public int? Floor { get; set; }

    public int? TotalFloors { get; set; }

    public string? RoomType { get; set; }

    public DateOnly? CertificateIssuedOn { get; set; }

    public DateOnly? RegisteredOn { get; set; }

    public string BusinessType { get; set; } = string.Empty;

    public string ResultType { get; set; } = string.Empty;

    public string BusinessStatus { get; set; } = string.Empty;

    public bool InWuhan { get; set; } = true;

    /// <summary>The registry's person query leaves this home out; only a certificate look-up finds it.</summary>
    public bool HiddenFromQuery { get; set; }

    /// <summary>For a mortgaged home: the mortgagee bank's code (a bank partner's institution code) and name.</summary>
    public string? MortgageeCode { get; set; }

    public string? MortgageeName { get; set; }

    /// <summary>Takes every registry fact of <paramref name="source"/>; the key stays.</summary>
    public void CopyFactsFrom(RegisteredHome source)
    {
        ArgumentNullException.ThrowIfNull(source);
        CertificateNumber = source.CertificateNumber;
        LandCertificateNumber = source.LandCertificateNumber;
        DistrictCode = source.DistrictCode;
        Location = source.Location;
        Structure = source.Structure;
        BuildingArea = source.BuildingArea;
        LandArea = source.LandArea;
        DesignPurpose = source.DesignPurpose;
        Floor = source.Floor;
        TotalFloors = source.TotalFloors;
        RoomType = source.RoomType;
        CertificateIssuedOn = source.CertificateIssuedOn;
        RegisteredOn = source.RegisteredOn;
        BusinessType = source.BusinessType;
        ResultType = source.ResultType;
        BusinessStatus = source.BusinessStatus;
        InWuhan = source.InWuhan;
        HiddenFromQuery = source.HiddenFromQuery;
        MortgageeCode = source.MortgageeCode;
        MortgageeName = source.MortgageeName;
    }
}

/// <summary>A home in the embedded property registry (不动产登记 stand-in).</summary>
public sealed class EmbeddedProperty : RegisteredHome
{
    public Guid Id { get; set; }

    public bool Seized { get; set; }

    public bool Mortgaged { get; set; }

    public bool UnderObjection { get; set; }

    public bool UnderAdvanceNotice { get; set; }

    public List<EmbeddedPropertyOwner> Owners { get; } = [];

    public PropertyFacts ToFacts() => new()
    {
        CertificateNumber = CertificateNumber,
        LandCertificateNumber = LandCertificateNumber,
        DistrictCode = DistrictCode,
        Location = Location,
        Structure = Structure,
        BuildingArea = BuildingArea,
        LandArea = LandArea,
        DesignPurpose = DesignPurpose,
        Floor = Floor,
        TotalFloors = TotalFloors,
        RoomType = RoomType,
        CertificateIssuedOn = CertificateIssuedOn,
        RegisteredOn = RegisteredOn,
        BusinessType = BusinessType,
        ResultType = ResultType,
        BusinessStatus = BusinessStatus,
        InWuhan = InWuhan,
        Encumbrances = new Encumbrances(Seized, Mortgaged, UnderObjection, UnderAdvanceNotice),
        MortgageeCode = MortgageeCode,
        MortgageeName = MortgageeName,
        Owners = [.. Owners.Select(o => new PropertyOwnerFacts(o.Name, o.IdType, o.IdNumber, o.Share))],
    };
}

public sealed class EmbeddedPropertyOwner
{
    public string Name { get; set; } = string.Empty;

    public IdType IdType { get; set; }

    public string IdNumber { get; set; } = string.Empty;

    public string Share { get; set; } = string.Empty;
}
