using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Common;

public class ShanghaiTimeTests
{
    [Theory]
    [InlineData("2026-11-26T15:59:59Z", 2026, 11, 26)]
    [InlineData("2026-11-26T16:00:00Z", 2026, 11, 27)]
    [InlineData("2026-11-25T16:00:00Z", 2026, 11, 26)]
    [InlineData("2026-11-25T15:59:59.9999999Z", 2026, 11, 25)]
    [InlineData("2026-12-31T16:00:00Z", 2027, 1, 1)]
    [InlineData("2028-02-28T16:00:00Z", 2028, 2, 29)]
    [InlineData("2026-11-26T00:00:00+08:00", 2026, 11, 26)]
    [InlineData("2026-11-26T23:59:59+08:00", 2026, 11, 26)]
    [InlineData("2026-11-26T11:00:00-05:00", 2026, 11, 27)]
    [InlineData("2026-11-26T10:59:59-05:00", 2026, 11, 26)]
    public void DateOf_GivesTheAsiaShanghaiDate(string instant, int year, int month, int day)
    {
        var date = ShanghaiTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Fact]
    public void ToShanghai_KeepsTheInstant_AndUsesUtcPlusEight()
    {
        var utc = new DateTimeOffset(2026, 11, 26, 15, 59, 59, TimeSpan.Zero);

        var shanghai = ShanghaiTime.ToShanghai(utc);

        Assert.Equal(TimeSpan.FromHours(8), shanghai.Offset);
        Assert.Equal(utc, shanghai);
        Assert.Equal(new DateTime(2026, 11, 26, 23, 59, 59, DateTimeKind.Unspecified), shanghai.DateTime);
    }

    [Fact]
    public void Today_IsTheShanghaiDateOfTheClock()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 27), ShanghaiTime.Today(clock));
    }

    [Fact]
    public void Today_ThrowsArgumentNullException_WhenTheClockIsNull()
    {
        Assert.Throws<ArgumentNullException>(() => ShanghaiTime.Today(null!));
    }

    [Fact]
    public void ADay_BeginsAt1600UtcTheDayBefore_AndEndsWhereTheNextBegins()
    {
        var date = new DateOnly(2026, 11, 27);

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero), ShanghaiTime.StartOfDay(date));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), ShanghaiTime.EndOfDay(date));
        Assert.Equal(date, ShanghaiTime.DateOf(ShanghaiTime.StartOfDay(date)));
        Assert.Equal(date, ShanghaiTime.DateOf(ShanghaiTime.EndOfDay(date).AddTicks(-1)));
    }

    /// <summary>A filter typed as 0001-01-01 or 9999-12-31 (a staff page's date box) means "from the start" / "to the end".</summary>
    [Fact]
    public void TheFirstAndLastDaysOfTheCalendar_MapToTheEarliestAndLatestInstants()
    {
        Assert.Equal(DateTimeOffset.MinValue, ShanghaiTime.StartOfDay(DateOnly.MinValue));
        Assert.Equal(DateTimeOffset.MaxValue, ShanghaiTime.EndOfDay(DateOnly.MaxValue));
        Assert.Equal(new DateTimeOffset(1, 1, 1, 16, 0, 0, TimeSpan.Zero), ShanghaiTime.EndOfDay(DateOnly.MinValue));
    }
}
