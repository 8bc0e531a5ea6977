using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Domain.Properties;

/// <summary>How a home came into a query's list of homes for sale.</summary>
public enum PropertyRecordSource
{
    /// <summary>Returned by the registry's "homes of this person" query.</summary>
    Query,

    /// <summary>Added by the seller through 个人名下不动产信息查询 (a certificate number look-up).</summary>
    CertificateLookup,
}

/// <summary>The portal's copy of one home as the property registry described it, owned by a query.</summary>
public sealed class PropertyRecord
{
    private readonly List<PropertyOwner> _owners = [];

    private PropertyRecord()
    {
        CertificateNumber = Location = BusinessType = ResultType = BusinessStatus = string.Empty;
    }

    internal PropertyRecord(Guid id, Guid queryId, PropertyFacts facts, PropertyRecordSource source)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Id = id;
        QueryId = queryId;
        Source = source;
        CertificateNumber = facts.CertificateNumber;
        LandCertificateNumber = facts.LandCertificateNumber;
        DistrictCode = facts.DistrictCode;
        Location = facts.Location;
        Structure = facts.Structure;
        BuildingArea = facts.BuildingArea;
        LandArea = facts.LandArea;
        DesignPurpose = facts.DesignPurpose;
        Floor = facts.Floor;
        TotalFloors = facts.TotalFloors;
        RoomType = facts.RoomType;
        CertificateIssuedOn = facts.CertificateIssuedOn;
        RegisteredOn = facts.RegisteredOn;
        BusinessType = facts.BusinessType;
        ResultType = facts.ResultType;
        BusinessStatus = facts.BusinessStatus;
        InWuhan = facts.InWuhan;
        IsSeized = facts.Encumbrances.Seized;
        IsMortgaged = facts.Encumbrances.Mortgaged;
        IsUnderObjection = facts.Encumbrances.UnderObjection;
        IsUnderAdvanceNotice = facts.Encumbrances.UnderAdvanceNotice;
        MortgageeCode = facts.Encumbrances.Mortgaged ? facts.MortgageeCode : null;
        MortgageeName = facts.Encumbrances.Mortgaged ? facts.MortgageeName : null;
        _owners.AddRange(facts.Owners.Select(o => new PropertyOwner(o.Name, o.IdType, o.IdNumber, o.Share)));
    }

    public Guid Id { get; private set; }

    public Guid QueryId { get; private set; }

    public PropertyRecordSource Source { get; private set; }

    public string CertificateNumber { get; private set; }

    public string? LandCertificateNumber { get; private set; }

    public string? DistrictCode { get; private set; }

    public string Location { get; private set; }

    public string? Structure { get; private set; }

    public decimal BuildingArea { get; private set; }

    public decimal? LandArea { get; private set; }

    public string? DesignPurpose { get; private set; }

    public int? Floor { get; private set; }

    public int? TotalFloors { get; private set; }

    public string? RoomType { get; private set; }

    public DateOnly? CertificateIssuedOn { get; private set; }

    public DateOnly? RegisteredOn { get; private set; }

    public string BusinessType { get; private set; }

    public string ResultType { get; private set; }

    public string BusinessStatus { get; private set; }

    public bool InWuhan { get; private set; }

    public bool IsSeized { get; private set; }

    public bool IsMortgaged { get; private set; }

    public bool IsUnderObjection { get; private set; }

    public bool IsUnderAdvanceNotice { get; private set; }

    /// <summary>The bank the registry names as mortgagee (抵押权人), by its code; null when not mortgaged or not named.</summary>
    public string? MortgageeCode { get; private set; }

    public string? MortgageeName { get; private set; }

    /// <summary>A mortgaged home whose mortgagee the registry names can be sold with its mortgage (带押过户) if that bank agrees.</summary>
    public bool MayTransferWithMortgage => IsMortgaged && !string.IsNullOrEmpty(MortgageeCode);

    public IReadOnlyList<PropertyOwner> Owners => _owners;

    public Encumbrances Encumbrances => new(IsSeized, IsMortgaged, IsUnderObjection, IsUnderAdvanceNotice);

    public bool IsOwnedBy(IdType type, string idNumber) => _owners.Exists(o => o.Is(type, idNumber));
}
