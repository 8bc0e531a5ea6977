using Wuhan.Resale.Domain.Common;

namespace Wuhan.Resale.Domain.Bookings;

/// <summary>上午 or 下午 at a district office.</summary>
public enum HalfDay
{
    Morning,
    Afternoon,
}

public enum OfficeVisitStatus
{
    /// <summary>已预约.</summary>
    Booked,

    /// <summary>已取消.</summary>
    Cancelled,
}

public static class OfficeVisitNames
{
    public static string DisplayName(this HalfDay halfDay) => halfDay == HalfDay.Morning ? "上午" : "下午";

    public static string DisplayName(this OfficeVisitStatus status) => status == OfficeVisitStatus.Booked ? "已预约" : "已取消";
}

/// <summary>
/// A seller's booked visit to their district office (预约到窗口办理) for a home that must be filed at the counter: one
/// date and half-day slot. The booking guards its own rules: a working day from tomorrow on, at most
/// <see cref="DaysAhead"/> days ahead, within the slot's capacity, and cancellable until the day itself.
/// </summary>
public sealed class OfficeVisit : IAggregateRoot
{
    public const int DaysAhead = 14;

    private OfficeVisit() { DistrictCode = string.Empty; }

    private OfficeVisit(Guid id, Guid listingId, Guid personId, string districtCode, DateOnly date, HalfDay halfDay, DateTimeOffset now)
    {
        Id = id;
        ListingId = listingId;
        PersonId = personId;
        DistrictCode = districtCode;
        Date = date;
        HalfDay = halfDay;
        Status = OfficeVisitStatus.Booked;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ListingId { get; private set; }

    public Guid PersonId { get; private set; }

    public string DistrictCode { get; private set; }

    public DateOnly Date { get; private set; }

    public HalfDay HalfDay { get; private set; }

    public OfficeVisitStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>The days a visit may be booked for, seen from <paramref name="today"/> (Asia/Shanghai): working days only.</summary>
    public static IReadOnlyList<DateOnly> BookableDates(DateOnly today) =>
        [.. Enumerable.Range(1, DaysAhead).Select(today.AddDays).Where(IsWorkingDay)];

    public static bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <param name="bookedInSlot">Visits already booked (not cancelled) at this office for the same date and half-day.</param>
    /// <param name="capacity">How many visits staff accept in one half-day at this office.</param>
    public static OfficeVisit Book(
        Guid id, Guid listingId, Guid personId, string districtCode, DateOnly date, HalfDay halfDay,
        int bookedInSlot, int capacity, DateOnly today, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(districtCode);
        if (!Enum.IsDefined(halfDay))
        {
            throw new DomainException("请选择上午或下午。");
        }

        if (date <= today || date > today.AddDays(DaysAhead))
        {
            throw new DomainException($"请选择明天起{DaysAhead}天内的日期。");
        }

        if (!IsWorkingDay(date))
        {
            throw new DomainException("窗口周六、周日不办公，请选择工作日。");
        }

        if (bookedInSlot >= capacity)
        {
            throw new DomainException("该时段已约满，请选择其他日期或时段。");
        }

        return new OfficeVisit(id, listingId, personId, districtCode, date, halfDay, now);
    }

    public void Cancel(DateOnly today, DateTimeOffset now)
    {
        if (Status == OfficeVisitStatus.Cancelled)
        {
            throw new DomainException("该预约已经取消。");
        }

        if (Date < today)
        {
            throw new DomainException("预约日期已过，不能取消。");
        }

        Status = OfficeVisitStatus.Cancelled;
        CancelledAt = now;
    }
}
