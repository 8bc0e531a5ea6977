using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Bookings;

namespace Wuhan.Resale.UnitTests.Bookings;

/// <summary>预约到窗口办理: which dates and slots can be booked, and when a booking can be cancelled.</summary>
public class OfficeVisitTests
{
    // Thursday 26 November 2026 in Wuhan.
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static OfficeVisit Book(DateOnly date, HalfDay halfDay = HalfDay.Morning, int booked = 0, int capacity = 10) =>
        OfficeVisit.Book(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "420173", date, halfDay, booked, capacity, Today, Now);

    [Fact]
    public void BookableDates_AreTheWorkingDaysOfTheNextTwoWeeks_FromTomorrow()
    {
        var dates = OfficeVisit.BookableDates(Today);

        Assert.Equal(new DateOnly(2026, 11, 27), dates[0]);
        Assert.Equal(new DateOnly(2026, 12, 10), dates[^1]);
        Assert.Equal(10, dates.Count);
        Assert.DoesNotContain(dates, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void ABooking_OnAWorkingDayWithRoom_IsBooked()
    {
        var visit = Book(new DateOnly(2026, 11, 30), HalfDay.Afternoon, booked: 9);

        Assert.Equal(OfficeVisitStatus.Booked, visit.Status);
        Assert.Equal(HalfDay.Afternoon, visit.HalfDay);
        Assert.Equal(Now, visit.CreatedAt);
    }

    [Theory]
    [InlineData(2026, 11, 26, "明天起")]
    [InlineData(2026, 11, 20, "明天起")]
    [InlineData(2026, 12, 11, "明天起")]
    [InlineData(2026, 11, 28, "周六、周日")]
    public void ADayThatCannotBeBooked_IsRefusedWithItsReason(int year, int month, int day, string reason)
    {
        var ex = Assert.Throws<DomainException>(() => Book(new DateOnly(year, month, day)));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(0, 0)]
    public void AFullSlot_IsRefused(int booked, int capacity)
    {
        var ex = Assert.Throws<DomainException>(() => Book(new DateOnly(2026, 11, 27), booked: booked, capacity: capacity));
        Assert.Contains("已约满", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABooking_IsCancelledOnce_AndNotAfterItsDay()
    {
        var visit = Book(new DateOnly(2026, 11, 27));
        visit.Cancel(Today, Now);
        Assert.Equal(OfficeVisitStatus.Cancelled, visit.Status);
        Assert.Equal(Now, visit.CancelledAt);
        Assert.Throws<DomainException>(() => visit.Cancel(Today, Now));

        var past = Book(new DateOnly(2026, 11, 27));
        var ex = Assert.Throws<DomainException>(() => past.Cancel(new DateOnly(2026, 11, 28), Now.AddDays(2)));
        Assert.Contains("已过", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(201)]
    public void ACapacityOutsideItsRange_IsRefused(int perHalfDay)
    {
        var capacity = new OfficeVisitCapacity("420173");
        Assert.Equal(OfficeVisitCapacity.Default, capacity.PerHalfDay);
        Assert.Throws<DomainException>(() => capacity.Set(perHalfDay, Now));
        capacity.Set(0, Now);
        Assert.Equal(0, capacity.PerHalfDay);
    }
}
