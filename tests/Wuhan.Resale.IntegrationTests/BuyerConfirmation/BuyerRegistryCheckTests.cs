using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data.Seed;
using Wuhan.Resale.Web.Features.BuyerConfirmation;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.BuyerConfirmation;

/// <summary>
/// New buyers with a 居民身份证 are checked against the citizen registry (name + ID number + mobile) before they are
/// saved; the answer never says which of the three is wrong, and the checks are limited per person and Shanghai day.
/// </summary>
public sealed class BuyerRegistryCheckTests : IDisposable
{
    /// <summary>A mobile number that belongs to nobody in the registry: the seller's own second phone.</summary>
    private const string SellersSecondPhone = "14000000099";

    // 23:45 in Shanghai, so a test can cross into the next Shanghai day within one session (the UTC date stays the same).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 15, 45, 0, TimeSpan.Zero));
    private readonly RegistryProbe _registry = new();
    private readonly PortalFactory _factory;

    public BuyerRegistryCheckTests()
    {
        _factory = new PortalFactory
        {
            Clock = _clock,
            ConfigureServices = services => services.AddScoped<ICitizenRegistry>(sp => new ProbedCitizenRegistry(
                _registry, ActivatorUtilities.CreateInstance<Web.Integrations.Embedded.EmbeddedCitizenRegistry>(sp))),
        };
    }

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, string, string, string> NotTheSamePerson => new()
    {
        // A real buyer's name and ID number with the seller's own phone.
        { "the phone is not theirs", "聂婉清", "420106199509145281", SellersSecondPhone },
        // The buyer's ID number and phone with another name.
        { "the name is not theirs", "聂婉晴", "420106199509145281", "14000000014" },
        // A well-formed ID number the registry does not know.
        { "the ID number is unknown", "聂婉清", "11010119491001001X", "14000000014" },
    };

    [Theory]
    [MemberData(nameof(NotTheSamePerson))]
    public async Task ABuyerWhoIsNotOnePerson_IsRefusedNextToTheRow_WithOneMessage_AndNothingIsSavedOrSent(
        string because, string name, string idNumber, string phone)
    {
        var (seller, listingId) = await VerifiedAsync();
        var smsBefore = await CitizenLogin.SmsCountAsync(_factory, phone);

        using var response = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, Buyer(name, IdType.ResidentIdCard, idNumber, phone));
        var page = await Forms.ParseAsync(response);

