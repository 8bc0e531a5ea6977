namespace Wuhan.Resale.Domain.Common;

/// <summary>All business dates ("today", filing date) are Asia/Shanghai dates, whatever the server's zone.</summary>
public static class ShanghaiTime
{
    // China has used UTC+8 without daylight saving since 1991, so a fixed offset is exact for every
    // date this service handles and does not depend on the tz database being installed.
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToShanghai(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToShanghai(instant).DateTime);

    /// <summary>
    /// The instant (UTC) at which this Shanghai date begins. The first day of the calendar begins before any instant .NET
    /// can hold, so it maps to the earliest one: a filter "from 0001-01-01" means "from the start".
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly date) =>
        date == DateOnly.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>The instant (UTC) at which the Shanghai date after this one begins: the exclusive end of <paramref name="date"/>.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) =>
        date == DateOnly.MaxValue ? DateTimeOffset.MaxValue : StartOfDay(date.AddDays(1));

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }
}
