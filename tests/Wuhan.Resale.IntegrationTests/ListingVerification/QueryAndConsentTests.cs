using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.ListingVerification;

public sealed class QueryAndConsentTests : IDisposable
{
    // 10:00 in Wuhan: "today" is 2026-11-26 there.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public QueryAndConsentTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task WithoutAQueryToday_ThePageSaysOneIsNeeded()
    {
        var journey = await SellerJourney.SignInAsync(_factory, "seller-clean");

        var page = await Forms.GetDocumentAsync(journey.Client, "/listing");

        Assert.Contains("请先在今天进行一次“个人房产信息查询”", page.QuerySelector(".alert-error")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href$='/notice']"));
    }

    [Fact]
    public async Task APendingQuery_ShowsProgress_AndRefreshesThePage()
    {
        var journey = await SellerJourney.SignInAsync(_factory, "seller-clean");
        var person = await _factory.WithDbAsync(db => db.People.SingleAsync());
        await _factory.WithDbAsync(async db =>
        {
            // A query the worker has claimed but not finished (the registry is slow).
            var query = new PropertyQuery(Guid.CreateVersion7(), "CX-PENDING", person.Id, person.Name, _clock.GetUtcNow());
            query.StartAttempt(_clock.GetUtcNow(), TimeSpan.FromHours(1));
            db.PropertyQueries.Add(query);
            return await db.SaveChangesAsync();
        });

        var page = await Forms.GetDocumentAsync(journey.Client, "/listing");

        Assert.Equal("3", page.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
        Assert.Contains("查询中", page.QuerySelector("tbody")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action='/listing/queries'] button[disabled]"));
    }

    [Fact]
    public async Task ACompletedQuery_OffersAListingCode_OnlyOnItsOwnDay()
    {
        var journey = await SellerJourney.SignInAsync(_factory, "seller-clean");
        var queryId = await journey.QueryHomesAsync();
        var today = await Forms.GetDocumentAsync(journey.Client, "/listing");
        Assert.NotNull(today.QuerySelector($"a[href='/listing/queries/{queryId}/notice']"));

        // 16:00 UTC is midnight in Wuhan: the query is now yesterday's.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 16, 0, 1, TimeSpan.Zero));
        var desktop = await new CitizenLogin(_factory).SignInAsync(journey.Citizen);
        var tomorrow = await Forms.GetDocumentAsync(desktop, "/listing");
        using var notice = await desktop.GetAsync(new Uri($"/listing/queries/{queryId}/notice", UriKind.Relative));

        Assert.Null(tomorrow.QuerySelector("a[href$='/notice']"));
        Assert.Contains("非当天查询", tomorrow.QuerySelector("tbody")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notice.StatusCode);
    }

    [Fact]
    public async Task TheHomesList_NeedsConsentToTheUserNotice_RecordedWithItsVersion()
    {
        var journey = await SellerJourney.SignInAsync(_factory, "seller-clean");
        var queryId = await journey.QueryHomesAsync();

        using var homesFirst = await journey.Client.GetAsync(new Uri($"/listing/queries/{queryId}/homes", UriKind.Relative));
        var notice = await Forms.GetDocumentAsync(journey.Client, $"/listing/queries/{queryId}/notice");
        using var withoutTick = await Forms.SubmitAsync(journey.Client, notice, "form");
        var refused = await Forms.ParseAsync(withoutTick);
        using var verifyFirst = await Forms.SubmitAsync(journey.Client, notice, "form",
            new Dictionary<string, string?> { ["agree"] = null }, null);
        var homes = await journey.ConsentAsync(queryId);

        Assert.Equal($"/listing/queries/{queryId}/notice", homesFirst.Headers.Location?.OriginalString);
        Assert.Contains("信息共享", notice.QuerySelector("#user-notice")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("诚信记录", notice.QuerySelector("#user-notice")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("勾选", Forms.FieldError(refused, "agree"), StringComparison.Ordinal);
        Assert.NotNull(SellerJourney.RadioFor(homes, DemoData.Property("home-clean").CertificateNumber));
        var consent = await _factory.WithDbAsync(db => db.NoticeConsents.SingleAsync());
        Assert.Equal(Domain.Listings.UserNotice.Version, consent.NoticeVersion);
        Assert.Equal(queryId, consent.QueryId);
        Assert.Equal(_clock.GetUtcNow(), consent.ConsentedAt);
    }

    [Fact]
    public async Task VerifyingWithoutConsent_IsSentToTheNotice()
    {
        var journey = await SellerJourney.SignInAsync(_factory, "seller-clean");
        var queryId = await journey.QueryHomesAsync();
        var listing = await Forms.GetDocumentAsync(journey.Client, "/listing");
        var token = listing.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var recordId = await _factory.WithDbAsync(db => db.PropertyQueries.Where(q => q.Id == queryId).SelectMany(q => q.Records).Select(r => r.Id).FirstAsync());

        using var response = await journey.Client.PostAsync(new Uri($"/listing/queries/{queryId}/verify", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("recordId", recordId.ToString())]));

        Assert.Equal($"/listing/queries/{queryId}/notice", response.Headers.Location?.OriginalString);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Listings.CountAsync()));
    }

