using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.Persistence;

/// <summary>
/// A time is stored as its instant: whatever offset it was written with, it compares, sorts and reads back as the same
/// moment. Retention, expiry and the audit log's ranges all depend on it.
/// </summary>
public sealed class TimesAtRestTests
{
    // 10:00 in Wuhan is 02:00 UTC: earlier than 03:00 UTC, though its clock time is later.
    private static readonly DateTimeOffset TenInWuhan = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset ThreeUtc = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TimesWrittenWithDifferentOffsets_CompareAndSortAsInstants(DatabaseProvider provider)
    {
        using var factory = new PortalFactory { Provider = provider };
        var purpose = "time-test-" + provider;
        await factory.WithDbAsync(async db =>
        {
            db.SmsMessages.Add(new SmsMessage(Guid.CreateVersion7(), "13900000000", "later", purpose, ThreeUtc));
            db.SmsMessages.Add(new SmsMessage(Guid.CreateVersion7(), "13900000000", "earlier", purpose, TenInWuhan));
            return await db.SaveChangesAsync();
        });

        var ordered = await factory.WithDbAsync(db => db.SmsMessages.AsNoTracking()
            .Where(m => m.Purpose == purpose).OrderBy(m => m.CreatedAt).Select(m => m.Text).ToListAsync());
        var beforeThree = await factory.WithDbAsync(db => db.SmsMessages.AsNoTracking()
            .Where(m => m.Purpose == purpose && m.CreatedAt < ThreeUtc).Select(m => m.Text).ToListAsync());
        var read = await factory.WithDbAsync(db => db.SmsMessages.AsNoTracking().SingleAsync(m => m.Purpose == purpose && m.Text == "earlier"));

        Assert.Equal(["earlier", "later"], ordered);
        Assert.Equal(["earlier"], beforeThree);
        Assert.Equal(TenInWuhan, read.CreatedAt); // the same instant (DateTimeOffset equality compares instants)
        Assert.Equal(TimeSpan.Zero, read.CreatedAt.Offset);
    }
}
