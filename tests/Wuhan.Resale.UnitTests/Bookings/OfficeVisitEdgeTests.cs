using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Bookings;

namespace Wuhan.Resale.UnitTests.Bookings;

/// <summary>
/// 预约到窗口办理 at its edges, as the seller and the office staff read it: the 14th day ahead can still be booked, a
/// booking can be cancelled on its own day, the refusals in their words, a slot of 200 visits, and the half-day and
/// state a booking shows.
/// </summary>
public class OfficeVisitEdgeTests
{
    // Thursday 26 November 2026 in Wuhan; 10 December, fourteen days on, is a Thursday too.
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static OfficeVisit Book(DateOnly date, HalfDay halfDay = HalfDay.Morning) =>
        OfficeVisit.Book(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "420173", date, halfDay, 0, 10, Today, Now);

    [Fact]
    public void TheFourteenthDayAhead_CanBeBooked_AndTheFifteenthCannot()
    {
        var last = Book(Today.AddDays(OfficeVisit.DaysAhead));

        var tooFar = Assert.Throws<DomainException>(() => Book(Today.AddDays(OfficeVisit.DaysAhead + 1)));

        Assert.Equal(new DateOnly(2026, 12, 10), last.Date);
        Assert.Equal("请选择明天起14天内的日期。", tooFar.Message);
    }

    [Fact]
    public void AHalfDayThatIsNeitherMorningNorAfternoon_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => Book(new DateOnly(2026, 11, 27), (HalfDay)2));

        Assert.Equal("请选择上午或下午。", refused.Message);
    }

    [Fact]
    public void ABooking_CanBeCancelledOnItsOwnDay()
    {
        var visit = Book(new DateOnly(2026, 11, 27));
        var onTheDay = Now.AddDays(1);

        visit.Cancel(new DateOnly(2026, 11, 27), onTheDay);

        Assert.Equal((OfficeVisitStatus.Cancelled, (DateTimeOffset?)onTheDay), (visit.Status, visit.CancelledAt));
    }

    [Fact]
    public void CancellingTwice_IsRefused_SayingItIsAlreadyCancelled_AndKeepsTheFirstTime()
    {
        var visit = Book(new DateOnly(2026, 11, 27));
        visit.Cancel(Today, Now);

        var again = Assert.Throws<DomainException>(() => visit.Cancel(Today, Now.AddHours(1)));

        Assert.Equal("该预约已经取消。", again.Message);
        Assert.Equal(Now, visit.CancelledAt);
    }

    [Fact]
    public void ABooking_ShowsItsHalfDay_AndItsState_BeforeAndAfterCancelling()
    {
        var morning = Book(new DateOnly(2026, 11, 27), HalfDay.Morning);
        var afternoon = Book(new DateOnly(2026, 11, 27), HalfDay.Afternoon);

        Assert.Equal(("上午", "下午"), (morning.HalfDay.DisplayName(), afternoon.HalfDay.DisplayName()));
        Assert.Equal("已预约", morning.Status.DisplayName());
        morning.Cancel(Today, Now);
        Assert.Equal("已取消", morning.Status.DisplayName());
    }

    [Fact]
    public void ACapacityOf200_IsKept_And201_IsRefusedInTheStaffsWords()
    {
        var capacity = new OfficeVisitCapacity("420173");

        capacity.Set(OfficeVisitCapacity.Maximum, Now);
        var refused = Assert.Throws<DomainException>(() => capacity.Set(OfficeVisitCapacity.Maximum + 1, Now.AddHours(1)));

        Assert.Equal((200, (DateTimeOffset?)Now), (capacity.PerHalfDay, capacity.UpdatedAt));
        Assert.Equal("每个时段的名额应在0到200之间（0表示暂停预约）。", refused.Message);
    }
}
