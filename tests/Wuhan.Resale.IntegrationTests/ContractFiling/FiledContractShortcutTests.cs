using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Testing;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// <see cref="FiledContract"/> stands in for the filing journey in the tests of what comes after filing: this class
/// files the same home to the same buyer once through the pages and once through the shortcut, on two portals whose
/// clocks show the same instant, and checks that every later step sees the same contract.
/// </summary>
public sealed partial class FiledContractShortcutTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
    private const string RegistrationKey = "demo-registration-2026-key";

    private readonly PortalFactory _pages = new() { Clock = new FakeTimeProvider(Start) };
    private readonly PortalFactory _shortcut = new() { Clock = new FakeTimeProvider(Start) };

    public void Dispose()
    {
        _pages.Dispose();
        _shortcut.Dispose();
    }

    [Fact]
    public async Task AContractFiledByTheShortcut_IsSeenByEveryLaterStep_AsOneFiledThroughThePages()
    {
        var journey = await FilingJourney.FiledAsync(_pages, "seller-clean", "home-clean", "buyer-1");
        var shortcut = await FiledContract.CreateAsync(_shortcut, "seller-clean", "home-clean", "buyer-1");

        var byPages = await LaterStepsAsync(_pages, journey.Seller.Client, journey.ContractId, journey.ContractNumber);
        var byShortcut = await LaterStepsAsync(_shortcut, shortcut.Seller.Client, shortcut.ContractId, shortcut.ContractNumber);

        // What a later step reads of the contract, and that it reads the right thing (not two equal blanks).
        Assert.Matches(@"^武房2026\d{6}$", journey.ContractNumber);
        Assert.Matches(@"^武房2026\d{6}$", shortcut.ContractNumber);
        Assert.Contains("已生成合同", byPages.SellerRow, StringComparison.Ordinal);
        Assert.Equal(byPages.SellerRow, byShortcut.SellerRow);
        Assert.Equal(byPages.SellerActions, byShortcut.SellerActions);
        Assert.Contains("（您是买方）", byPages.BuyerRow, StringComparison.Ordinal);
        Assert.Equal(byPages.BuyerRow, byShortcut.BuyerRow);
        Assert.Contains("壹佰贰拾捌万元整", byPages.Pdf, StringComparison.Ordinal);
        Assert.Equal(byPages.Pdf, byShortcut.Pdf);
        Assert.Equal(("签章有效", "有效", "文件内容与网签系统中该合同的记录一致。"), (byPages.Upload.Verdict, byPages.Upload.Status, byPages.Upload.ContentMatch));
        Assert.Equal(byPages.Upload, byShortcut.Upload);
        Assert.Equal("有效", byPages.ByToken.Status);
        Assert.Equal(byPages.ByToken, byShortcut.ByToken);
        Assert.Equal("140****0014", byPages.Revocation.MaskedPhone);
        Assert.Equal(byPages.Revocation, byShortcut.Revocation);
        Assert.Contains("撤销", byPages.SignedInRevocation, StringComparison.Ordinal);
        Assert.Equal(byPages.SignedInRevocation, byShortcut.SignedInRevocation);
        Assert.Contains("\"status\":\"Filed\"", byPages.Partner, StringComparison.Ordinal);
        Assert.Equal(byPages.Partner, byShortcut.Partner);
        Assert.Contains("周文涛", byPages.StaffParties, StringComparison.Ordinal);
        Assert.Equal(byPages.StaffParties, byShortcut.StaffParties);
        Assert.Contains(byPages.StaffHistory, row => row.Contains("| contract.filed |", StringComparison.Ordinal));
        Assert.Equal(WithoutJourneyOnlyRows(byPages.StaffHistory), byShortcut.StaffHistory);

        // And the step after: the registration department records the transfer (已备案) the same way.
        Assert.Equal(HttpStatusCode.OK, byPages.Registration);
        Assert.Equal(byPages.Registration, byShortcut.Registration);
        Assert.Contains("已备案", byPages.RowAfterRegistration, StringComparison.Ordinal);
        Assert.Equal(byPages.RowAfterRegistration, byShortcut.RowAfterRegistration);

        // The shortcut took its number from the portal's own counter: the next filing through the pages gets the next one.
        var next = await FilingJourney.FiledAsync(_shortcut, "seller-two-homes", "home-dxh-clean", "buyer-2");
        var taken = ContractNumber.Parse(shortcut.ContractNumber);
        Assert.Equal(ContractNumber.Create(taken.Year, taken.Sequence + 1).Value, next.ContractNumber);
    }

    /// <summary>
    /// The journey's history without the two rows about what the shortcut does not do, by design: the registry check of
    /// the buyers' names, ID numbers and phones, and 发送短信验证码. Every other row must be there. Sorted: the page orders by
    /// the moment only, and on a fake clock that stands still many rows share one.
    /// </summary>
    private static List<string> WithoutJourneyOnlyRows(List<string> history) =>
        [.. history.Where(row => !row.Contains("| buyers.registry-check |", StringComparison.Ordinal)
                                 && !row.Contains("| contract.filing-codes-sent |", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private sealed record Upload(string? Verdict, string? Status, string? Price, string? Parties, string? ContentMatch);

    private sealed record ByToken(string? Status, string? Number, string? Parties);

    private sealed record Revocation(string? MaskedPhone, string Page);

    private sealed record LaterSteps(
        string SellerRow, string SellerActions, string BuyerRow, string Pdf, Upload Upload, ByToken ByToken, Revocation Revocation,
        string SignedInRevocation, string Partner, string StaffParties, List<string> StaffHistory, HttpStatusCode Registration,
        string RowAfterRegistration);

    /// <summary>Every later step a filed contract goes through, read with what differs by nature (ids, number, listing code, moments) blanked.</summary>
    private static async Task<LaterSteps> LaterStepsAsync(PortalFactory factory, HttpClient seller, Guid contractId, string number)
    {
        var (listingCode, token) = await factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId)
            .Join(db.Listings, c => c.ListingId, l => l.Id, (c, l) => new { l.ListingCode, c.VerificationToken })
            .Select(x => ValueTuple.Create(x.ListingCode, x.VerificationToken!)).SingleAsync());
        string Blank(string? text) => Whitespace().Replace(Moment().Replace(
            (text ?? string.Empty).Replace(contractId.ToString(), "{contract}", StringComparison.OrdinalIgnoreCase)
                .Replace(number, "{number}", StringComparison.Ordinal)
                .Replace(listingCode, "{listing}", StringComparison.Ordinal), "{time}"),
            " ").Trim();

        var list = await Forms.GetDocumentAsync(seller, "/contracts");
        var row = list.QuerySelector("#contracts tbody tr");
        var actions = string.Join(" ", row?.QuerySelectorAll("a").Select(a => $"{a.TextContent.Trim()}={a.GetAttribute("href")}") ?? []);
        var buyer = await SignedIn.CitizenAsync(factory, DemoData.Citizen("buyer-1"));
        var buyerList = await Forms.GetDocumentAsync(buyer, "/contracts");

        using var download = await seller.GetAsync(new Uri($"/contracts/{contractId}/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var pdf = await download.Content.ReadAsByteArrayAsync();
        using var visitor = factory.CreateClient();
        var uploaded = await UploadAsync(visitor, pdf);
        var byToken = await Forms.GetDocumentAsync(visitor, $"/verify/{token}");
        var lookup = await RevocationForms.LookupAsync(visitor, number, DemoData.Citizen("buyer-1").IdNumber);
        var revokePage = await Forms.GetDocumentAsync(seller, $"/contracts/{contractId}/revoke");

        using var partner = factory.CreateClient();
        partner.DefaultRequestHeaders.Add("X-Api-Key", RegistrationKey);
        var partnerUri = new Uri($"/api/partner/contracts/{Uri.EscapeDataString(number)}", UriKind.Relative);
        using var read = await partner.GetAsync(partnerUri);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var json = JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonElement>(await read.Content.ReadAsStringAsync()));

        var staff = await StaffLogin.SignInAsync(factory, "staff");
        var detail = await Forms.GetDocumentAsync(staff, $"/staff/contracts/{contractId}");
        var history = detail.QuerySelectorAll("#history tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => Blank(c.TextContent))))
            .Order(StringComparer.Ordinal)
            .ToList();

        using var registered = await partner.PostAsync(new Uri(partnerUri.OriginalString + "/registration", UriKind.Relative), null);
        var after = await Forms.GetDocumentAsync(seller, "/contracts");

        return new LaterSteps(
            Blank(row?.TextContent),
            Blank(actions),
            Blank(buyerList.QuerySelector("#contracts tbody tr")?.TextContent),
            Blank(string.Join("\f", PdfText.Pages(pdf))),
            new Upload(Text(uploaded, "#verify-verdict"), Text(uploaded, "#contract-status"), Text(uploaded, "#contract-price"),
                Blank(Text(uploaded, "#verified-parties")), Text(uploaded, "#content-match")),
            new ByToken(Text(byToken, "#contract-status"), Blank(Text(byToken, "#contract-number")), Blank(Text(byToken, "#verified-parties"))),
            new Revocation(lookup.QuerySelector("#MaskedPhone")?.GetAttribute("value"), Blank(lookup.QuerySelector("main")?.TextContent)),
            Blank(revokePage.QuerySelector("main")?.TextContent),
            Blank(json),
            Blank(detail.QuerySelector("#staff-parties")?.TextContent),
            history,
            registered.StatusCode,
            Blank(after.QuerySelector("#contracts tbody tr")?.TextContent));
    }

    private static async Task<IHtmlDocument> UploadAsync(HttpClient client, byte[] pdf)
    {
        var form = await Forms.GetDocumentAsync(client, "/verify");
        var token = form.QuerySelector("form[action='/verify'] input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The upload form has no antiforgery token.");
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "File", "合同.pdf" } };
        using var response = await client.PostAsync(new Uri("/verify", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.ParseAsync(response);
    }

    private static string? Text(IHtmlDocument page, string selector) => page.QuerySelector(selector)?.TextContent.Trim();

    /// <summary>A moment as the pages, the PDF and the API write it: the journey's sign-ins move the fake clock on, the shortcut's do not.</summary>
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Moment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