        Assert.True(HttpStatusCode.OK == response.StatusCode, because);
        Assert.Equal(BuyerIdentityCheck.MismatchMessage, Forms.FieldError(page, "Rows[0]"));
        Assert.Equal(BuyerIdentityCheck.MismatchSummary, page.QuerySelector("#buyers-error")?.TextContent.Trim());
        Assert.All(new[] { "Name", "IdNumber", "Phone" }, field => Assert.Null(Forms.FieldError(page, $"Rows[0].{field}")));
        Assert.All(new[] { "Name", "IdNumber", "Phone" }, field =>
            Assert.Equal("Rows_0_-error", page.QuerySelector($"input[name='Rows[0].{field}']")?.GetAttribute("aria-describedby")));
        Assert.Equal(name, Value(page, "Rows[0].Name"));
        Assert.Equal(idNumber, Value(page, "Rows[0].IdNumber"));
        Assert.Equal(phone, Value(page, "Rows[0].Phone"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Contracts.CountAsync()));
        Assert.Empty(await SavedBuyerNamesAsync(listingId));
        Assert.Equal(smsBefore, await CitizenLogin.SmsCountAsync(_factory, phone));
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, SellersSecondPhone));
        Assert.Equal(1, _registry.Calls);
    }

    [Fact]
    public async Task MatchingBuyers_AreSaved_AndEachCheckIsAudited_ForTheSignedInPerson_WithoutIdOrPhone()
    {
        var (seller, listingId) = await VerifiedAsync();
        var buyers = new[] { DemoData.Citizen("buyer-1"), DemoData.Citizen("buyer-3") };

        using var response = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, buyers);

        Assert.Equal("/contracts?message=buyers-saved", response.Headers.Location?.OriginalString);
        Assert.Equal(["聂婉清", "柯美玲"], await SavedBuyerNamesAsync(listingId));
        Assert.Equal(2, _registry.Calls);
        var checks = await ChecksAsync();
        Assert.Equal(["第1位购房人：Match", "第2位购房人：Match"], checks.Select(c => c.Detail));
        var account = await AccountIdAsync(listingId);
        Assert.All(checks, c =>
        {
            Assert.Equal(Domain.Auditing.ActorKind.Citizen, c.ActorKind);
            Assert.Equal(account, c.ActorId);
            Assert.Equal("Listing", c.EntityType);
            Assert.Equal(listingId.ToString(), c.EntityId);
        });
        Assert.All(buyers.SelectMany(b => new[] { b.IdNumber, b.Phone, Masking.MaskIdNumber(b.IdNumber), Masking.MaskPhone(b.Phone), b.IdNumber[^4..] }),
            secret => Assert.All(checks, c => Assert.DoesNotContain(secret, c.Detail, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AMismatchIsAuditedAsAMismatch_WithoutIdOrPhone()
    {
        var (seller, listingId) = await VerifiedAsync();

        using var response = await FilingJourney.SaveBuyersAsync(seller.Client, listingId,
            DemoData.Citizen("buyer-2"), Buyer("聂婉清", IdType.ResidentIdCard, "420106199509145281", SellersSecondPhone));
        var page = await Forms.ParseAsync(response);

        Assert.Null(Forms.FieldError(page, "Rows[0]"));
        Assert.Equal(BuyerIdentityCheck.MismatchMessage, Forms.FieldError(page, "Rows[1]"));
        var checks = await ChecksAsync();
        Assert.Equal(["第1位购房人：Match", "第2位购房人：Mismatch:PhoneMismatch"], checks.Select(c => c.Detail));
        Assert.All(checks, c => Assert.DoesNotContain("1400000", c.Detail, StringComparison.Ordinal));
        Assert.Empty(await SavedBuyerNamesAsync(listingId));
    }

    [Fact]
    public async Task SavedBuyers_AreNotCheckedAgain_AndARefusedAdditionChangesNothingAlreadySaved()
    {
        var (seller, listingId) = await VerifiedAsync();
        using var first = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-1"));
        var version = await VersionAsync(listingId);

        using var refused = await FilingJourney.SaveBuyersAsync(seller.Client, listingId,
            Buyer("万鹏飞", IdType.ResidentIdCard, "420102199001275653", SellersSecondPhone));
        var refusedPage = await Forms.ParseAsync(refused);
        var afterRefusal = await SavedBuyerNamesAsync(listingId);
        var versionAfterRefusal = await VersionAsync(listingId);
        using var second = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-2"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(BuyerIdentityCheck.MismatchMessage, Forms.FieldError(refusedPage, "Rows[1]"));
        Assert.Contains("4201**********5281", refusedPage.QuerySelector("tbody tr")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["聂婉清"], afterRefusal);
        Assert.Equal(version, versionAfterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(["聂婉清", "万鹏飞"], await SavedBuyerNamesAsync(listingId));
        Assert.Equal(3, _registry.Calls);
    }

    [Fact]
    public async Task TheChecksAreLimitedPerPersonAndShanghaiDay_WithoutAskingTheRegistryOnceTheLimitIsReached()
    {
        var (seller, listingId) = await VerifiedAsync();
        var wrong = Buyer("聂婉清", IdType.ResidentIdCard, "420106199509145281", SellersSecondPhone);

        using var ten = await SaveRowsAsync(seller.Client, listingId, Enumerable.Repeat(wrong, 10).ToArray());
        using var nine = await SaveRowsAsync(seller.Client, listingId, Enumerable.Repeat(wrong, 9).ToArray());
        Assert.Equal(19, _registry.Calls);

        // Two rows need two checks but one is left: refused before any is made.
        using var two = await SaveRowsAsync(seller.Client, listingId, DemoData.Citizen("buyer-1"), DemoData.Citizen("buyer-2"));
        var twoPage = await Forms.ParseAsync(two);
        Assert.Contains("只剩1次", twoPage.QuerySelector("#buyers-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(19, _registry.Calls);

        using var twentieth = await SaveRowsAsync(seller.Client, listingId, wrong);
        Assert.Equal(BuyerIdentityCheck.MismatchMessage, Forms.FieldError(await Forms.ParseAsync(twentieth), "Rows[0]"));
        Assert.Equal(20, _registry.Calls);

        using var twentyFirst = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-1"));
        var limited = await Forms.ParseAsync(twentyFirst);
        var message = limited.QuerySelector("#buyers-error")?.TextContent ?? string.Empty;
        Assert.Equal(HttpStatusCode.OK, twentyFirst.StatusCode);
        Assert.Contains("明天再试", message, StringComparison.Ordinal);
        Assert.Contains("窗口", message, StringComparison.Ordinal);
        Assert.Equal(DemoData.Citizen("buyer-1").IdNumber, Value(limited, "Rows[0].IdNumber"));
        Assert.Equal(20, _registry.Calls);
        Assert.Equal(20, (await ChecksAsync()).Count);
        Assert.Empty(await SavedBuyerNamesAsync(listingId));

        // Another person has their own allowance.
        var other = await SellerJourney.SignInAsync(_factory, "seller-two-homes");
        using var otherVerified = await other.VerifyHomeAsync("home-dxh-clean");
        var otherListing = Guid.Parse(otherVerified.Headers.Location!.OriginalString.Split('/')[^1]);
        using var otherSaved = await FilingJourney.SaveBuyersAsync(other.Client, otherListing, DemoData.Citizen("buyer-2"));
        Assert.Equal(HttpStatusCode.Redirect, otherSaved.StatusCode);

        // 23:59:30 in Shanghai: still today.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 15, 59, 30, TimeSpan.Zero));
        using var lastMinute = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-1"));
        Assert.Contains("明天再试", (await Forms.ParseAsync(lastMinute)).QuerySelector("#buyers-error")?.TextContent, StringComparison.Ordinal);

        // 00:00:30 in Shanghai (still 26 November in UTC): a new day.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 16, 0, 30, TimeSpan.Zero));
        var callsBefore = _registry.Calls;
        using var tomorrow = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-1"));
        Assert.Equal("/contracts?message=buyers-saved", tomorrow.Headers.Location?.OriginalString);
        Assert.Equal(["聂婉清"], await SavedBuyerNamesAsync(listingId));
        Assert.Equal(callsBefore + 1, _registry.Calls);
    }

    [Theory]
    [InlineData(IdType.Passport, "E12345678")]
    [InlineData(IdType.HongKongMacaoPermit, "H12345678")]
    [InlineData(IdType.MilitaryOfficerCard, "南字第12345678号")]
    public async Task ABuyerWhoseDocumentTheRegistryCannotCheck_IsStillAccepted_OnItsFormatAlone(IdType type, string idNumber)
    {
        var (seller, listingId) = await VerifiedAsync();

        using var response = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, Buyer("测试买方", type, idNumber, SellersSecondPhone));

        Assert.Equal("/contracts?message=buyers-saved", response.Headers.Location?.OriginalString);
        Assert.Equal(["测试买方"], await SavedBuyerNamesAsync(listingId));
        Assert.Equal(0, _registry.Calls);
        Assert.Empty(await ChecksAsync());
    }

    [Fact]
    public async Task AFormatErrorIsShownFirst_WithoutAskingTheRegistry()
    {
        var (seller, listingId) = await VerifiedAsync();

        using var response = await FilingJourney.SaveBuyersAsync(seller.Client, listingId,
            DemoData.Citizen("buyer-1"), Buyer("万鹏飞", IdType.ResidentIdCard, "420102199001275653", "1400000001"));
        var page = await Forms.ParseAsync(response);

        Assert.False(string.IsNullOrEmpty(Forms.FieldError(page, "Rows[1].Phone")));
        Assert.Null(Forms.FieldError(page, "Rows[0]"));
        Assert.Equal(0, _registry.Calls);
        Assert.Empty(await ChecksAsync());
    }

    public static TheoryData<string> Outages => ["error", "timeout"];

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task ARegistryOutage_SavesNothing_AndAsksToTryAgainLater(string outage)
    {
        var (seller, listingId) = await VerifiedAsync();
        _registry.Failure = outage == "timeout"
            ? new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException())
            : new HttpRequestException("Response status code does not indicate success: 503 (Service Unavailable).");

        using var response = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-1"));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("暂时无法核验，请稍后再试", page.QuerySelector("#buyers-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(DemoData.Citizen("buyer-1").Name, Value(page, "Rows[0].Name"));
        Assert.Empty(await SavedBuyerNamesAsync(listingId));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Contracts.CountAsync()));
        Assert.Empty(await ChecksAsync());
    }

    private async Task<(SellerJourney Seller, Guid ListingId)> VerifiedAsync()
    {
        var journey = await SellerJourney.SignInAsync(_factory, "seller-clean");
        using var response = await journey.VerifyHomeAsync("home-clean");
        _registry.Reset();
        return (journey, Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]));
    }

    private static DemoCitizen Buyer(string name, IdType type, string idNumber, string phone) =>
        new() { Name = name, IdType = type, IdNumber = idNumber, Phone = phone };

    private static string? Value(IHtmlDocument page, string field) =>
        page.QuerySelector($"input[name='{field}']")?.GetAttribute("value");

    /// <summary>Posts all rows at once (as after pressing 添加购房人 enough times) and presses 保存购房人信息.</summary>
    private static async Task<HttpResponseMessage> SaveRowsAsync(HttpClient client, Guid listingId, params DemoCitizen[] buyers)
    {
        var page = await Forms.GetDocumentAsync(client, $"/listings/{listingId}/buyers");
        var values = new Dictionary<string, string?>();
        for (var i = 0; i < buyers.Length; i++)
        {
            values[$"Rows[{i}].Name"] = buyers[i].Name;
            values[$"Rows[{i}].IdType"] = buyers[i].IdType.ToString();
            values[$"Rows[{i}].IdNumber"] = buyers[i].IdNumber;
            values[$"Rows[{i}].Phone"] = buyers[i].Phone;
        }

        return await Forms.SubmitAsync(client, page, "form", values, ("Intent", "save"));
    }

    private Task<List<string>> SavedBuyerNamesAsync(Guid listingId) => _factory.WithDbAsync(db => db.Listings.AsNoTracking()
        .Where(l => l.Id == listingId).SelectMany(l => l.Buyers).OrderBy(b => b.Order).Select(b => b.Name).ToListAsync());

    private Task<Guid> VersionAsync(Guid listingId) => _factory.WithDbAsync(db => db.Listings.AsNoTracking()
        .Where(l => l.Id == listingId).Select(l => EF.Property<Guid>(l, Web.Data.ResaleDbContext.VersionProperty)).SingleAsync());

    private Task<List<Domain.Auditing.AuditEvent>> ChecksAsync() => _factory.WithDbAsync(async db =>
        (await db.AuditEvents.AsNoTracking().Where(e => e.Action == BuyerIdentityCheck.AuditAction).ToListAsync())
            .OrderBy(e => e.Detail, StringComparer.Ordinal).ToList());

    /// <summary>The signed-in seller's account, the audit actor of everything they do on the page.</summary>
    private Task<string> AccountIdAsync(Guid listingId) => _factory.WithDbAsync(async db =>
    {
        var seller = await db.Listings.AsNoTracking().Where(l => l.Id == listingId).Select(l => l.SellerPersonId).SingleAsync();
        return await db.Users.Where(u => u.PersonId == seller).Select(u => u.Id).SingleAsync();
    });

    private sealed class RegistryProbe
    {
        private int _calls;

        public int Calls => _calls;

        /// <summary>When set, every check fails with this, as the HTTP adapter does when the registry is down or slow.</summary>
        public Exception? Failure { get; set; }

        public void Add() => Interlocked.Increment(ref _calls);

        public void Reset() => Interlocked.Exchange(ref _calls, 0);
    }

    /// <summary>The embedded registry, counting how often it is asked, or failing like an unreachable one.</summary>
    private sealed class ProbedCitizenRegistry(RegistryProbe probe, Web.Integrations.Embedded.EmbeddedCitizenRegistry inner) : ICitizenRegistry
    {
        public Task<CitizenCheck> CheckAsync(string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken)
        {
            if (probe.Failure is { } failure)
            {
                throw failure;
            }

            probe.Add();
            return inner.CheckAsync(name, idNumber, phone, cancellationToken);
        }
    }
}
