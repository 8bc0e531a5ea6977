using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>
/// Shared, synthetic test values. Every resident ID number below was computed with the GB 11643 MOD 11-2 rule
/// (weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; check characters "10X98765432") and is parsed through
/// <see cref="IdNumber.Parse"/> by the builders, so a wrong one fails loudly.
/// </summary>
public static class TestData
{
    /// <summary>江岸区: a restricted (限购) district in the default policy table.</summary>
    public const string JianganDistrict = "420102";

    /// <summary>武昌区: a not-restricted district in the default policy table.</summary>
    public const string WuchangDistrict = "420106";

    /// <summary>洪山区: a district with no row in the default policy table.</summary>
    public const string HongshanDistrict = "420111";

    /// <summary>A code from before a re-division: the registry may still record it; the district table no longer has it.</summary>
    public const string RetiredDistrict = "420199";

    public const string SellerName = "张三";
    public const string SellerIdNumber = "420102198503120470";
    public const string SellerPhone = "14000000001";

    public const string CoOwnerName = "李四";
    public const string CoOwnerIdNumber = "420106199003071238";
    public const string CoOwnerPhone = "14000000002";

    public const string OtherPersonIdNumber = "42011119780101001X";

    public const string CertificateNumber = "鄂(2020)武汉市江岸不动产权第0000001号";

    /// <summary>2026-11-26 10:00 in Asia/Shanghai.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The Asia/Shanghai date of <see cref="Now"/>.</summary>
    public static DateOnly Today { get; } = new(2026, 11, 26);

    /// <summary>The district table: the codes a seller may choose from when the registry left a gap.</summary>
    public static IReadOnlyList<string> CityDistricts { get; } = [JianganDistrict, WuchangDistrict, HongshanDistrict];

    /// <summary>Twelve distinct, valid resident ID numbers for buyers (more than <c>Listing.MaxBuyers</c>).</summary>
    public static IReadOnlyList<string> BuyerIdNumbers { get; } =
    [
        "420111199001011005",
        "420111199001011013",
        "420111199001011021",
        "42011119900101103X",
        "420111199001011048",
        "420111199001011056",
        "420111199001011064",
        "420111199001011072",
        "420111199001011080",
        "420111199001021094",
        "420111199001021107",
        "420111199001021115",
    ];

    public static IdNumber ResidentId(string value) => IdNumber.Parse(IdType.ResidentIdCard, value, Today);
}
