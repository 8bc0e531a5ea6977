namespace Wuhan.Resale.Domain.Districts;

/// <summary>
/// One row of the 限购 policy table: from <see cref="EffectiveFrom"/> on, homes in the district are
/// restricted or not, until a later row for the same district takes over. Policy is data, not code.
/// </summary>
public sealed class RestrictionPolicy
{
    private RestrictionPolicy() { DistrictCode = string.Empty; }

    public RestrictionPolicy(Guid id, string districtCode, DateOnly effectiveFrom, bool restricted, string? note)
    {
        Id = id;
        DistrictCode = districtCode;
        EffectiveFrom = effectiveFrom;
        Restricted = restricted;
        Note = note;
    }

    public Guid Id { get; private set; }

    public string DistrictCode { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public bool Restricted { get; private set; }

    public string? Note { get; private set; }
}
