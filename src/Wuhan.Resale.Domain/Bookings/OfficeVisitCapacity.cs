namespace Wuhan.Resale.Domain.Bookings;

/// <summary>How many visits one district office accepts per half-day; set by staff. Offices without a row take <see cref="Default"/>.</summary>
public sealed class OfficeVisitCapacity
{
    public const int Default = 10;
    public const int Maximum = 200;

    private OfficeVisitCapacity() { DistrictCode = string.Empty; }

    public OfficeVisitCapacity(string districtCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(districtCode);
        DistrictCode = districtCode;
        PerHalfDay = Default;
    }

    public string DistrictCode { get; private set; }

    public int PerHalfDay { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public void Set(int perHalfDay, DateTimeOffset now)
    {
        if (perHalfDay is < 0 or > Maximum)
        {
            throw new DomainException($"每个时段的名额应在0到{Maximum}之间（0表示暂停预约）。");
        }

        PerHalfDay = perHalfDay;
        UpdatedAt = now;
    }
}
