namespace Wuhan.Resale.Domain.Districts;

/// <summary>The 限购 class of a verified home.</summary>
public enum RestrictionClass
{
    /// <summary>限购: the buyer must be eligible to buy in this district.</summary>
    Restricted,

    /// <summary>非限购.</summary>
    NotRestricted,

    /// <summary>无法判断: the filing must be made offline at the district office.</summary>
    Undetermined,
}

/// <summary>Classifies a home against the policy table on a given date.</summary>
public static class PurchaseRestriction
{
    /// <summary>Design purposes that are housing; 限购 applies to housing only.</summary>
    private static readonly string[] ResidentialPurposes = ["住宅", "成套住宅", "非成套住宅", "公寓", "别墅"];

    /// <summary>Purposes known not to be housing. Anything on neither list (商住, 其它, …) cannot be decided online.</summary>
    private static readonly string[] NonResidentialPurposes = ["商业", "商服", "办公", "车库", "车位", "工业", "仓储", "厂房"];

    public static bool IsResidential(string designPurpose) =>
        ResidentialPurposes.Contains(designPurpose.Trim(), StringComparer.Ordinal);

    public static bool IsKnownNonResidential(string designPurpose) =>
        NonResidentialPurposes.Contains(designPurpose.Trim(), StringComparer.Ordinal);

    public static RestrictionClass Classify(
        string? districtCode, string? designPurpose, IEnumerable<RestrictionPolicy> policies, DateOnly onDate)
    {
        ArgumentNullException.ThrowIfNull(policies);
        if (string.IsNullOrWhiteSpace(districtCode) || string.IsNullOrWhiteSpace(designPurpose))
        {
            return RestrictionClass.Undetermined;
        }

        if (IsKnownNonResidential(designPurpose))
        {
            return RestrictionClass.NotRestricted;
        }

        if (!IsResidential(designPurpose))
        {
            return RestrictionClass.Undetermined;
        }

        var inForce = policies
            .Where(p => p.DistrictCode == districtCode && p.EffectiveFrom <= onDate)
            .OrderByDescending(p => p.EffectiveFrom)
            .FirstOrDefault();

        return inForce switch
        {
            null => RestrictionClass.Undetermined,
            { Restricted: true } => RestrictionClass.Restricted,
            _ => RestrictionClass.NotRestricted,
        };
    }
}

public static class RestrictionClassNames
{
    public static string DisplayName(this RestrictionClass value) => value switch
    {
        RestrictionClass.Restricted => "限购",
        RestrictionClass.NotRestricted => "非限购",
        _ => "无法判断",
    };
}
