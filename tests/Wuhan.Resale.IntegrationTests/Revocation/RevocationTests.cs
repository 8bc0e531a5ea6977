using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Features.Revocation;

namespace Wuhan.Resale.IntegrationTests.Revocation;

public sealed class RevocationTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public RevocationTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    private Task<string?> RevocationCodeAsync(string citizenKey) =>
        CitizenLogin.LatestCodeAsync(_factory, DemoData.Citizen(citizenKey).Phone, "Revocation");

    [Fact]
    public async Task ABuyer_RevokesFromTheLoginPage_TheHomeIsReleased_AndTheOtherPartiesAreTold()
    {
        var (_, listingId, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        using var anonymous = _factory.CreateClient();
        var home = await Forms.GetDocumentAsync(anonymous, "/");
        Assert.NotNull(home.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == "合同网签撤销" && a.GetAttribute("href") == "/revocation"));

        var found = await RevocationForms.LookupAsync(anonymous, number, DemoData.Citizen("buyer-1").IdNumber);
        Assert.Equal("140****0014", found.QuerySelector("#MaskedPhone")?.GetAttribute("value"));
        var sent = await RevocationForms.PressAsync(anonymous, found, "send");
        Assert.Equal("120", sent.QuerySelector("button[value=send]")?.GetAttribute("data-wait"));
        var done = await RevocationForms.PressAsync(anonymous, sent, "revoke", await RevocationCodeAsync("buyer-1"));

        Assert.Equal("撤销成功", done.QuerySelector("h1")?.TextContent.Trim());
        var contract = await _factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId));
        Assert.Equal(ContractStatus.Revoked, contract.Status);
        Assert.Equal("买方聂**", contract.RevokedBy);
        var listing = await _factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId));
        Assert.Equal(ListingStatus.Released, listing.Status);
        var sellerTexts = await SmsTextsAsync("seller-clean");
        Assert.Contains(sellerTexts, t => t.Contains(number, StringComparison.Ordinal) && t.Contains("撤销", StringComparison.Ordinal) && t.Contains("买方聂**", StringComparison.Ordinal));
        Assert.Contains("contract.revoked", await _factory.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()));

        // The home can be verified again: a new listing is made.
        var seller = await SellerJourney.SignInAsync(_factory, "seller-clean");
        using var again = await seller.VerifyHomeAsync("home-clean");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, await _factory.WithDbAsync(db => db.Listings.CountAsync(l => l.CertificateNumber == listing.CertificateNumber)));
    }

    [Fact]
    public async Task AWrongIdForTheContract_AndAnUnknownContract_GetTheSameGenericAnswer()
    {
        var (_, _, _, number) = await FiledContract.CreateAsync(_factory, "seller-two-homes", "home-dxh-clean", "buyer-2");
        using var anonymous = _factory.CreateClient();

        var wrongId = await RevocationForms.LookupAsync(anonymous, number, DemoData.Citizen("buyer-4").IdNumber);
        var unknown = await RevocationForms.LookupAsync(anonymous, "武房2026999999", DemoData.Citizen("buyer-2").IdNumber);

        Assert.Equal(wrongId.QuerySelector("#revocation-error")?.TextContent, unknown.QuerySelector("#revocation-error")?.TextContent);
        Assert.Contains("不匹配", wrongId.QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
        Assert.Null(wrongId.QuerySelector("#MaskedPhone"));

        // Both look-ups are counted against the number typed, and both are logged as failed, by an anonymous person.
        var lookup = await AuditLog.AssertAsync(_factory, RevocationThrottle.LookupAction, ActorKind.Anonymous, "ContractNumber", number);
        Assert.Equal("匿名", lookup.ActorName);
        var failed = await AuditLog.OfAsync(_factory, "revocation.lookup-failed");
        Assert.Equal(2, failed.Count);
        Assert.All(failed, e => Assert.Equal((ActorKind.Anonymous, "合同编号与证件号码不匹配"), (e.ActorKind, e.Detail)));
    }

    [Fact]
    public async Task AWrongCaptcha_IsRefused_AndNothingIsLookedUp()
    {
        var (_, _, _, number) = await FiledContract.CreateAsync(_factory, "seller-optics-valley", "home-optics-valley", "buyer-3");
        using var anonymous = _factory.CreateClient();

        var page = await RevocationForms.LookupAsync(anonymous, number, DemoData.Citizen("buyer-3").IdNumber, "WRONG");

        Assert.Equal("图片验证码不正确或已失效，请输入新图片中的字符。", Forms.FieldError(page, "CaptchaAnswer"));
        Assert.Null(page.QuerySelector("#MaskedPhone"));
        Assert.Equal(number, page.QuerySelector("#ContractNumber")?.GetAttribute("value"));
    }

    [Fact]
    public async Task AWrongCode_IsRefused_AndTheContractStaysFiled()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-wedz", "home-wedz", "buyer-4");
        using var anonymous = _factory.CreateClient();
        var sent = await RevocationForms.PressAsync(anonymous, await RevocationForms.LookupAsync(anonymous, number, DemoData.Citizen("seller-wedz").IdNumber), "send");
        var right = await RevocationCodeAsync("seller-wedz");

        var refused = await RevocationForms.PressAsync(anonymous, sent, "revoke", right == "000000" ? "111111" : "000000");

        Assert.Equal("短信验证码不正确，请重新输入。", Forms.FieldError(refused, "Code"));
        Assert.Equal(ContractStatus.Filed, await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
        await AuditLog.AssertAsync(_factory, "revocation.code-refused", ActorKind.Anonymous, "Contract", contractId.ToString());
    }

    [Fact]
    public async Task APageLeftOpenForMoreThanFifteenMinutes_StartsOver_AndRevokesNothing()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-2");
        using var anonymous = _factory.CreateClient();
        var buyer = DemoData.Citizen("buyer-2");

        var found = await RevocationForms.LookupAsync(anonymous, number, buyer.IdNumber);
        _clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        var stillOpen = await RevocationForms.PressAsync(anonymous, found, "send");
        var code = await RevocationCodeAsync("buyer-2");
        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var expired = await RevocationForms.PressAsync(anonymous, stillOpen, "revoke", code);

        Assert.NotNull(code);
        Assert.Equal("页面已过期，请重新输入合同编号、证件号码和图片验证码。", expired.QuerySelector("#revocation-error")?.TextContent.Trim());
        Assert.Null(expired.QuerySelector("#MaskedPhone"));
        Assert.Equal(ContractStatus.Filed, await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task ResendingWithinTwoMinutes_IsRefused()
    {
        var (_, _, _, number) = await FiledContract.CreateAsync(_factory, "seller-commercial", "home-commercial", "buyer-1");
        using var anonymous = _factory.CreateClient();
        var sent = await RevocationForms.PressAsync(anonymous, await RevocationForms.LookupAsync(anonymous, number, DemoData.Citizen("buyer-1").IdNumber), "send");
        _clock.Advance(TimeSpan.FromSeconds(90));

        var tooSoon = await RevocationForms.PressAsync(anonymous, sent, "send");

        Assert.Equal("验证码发送过于频繁，请30秒后再试。", Forms.FieldError(tooSoon, "Code"));
    }

    [Fact]
    public async Task ARegisteredContract_CannotBeRevoked()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-hidden", "home-hidden-visible", "buyer-2");
        await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            contract.Register(await db.Listings.SingleAsync(l => l.Id == contract.ListingId), _clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        using var anonymous = _factory.CreateClient();

        var page = await RevocationForms.LookupAsync(anonymous, number, DemoData.Citizen("buyer-2").IdNumber);

        Assert.Contains("已备案", page.QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#MaskedPhone"));
    }

    [Fact]
    public async Task ASignedInParty_RevokesFromTheContractsList()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-2");
        var buyer = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-2"));
        var list = await Forms.GetDocumentAsync(buyer, "/contracts");
        var link = list.QuerySelectorAll("a").First(a => a.TextContent.Trim() == "撤销网签").GetAttribute("href")!;

        var page = await Forms.GetDocumentAsync(buyer, link);
        var sent = await RevocationForms.PressAsync(buyer, page, "send");
        var done = await RevocationForms.PressAsync(buyer, sent, "revoke", await RevocationCodeAsync("buyer-2"));

        Assert.Equal($"/contracts/{contractId}/revoke", link);
        Assert.Equal("撤销成功", done.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(number, done.QuerySelector("#revoked-number")?.TextContent.Trim());
        Assert.Equal(ContractStatus.Revoked, await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
        var stranger = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-4"));
        using var notAParty = await stranger.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notAParty.StatusCode);
    }

    [Fact]
    public async Task TooManyLookups_AreThrottled()
    {
        using var factory = new PortalFactory { Clock = _clock };
        factory.Settings["Revocation:AttemptsPerContract"] = "3";
        using var anonymous = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("不匹配", (await RevocationForms.LookupAsync(anonymous, "武房2026000001", "11010119491001001X")).QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
        }

        var throttled = await RevocationForms.LookupAsync(anonymous, "武房2026000001", "11010119491001001X");

        Assert.Contains("尝试次数过多", throttled.QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupLimits_PerAddress_AreCountedInTheDatabase_HoldAcrossARestart_AndEndWithTheWindow()
    {
        var directory = PortalFactory.NewDataDirectory();
        PortalFactory Portal()
        {
            var portal = new PortalFactory(directory)
            {
                Clock = _clock,
                ConfigureServices = services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>(),
            };
            portal.Settings["Revocation:AttemptsPerAddress"] = "2";
            return portal;
        }

        HttpClient From(PortalFactory portal, string address)
        {
            var client = portal.CreateClient();
            client.DefaultRequestHeaders.Add(ClientAddressFromHeader.HeaderName, address);
            return client;
        }

        try
        {
            using (var before = Portal())
            {
                using var guesser = From(before, "10.4.4.4");
                Assert.Contains("不匹配", (await RevocationForms.LookupAsync(guesser, "武房2026000001", "11010119491001001X")).QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
                Assert.Contains("不匹配", (await RevocationForms.LookupAsync(guesser, "武房2026000002", "11010119491001001X")).QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
            }

            using var restarted = Portal();
            using var sameGuesser = From(restarted, "10.4.4.4");
            using var someoneElse = From(restarted, "10.4.4.5");
            var stopped = await RevocationForms.LookupAsync(sameGuesser, "武房2026000003", "11010119491001001X");
            var other = await RevocationForms.LookupAsync(someoneElse, "武房2026000003", "11010119491001001X");
            _clock.Advance(TimeSpan.FromMinutes(16));
            var later = await RevocationForms.LookupAsync(sameGuesser, "武房2026000003", "11010119491001001X");

            Assert.Contains("尝试次数过多", stopped.QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
            Assert.Contains("不匹配", other.QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
            Assert.Contains("不匹配", later.QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Task<List<string>> SmsTextsAsync(string citizenKey) => CitizenLogin.SmsTextsAsync(_factory, DemoData.Citizen(citizenKey).Phone);
}
