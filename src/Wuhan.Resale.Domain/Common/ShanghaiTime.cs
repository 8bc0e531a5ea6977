namespace Wuhan.Resale.Domain.Common;

/// <summary>All business dates ("today", filing date) are Asia/Shanghai dates, whatever the server's zone.</summary>
public static class ShanghaiTime
{
    // China has used UTC+8 without daylight saving since 1991, so a fixed offset is exact for every
    // date this service handles and does not depend on the tz database being installed.
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToShanghai(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToShanghai(instant).DateTime);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }
}
