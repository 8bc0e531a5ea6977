using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>
/// Builds what the registry says about a home. By default: a clean 住宅 in 江岸区 (restricted), in Wuhan,
/// owned by the default seller alone.
/// </summary>
public sealed class PropertyFactsBuilder
{
    private readonly List<PropertyOwnerFacts> _owners = [];
    private string _certificateNumber = TestData.CertificateNumber;
    private string? _districtCode = TestData.JianganDistrict;
    private string? _designPurpose = "住宅";
    private bool _inWuhan = true;
    private Encumbrances _encumbrances = Encumbrances.None;
    private readonly List<Func<PropertyFacts, PropertyFacts>> _changes = [];

    public PropertyFactsBuilder WithCertificateNumber(string certificateNumber)
    {
        _certificateNumber = certificateNumber;
        return this;
    }

    public PropertyFactsBuilder InDistrict(string? districtCode)
    {
        _districtCode = districtCode;
        return this;
    }

    public PropertyFactsBuilder WithDesignPurpose(string? designPurpose)
    {
        _designPurpose = designPurpose;
        return this;
    }

    public PropertyFactsBuilder OutsideWuhan()
    {
        _inWuhan = false;
        return this;
    }

    public PropertyFactsBuilder WithEncumbrances(Encumbrances encumbrances)
    {
        _encumbrances = encumbrances;
        return this;
    }

    /// <summary>Any other change to the built facts, e.g. <c>f => f with { Floor = 7 }</c>.</summary>
    public PropertyFactsBuilder With(Func<PropertyFacts, PropertyFacts> change)
    {
        _changes.Add(change);
        return this;
    }

    public PropertyFactsBuilder OwnedBy(string name, string idNumber, string share = "共同共有")
    {
        _owners.Add(new PropertyOwnerFacts(name, IdType.ResidentIdCard, TestData.ResidentId(idNumber).Value, share));
        return this;
    }

    public PropertyFacts Build() => _changes.Aggregate(Defaults(), (facts, change) => change(facts));

    private PropertyFacts Defaults() => new()
    {
        CertificateNumber = _certificateNumber,
        DistrictCode = _districtCode,
        Location = "武汉市江岸区沿江大道1号1栋1单元101室",
        BuildingArea = 89.5m,
        Structure = "钢筋混凝土",
        LandArea = 11.2m,
        Floor = 6,
        TotalFloors = 18,
        RoomType = "两室一厅",
        CertificateIssuedOn = new DateOnly(2018, 4, 9),
        DesignPurpose = _designPurpose,
        BusinessType = "转移登记",
        ResultType = "不动产权证书",
        BusinessStatus = "现势",
        InWuhan = _inWuhan,
        Encumbrances = _encumbrances,
        Owners = _owners.Count > 0
            ? [.. _owners]
            : [new PropertyOwnerFacts(TestData.SellerName, IdType.ResidentIdCard, TestData.SellerIdNumber, "100%")],
    };

    /// <summary>
    /// The registry copy as the portal stores it. <see cref="PropertyRecord"/>'s constructor is internal, so the
    /// record is obtained the way production obtains it: through a completed <see cref="PropertyQuery"/>.
    /// </summary>
    public PropertyRecord BuildRecord()
    {
        var query = new PropertyQueryBuilder().Build();
        query.Complete([Build()], TestData.Now);
        return query.Records[0];
    }
}
