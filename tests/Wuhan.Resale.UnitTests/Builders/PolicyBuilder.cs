using Wuhan.Resale.Domain.Districts;

namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>Rows of the 限购 policy table.</summary>
public static class PolicyBuilder
{
    public static DateOnly LongAgo { get; } = new(2020, 1, 1);

    public static RestrictionPolicy Restricted(string districtCode, DateOnly? effectiveFrom = null) =>
        new(Guid.NewGuid(), districtCode, effectiveFrom ?? LongAgo, restricted: true, note: null);

    public static RestrictionPolicy NotRestricted(string districtCode, DateOnly? effectiveFrom = null) =>
        new(Guid.NewGuid(), districtCode, effectiveFrom ?? LongAgo, restricted: false, note: null);

    /// <summary>江岸 restricted, 武昌 not restricted, 洪山 absent.</summary>
    public static IReadOnlyList<RestrictionPolicy> Default() =>
    [
        Restricted(TestData.JianganDistrict),
        NotRestricted(TestData.WuchangDistrict),
    ];
}
