using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data.Seed;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// 同意签署 on a party's own phone: the filing SMS carries a link to the whole draft; the party reads it and agrees with
/// the code from the same SMS; the seller's filing page shows who has agreed, and 确认提交 needs no code for them.
/// </summary>
public sealed partial class OwnPhoneConfirmationTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly string _directory = PortalFactory.NewDataDirectory();
    private readonly PortalFactory _factory;

    public OwnPhoneConfirmationTests() => _factory = new PortalFactory(_directory) { Clock = _clock };

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TheFilingSms_NamesTheHomeAndPrice_AndItsLinkShowsTheWholeDraft_MarkedAwaitingSignature()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await FilingJourney.SendCodesAsync(seller.Client, contractId);

        var sms = await LatestFilingSmsAsync("buyer-1");
        var location = await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId)
            .Join(db.Listings, c => c.ListingId, l => l.Id, (c, l) => l.Home!.Location).SingleAsync());
        var page = await Forms.GetDocumentAsync(Anonymous(), LinkIn(sms));

        Assert.Contains(location, sms, StringComparison.Ordinal);
        Assert.Contains("成交价", sms, StringComparison.Ordinal);
        Assert.Matches("/sign/[A-Za-z0-9_-]{43}", sms);
        Assert.Equal("待签署", page.QuerySelector("#sign-state")?.TextContent.Trim());
        Assert.Contains(location, page.QuerySelector("[aria-label='合同全文']")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Citizen("buyer-1").IdNumber, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Citizen("buyer-1").Phone, page.Body.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheParty_CanDownloadTheDraftPdf_MarkedDraftOnEveryPage_AndTheLinkIsNotLeakedAsAReferrer()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var filingPage = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var link = LinkIn(await LatestFilingSmsAsync("buyer-1"));
        var phone = Anonymous();

        using var page = await phone.GetAsync(link);
        using var preview = await phone.GetAsync(link + "/preview");
        var pdf = await preview.Content.ReadAsByteArrayAsync();
        var price = await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Terms.Price).SingleAsync());

        Assert.Equal($"/contracts/{contractId}/preview", filingPage.QuerySelector("#preview-draft")?.GetAttribute("href"));
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        var pages = PdfText.Pages(pdf);
        Assert.All(pages, text => Assert.Contains("草稿", PdfText.Flatten(text), StringComparison.Ordinal));
        Assert.Contains(Wuhan.Resale.Domain.ValueObjects.Money.Create(price!.Value).ToFigures(),
            PdfText.Flatten(string.Concat(pages)), StringComparison.Ordinal);
        Assert.Contains("contract.previewed", await _factory.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == contractId.ToString()).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task ADraftTheFontCannotPrint_GetsAMessageOnThePartysPage_NotAnError()
    {
        var (seller, listingId, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE PropertyRecords SET Location = Location || '😀' WHERE Id = (SELECT PropertyRecordId FROM Listings WHERE Id = {0})", listingId));
        await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var link = LinkIn(await LatestFilingSmsAsync("buyer-1"));

        using var preview = await Anonymous().GetAsync(link + "/preview");
        var page = await Forms.ParseAsync(preview);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("text/html", preview.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(Forms.FieldError(page, "preview")));
        Assert.Equal("待签署", page.QuerySelector("#sign-state")?.TextContent.Trim());
    }

    [Fact]
    public async Task EveryPartyAgreesOnTheirOwnPhone_TheFilingPageShowsIt_AndConfirmFilesWithoutCodes()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await FilingJourney.SendCodesAsync(seller.Client, contractId);

        var buyerAgreed = await AgreeOnOwnPhoneAsync("buyer-1");
        var halfway = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");
        await AgreeOnOwnPhoneAsync("seller-clean");
        var page = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");
        using var filed = await FilingJourney.ConfirmAsync(seller.Client, page, [null, null]);

        Assert.Contains("在本人手机上同意签署", buyerAgreed.QuerySelector("#sign-state")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["已在本人手机确认", "待确认"], States(halfway));
        Assert.Equal(["已在本人手机确认", "已在本人手机确认"], States(page));
        Assert.Empty(page.QuerySelectorAll("input[name^='codes']"));
        Assert.Equal("/contracts?message=filed", filed.Headers.Location?.OriginalString);
        var actions = await _factory.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == contractId.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == "contract.party-confirmed"));
    }

    [Fact]
    public async Task ABuyerAgreesOnTheirPhone_AndTheSellerTypesOnlyTheirOwnCode()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await FilingJourney.SendCodesAsync(seller.Client, contractId);
        await AgreeOnOwnPhoneAsync("buyer-1");

        var page = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");
        var sellerCode = (await FilingJourney.CodesForAsync(_factory, "seller-clean"))[0];
        using var filed = await FilingJourney.ConfirmAsync(seller.Client, page, [null, sellerCode]);

        Assert.Equal("/contracts?message=filed", filed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheWaitingFilingPage_CanAskWhoHasAgreed_AndOnlyTheSellerCanAsk()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var stranger = await SellerJourney.SignInAsync(_factory, "seller-two-homes");
        await FilingJourney.SendCodesAsync(seller.Client, contractId);

        var before = await seller.Client.GetStringAsync($"/contracts/{contractId}/file/states");
        await AgreeOnOwnPhoneAsync("buyer-1");
        var after = await seller.Client.GetStringAsync($"/contracts/{contractId}/file/states");
        using var foreign = await stranger.Client.GetAsync($"/contracts/{contractId}/file/states");

        Assert.Equal("""{"confirmed":[]}""", before);
        Assert.Equal("""{"confirmed":[0]}""", after);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task AConfirmationSurvivesARestartOfThePortal()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await FilingJourney.SendCodesAsync(seller.Client, contractId);
        await AgreeOnOwnPhoneAsync("buyer-1");
        var sellerCode = (await FilingJourney.CodesForAsync(_factory, "seller-clean"))[0];
        seller.Client.Dispose();
        await _factory.DisposeAsync();

        using var restarted = new PortalFactory(_directory) { Clock = _clock };
        var again = await SellerJourney.SignInAsync(restarted, "seller-clean");
        var page = await Forms.GetDocumentAsync(again.Client, $"/contracts/{contractId}/file");
        using var filed = await FilingJourney.ConfirmAsync(again.Client, page, [null, sellerCode]);

        Assert.Equal(["已在本人手机确认", "待确认"], States(page));
        Assert.Equal("/contracts?message=filed", filed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AWrongCodeOnThePhone_IsRefusedBesideTheField_AndConfirmsNothing()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var phone = Anonymous();
        var link = LinkIn(await LatestFilingSmsAsync("buyer-1"));
        var code = (await FilingJourney.CodesForAsync(_factory, "buyer-1"))[0]!;
        var wrong = code == "000000" ? "111111" : "000000";

        var page = await Forms.GetDocumentAsync(phone, link);
        using var refused = await Forms.SubmitAsync(phone, page, ".sign-form", new Dictionary<string, string?> { ["code"] = wrong });
        var refusedPage = await Forms.ParseAsync(refused);
        var filing = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("验证码不正确", refusedPage.QuerySelector(".field-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("待签署", refusedPage.QuerySelector("#sign-state")?.TextContent.Trim());
        Assert.Equal(["待确认", "待确认"], States(filing));
    }

    [Fact]
    public async Task AWrongTokenAndAnExpiredLink_GetTheSameNotFoundPage()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var link = LinkIn(await LatestFilingSmsAsync("buyer-1"));
        var phone = Anonymous();

        using var open = await phone.GetAsync(link);
        using var wrong = await phone.GetAsync("/sign/" + new string('A', 43));
        using var otherCase = await phone.GetAsync(OtherCase(link));
        using var tooLong = await phone.GetAsync("/sign/" + new string('A', 200));
        _clock.Advance(VerificationLifetime);
        using var expired = await phone.GetAsync(link);
        using var expiredPreview = await phone.GetAsync(link + "/preview");

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var bodies = new List<string>();
        foreach (var response in new[] { wrong, otherCase, tooLong, expired, expiredPreview })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            bodies.Add((await Forms.ParseAsync(response)).QuerySelector("main")?.TextContent.Trim() ?? string.Empty);
        }

        Assert.Single(bodies.Distinct());
        Assert.Contains("链接无效或已失效", bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeAfterAPartyAgreed_VoidsTheAgreement_ClosesTheLink_AndTellsThem()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var link = LinkIn(await LatestFilingSmsAsync("buyer-1"));
        await AgreeOnOwnPhoneAsync("buyer-1");
        _clock.Advance(VerificationLifetime + TimeSpan.FromMinutes(10));

        var form = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/edit");
        using var saved = await Forms.SubmitAsync(seller.Client, form, "#contract-form",
            new Dictionary<string, string?> { ["OtherTerms"] = "甲方同意将厨房冰箱留给乙方。" }, ("Intent", "save"));
        var filing = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");
        using var reopened = await Anonymous().GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["待确认", "待确认"], States(filing));
        Assert.Equal(HttpStatusCode.NotFound, reopened.StatusCode);
        var texts = await SmsTextsAsync("buyer-1");
        Assert.Contains("内容已被修改", texts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task APassportHolder_CannotHaveTheirCodeTypedByTheSeller_NorAgreeWithoutSigningInAsThemselves()
    {
        var seller = await SellerJourney.SignInAsync(_factory, "seller-clean");
        using var verified = await seller.VerifyHomeAsync("home-clean");
        var listingId = Guid.Parse(verified.Headers.Location!.OriginalString.Split('/')[^1]);
        var resident = DemoData.Citizen("buyer-2");
        var passportHolder = new DemoCitizen { Name = resident.Name, IdType = IdType.Passport, IdNumber = "E12345678", Phone = resident.Phone };
        using var saved = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, passportHolder);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await FilingJourney.CompleteTheContractAsync(_factory, listingId);
        var contractId = await _factory.WithDbAsync(db => db.Contracts.Where(c => c.ListingId == listingId).Select(c => c.Id).SingleAsync());
        await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var codes = await FilingJourney.CodesForAsync(_factory, "buyer-2", "seller-clean");
        var page = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");

        using var typed = await FilingJourney.ConfirmAsync(seller.Client, page, codes);
        var typedPage = await Forms.ParseAsync(typed);
        var phone = Anonymous();
        var signPage = await Forms.GetDocumentAsync(phone, LinkIn(await LatestFilingSmsAsync("buyer-2")));
        using var agreed = await Forms.SubmitAsync(phone, signPage, ".sign-form", new Dictionary<string, string?> { ["code"] = codes[0] });
        var agreedPage = await Forms.ParseAsync(agreed);

        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Contains("本人", typedPage.QuerySelector("#filing-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("实名登录", agreedPage.QuerySelector(".field-error")?.TextContent, StringComparison.Ordinal);
        var contract = await _factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId));
        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.PartyConfirmations.CountAsync(c => c.ConfirmedAt != null)));
    }

    private static readonly TimeSpan VerificationLifetime = Wuhan.Resale.Domain.Messaging.VerificationCode.Lifetime;

    private HttpClient Anonymous() => _factory.CreateClient(CitizenLogin.NoRedirects);

    /// <summary>Opens the party's SMS link on a phone of their own and presses 同意签署 with the code; returns the page after.</summary>
    private async Task<IHtmlDocument> AgreeOnOwnPhoneAsync(string citizenKey)
    {
        var phone = Anonymous();
        var link = LinkIn(await LatestFilingSmsAsync(citizenKey));
        var page = await Forms.GetDocumentAsync(phone, link);
        var code = (await FilingJourney.CodesForAsync(_factory, citizenKey))[0];
        using var agreed = await Forms.SubmitAsync(phone, page, ".sign-form", new Dictionary<string, string?> { ["code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        return await Forms.GetDocumentAsync(phone, agreed.Headers.Location!.OriginalString);
    }

    private static List<string> States(IHtmlDocument filingPage) =>
        [.. filingPage.QuerySelectorAll("#parties .party-state").Select(cell => cell.TextContent.Trim())];

    /// <summary>The same link with the letter case of its token flipped: another token, not a spelling of this one.</summary>
    private static string OtherCase(string link)
    {
        var token = link["/sign/".Length..];
        return "/sign/" + string.Concat(token.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));
    }

    private static string LinkIn(string sms) => SmsText.SigningPath(sms) ?? string.Empty;

    private async Task<string> LatestFilingSmsAsync(string citizenKey) =>
        (await SmsTextsAsync(citizenKey)).Last(t => t.Contains("/sign/", StringComparison.Ordinal));

    private Task<List<string>> SmsTextsAsync(string citizenKey) => CitizenLogin.SmsTextsAsync(_factory, DemoData.Citizen(citizenKey).Phone);

}
