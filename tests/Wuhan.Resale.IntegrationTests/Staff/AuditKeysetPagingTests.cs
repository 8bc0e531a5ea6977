using AngleSharp.Html.Dom;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.Staff;

/// <summary>The audit viewer's 下一页 continues where the page ended, on SQLite.</summary>
public sealed class AuditKeysetPagingTests() : AuditKeysetPagingContract(DatabaseProvider.Sqlite);

/// <summary>The same on PostgreSQL.</summary>
public sealed class AuditKeysetPagingOnPostgreSqlTests() : AuditKeysetPagingContract(DatabaseProvider.PostgreSql);

/// <summary>
/// 下一页 on the audit log carries the time and id of the last row shown and reads on from there: following it through
/// rows written in the same instant shows every row once, in the same order as numbered pages — and an event written
/// while someone reads does not push a row they saw onto the next page again, as skipping a count of rows would.
/// </summary>
public abstract class AuditKeysetPagingContract : IDisposable
{
    private const int Rows = 120;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    protected AuditKeysetPagingContract(DatabaseProvider provider) => _factory = new PortalFactory { Clock = _clock, Provider = provider };

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task FollowingNextPage_ShowsEveryRowOnce_InTheOrderOfNumberedPages_EvenAsNewEventsArrive()
    {
        // One instant for all, as a burst of events can share one: only the id orders them.
        await AddAsync(Enumerable.Range(0, Rows).Select(i => $"row-{i:D3}"));
        using var admin = await StaffLogin.SignInAsync(_factory, "admin");
        var numbered = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            numbered.AddRange(Details(await Forms.GetDocumentAsync(admin, $"/staff/audit?action=test.keyset&page={n}")));
        }

        var followed = new List<string>();
        var links = new List<string>();
        var page = await Forms.GetDocumentAsync(admin, "/staff/audit?action=test.keyset");
        while (true)
        {
            followed.AddRange(Details(page));
            var next = page.QuerySelectorAll("nav.actions a").FirstOrDefault(a => a.TextContent == "下一页")?.GetAttribute("href");
            if (next is null)
            {
                break;
            }

            links.Add(next);
            _clock.Advance(TimeSpan.FromSeconds(1));
            await AddAsync([$"newer-{links.Count}"]);
            page = await Forms.GetDocumentAsync(admin, next);
        }

        Assert.Equal(2, links.Count);
        Assert.All(links, link => Assert.Contains("&after=", link, StringComparison.Ordinal));
        Assert.Equal(Rows, followed.Count);
        Assert.Equal(Rows, followed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(numbered, followed);
    }

    private Task<int> AddAsync(IEnumerable<string> details) => _factory.WithDbAsync(db =>
    {
        foreach (var detail in details)
        {
            db.AuditEvents.Add(new AuditEvent(Guid.NewGuid(), _clock.GetUtcNow(), ActorKind.System, null, "测试", "test.keyset", null, null, detail, null, null));
        }

        return db.SaveChangesAsync();
    });

    private static IEnumerable<string> Details(IHtmlDocument page) =>
        page.QuerySelectorAll("#audit tbody td[data-label='说明']").Select(td => td.TextContent.Trim());
}