    [Fact]
    public async Task AHomeLeftOutOfTheQuery_IsAddedByItsCertificateNumber_AndCanBeVerified()
    {
        var journey = await SellerJourney.SignInAsync(_factory, "seller-hidden");
        var queryId = await journey.QueryHomesAsync();
        var homes = await journey.ConsentAsync(queryId);
        var hidden = DemoData.Property("home-hidden").CertificateNumber;
        Assert.Null(SellerJourney.RadioFor(homes, hidden));

        using var added = await Forms.SubmitAsync(journey.Client, homes, "form[action$='/certificate']",
            new Dictionary<string, string?> { ["certificateNumber"] = hidden });
        var withHidden = await Forms.ParseAsync(added);
        using var verified = await journey.VerifyAsync(withHidden, hidden);

        Assert.NotNull(SellerJourney.RadioFor(withHidden, hidden));
        Assert.Contains("（按证号添加）", withHidden.QuerySelector("#homes")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Listings.CountAsync(l => l.CertificateNumber == hidden)));
        await AuditLog.AssertAsync(_factory, "query.certificate-added", ActorKind.Citizen, "PropertyQuery", queryId.ToString());
        Assert.DoesNotContain(hidden, (await AuditLog.SingleAsync(_factory, "query.certificate-added")).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("home-seized")]
    [InlineData("鄂(2020)武汉市江岸不动产权第9999999号")]
    public async Task SomeoneElsesOrAnUnknownCertificate_IsRefusedWithTheSameWords(string homeKeyOrNumber)
    {
        var number = homeKeyOrNumber.StartsWith("home-", StringComparison.Ordinal) ? DemoData.Property(homeKeyOrNumber).CertificateNumber : homeKeyOrNumber;
        var journey = await SellerJourney.SignInAsync(_factory, "seller-clean");
        var queryId = await journey.QueryHomesAsync();
        var homes = await journey.ConsentAsync(queryId);

        using var response = await Forms.SubmitAsync(journey.Client, homes, "form[action$='/certificate']",
            new Dictionary<string, string?> { ["certificateNumber"] = number });
        var page = await Forms.ParseAsync(response);

        Assert.Equal("未查询到您名下该证号的不动产，请核对证号后重试。", Forms.FieldError(page, "CertificateNumber"));
        Assert.Null(SellerJourney.RadioFor(page, number));
        Assert.DoesNotContain("余国栋", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(number, page.QuerySelector("#CertificateNumber")?.GetAttribute("value"));
        await AuditLog.AssertAsync(_factory, "query.certificate-not-found", ActorKind.Citizen, "PropertyQuery", queryId.ToString());
    }

    [Fact]
    public async Task ConfirmingWithoutChoosingAHome_AsksForAChoice()
    {
        var journey = await SellerJourney.SignInAsync(_factory, "seller-clean");
        var homes = await journey.ConsentAsync(await journey.QueryHomesAsync());

        using var response = await Forms.SubmitAsync(journey.Client, homes, "form[action$='/verify']");

        Assert.Contains("请先在列表中选择", (await Forms.ParseAsync(response)).QuerySelector("#verify-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherPersonsQueryOrListing_IsNotFound()
    {
        var owner = await SellerJourney.SignInAsync(_factory, "seller-clean");
        var ownerQuery = await owner.QueryHomesAsync();
        using var verified = await owner.VerifyAsync(await owner.ConsentAsync(ownerQuery), DemoData.Property("home-clean").CertificateNumber);
        var listingUrl = verified.Headers.Location!.OriginalString;

        var stranger = await SellerJourney.SignInAsync(_factory, "buyer-1");
        var page = await Forms.GetDocumentAsync(stranger.Client, "/listing");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var url in new[] { $"/listing/queries/{ownerQuery}/notice", $"/listing/queries/{ownerQuery}/homes", listingUrl, listingUrl + "/district" })
        {
            using var get = await stranger.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }

        using var post = await stranger.Client.PostAsync(new Uri(listingUrl + "/district", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("districtCode", "420113")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var listing = await _factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync());
        Assert.Equal("420102", listing.DistrictCode);
    }

    [Fact]
    public async Task ACoOwner_SeesTheListingTheOtherOwnerVerified()
    {
        var first = await SellerJourney.SignInAsync(_factory, "co-owner-a");
        using var verified = await first.VerifyHomeAsync("home-co-owned");
        var second = await SellerJourney.SignInAsync(_factory, "co-owner-b");

        var page = await Forms.GetDocumentAsync(second.Client, "/listing");
        using var result = await second.Client.GetAsync(new Uri(verified.Headers.Location!.OriginalString, UriKind.Relative));

        Assert.Contains(DemoData.Property("home-co-owned").Location, page.QuerySelector("#listings-title")?.ParentElement?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TwoVerificationsOfTheSameHomeAtOnce_MakeExactlyOneListing(DatabaseProvider provider)
    {
        var requests = new RequestGate();
        using var factory = new PortalFactory { Clock = _clock, Provider = provider, ConfigureServices = requests.AddTo };
        var journey = await SellerJourney.SignInAsync(factory, "seller-two-homes");
        var homes = await journey.ConsentAsync(await journey.QueryHomesAsync());
        var certificate = DemoData.Property("home-dxh-clean").CertificateNumber;

        // The gate at the host's door holds each verification until all four are inside the portal.
        requests.Arm(4, path => path.Value?.EndsWith("/verify", StringComparison.Ordinal) == true);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => journey.VerifyAsync(homes, certificate)));

        Assert.Equal(4, requests.Gate.Arrived);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Listings.CountAsync(l => l.CertificateNumber == certificate)));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ASecondQueryWhileOneIsPending_IsNotStarted()
    {
        var journey = await SellerJourney.SignInAsync(_factory, "seller-clean");
        var person = await _factory.WithDbAsync(db => db.People.SingleAsync());
        await _factory.WithDbAsync(async db =>
        {
            var query = new PropertyQuery(Guid.CreateVersion7(), "CX-PENDING-2", person.Id, person.Name, _clock.GetUtcNow());
            query.StartAttempt(_clock.GetUtcNow(), TimeSpan.FromHours(1));
            db.PropertyQueries.Add(query);
            return await db.SaveChangesAsync();
        });
        var page = await Forms.GetDocumentAsync(journey.Client, "/listing");

        using var response = await Forms.SubmitAsync(journey.Client, page, "form[action='/listing/queries']");

        Assert.Equal("/listing?message=pending", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.PropertyQueries.CountAsync()));
    }
}
