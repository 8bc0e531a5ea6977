using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Wuhan.Resale.Web.Data.Seed;

namespace Wuhan.Resale.LoadRun;

/// <summary>
/// One seller's whole journey through the pages, as a person does it: QR sign-in confirmed on the phone page, property
/// query, user notice, verification of the home, the buyer, the contract form, filing with both parties' SMS codes, the
/// PDF, and for some journeys the revocation. Codes are read from the embedded gateway's development inbox
/// (<c>/dev/sms?format=json</c>, of every instance), as a tester reads them off the phones.
/// </summary>
internal sealed partial class Journey(HttpClient http, LoadRunOptions options, Stats stats, int number)
{
    private readonly LoadPerson _seller = LoadPopulation.Seller(number);
    private readonly LoadPerson _buyer = LoadPopulation.Buyer(number);
    private readonly LoadHome _home = LoadPopulation.Home(number);

    /// <summary>The answer the portal's captcha accepts in this run (Captcha:FixedAnswer, Development/Demo only).</summary>
    public const string CaptchaAnswer = "LOAD";

    public async Task RunAsync()
    {
        // Each journey comes from its own network address, like citizens behind the bureau's proxy.
        var address = string.Create(CultureInfo.InvariantCulture, $"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}");
        var desktop = new Browser(http, options.BaseUrls, address, stats);
        var phone = new Browser(http, options.BaseUrls, address, stats);

        await SignInAsync(desktop, phone);
        var listingId = await VerifyHomeAsync(desktop);
        var contractId = await SaveBuyerAsync(desktop, listingId);
        await FillContractAsync(desktop, contractId);
        await FileAsync(desktop, contractId);
        stats.Filed();

        var pdf = await desktop.GetAsync("contract-pdf", $"/contracts/{contractId}/pdf");
        Browser.Expect("contract-pdf", pdf, HttpStatusCode.OK);
        if (pdf.ContentType != "application/pdf" || pdf.Bytes < 1000)
        {
            throw new JourneyException("contract-pdf", $"not a PDF: {pdf.ContentType}, {pdf.Bytes} bytes");
        }

        if (options.RevokeEvery > 0 && number % options.RevokeEvery == 0)
        {
            await RevokeAsync(desktop, contractId);
            stats.Revoked();
        }

        stats.JourneyDone();
    }

    private async Task SignInAsync(Browser desktop, Browser phone)
    {
        var login = await desktop.GetPageAsync("login-page", "/");
        var link = login.QuerySelector("#same-device-link")?.GetAttribute("href")
            ?? throw new JourneyException("login-page", "no QR link: " + Browser.Title(login));
        var pairing = login.QuerySelector("#pairing-code")?.TextContent.Trim() ?? string.Empty;

        var mobile = await phone.GetPageAsync("phone-page", new Uri(link, UriKind.Absolute).PathAndQuery);
        if (mobile.QuerySelector("img[src^='/captcha/']")?.GetAttribute("src") is { } captcha)
        {
            Browser.Expect("captcha-image", await phone.GetAsync("captcha-image", captcha), HttpStatusCode.OK);
        }

        var identity = new Dictionary<string, string>
        {
            ["Name"] = _seller.Name,
            ["IdType"] = "ResidentIdCard",
            ["IdNumber"] = _seller.IdNumber,
            ["Phone"] = _seller.Phone,
            ["CaptchaAnswer"] = CaptchaAnswer,
            ["PairingCode"] = pairing,
        };
        var sent = await phone.SubmitAsync("phone-send-code", mobile, "form", identity, ("Intent", "send"));
        Browser.Expect("phone-send-code", sent, HttpStatusCode.OK);
        var afterSend = phone.Parse(sent);
        var code = await LatestCodeAsync(phone, _seller.Phone, "Login")
            ?? throw new JourneyException("phone-send-code", "no login SMS: " + Browser.Errors(afterSend));

        var authorised = await phone.SubmitAsync("phone-authorise", afterSend, "form",
            new Dictionary<string, string> { ["Code"] = code }, ("Intent", "authorise"));
        Browser.Expect("phone-authorise", authorised, HttpStatusCode.OK);
        var done = phone.Parse(authorised);
        if (Browser.Title(done) != "授权成功")
        {
            throw new JourneyException("phone-authorise", "not authorised: " + Browser.Title(done) + " " + Browser.Errors(done));
        }

        var complete = await desktop.SubmitAsync("login-complete", login, "#complete-form");
        Browser.Expect("login-complete", complete, HttpStatusCode.Redirect, "/me");
        Browser.Expect("me", await desktop.GetAsync("me", "/me"), HttpStatusCode.OK);
    }

    /// <summary>个人房产信息查询 → 用户须知 → 可售房屋 → 确认提交; returns the listing id.</summary>
    private async Task<Guid> VerifyHomeAsync(Browser desktop)
    {
        var listing = await desktop.GetPageAsync("listing", "/listing");
        var started = Stopwatch.GetTimestamp();
        var query = await desktop.SubmitAsync("query-start", listing, "form[action='/listing/queries']");
        Browser.Expect("query-start", query, HttpStatusCode.Redirect, "/listing");

        // The background worker answers; the page shows 生成房源编码 once it has (the page's own script reloads too).
        string? notice = null;
        for (var attempt = 0; notice is null; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(attempt < 10 ? 100 : 500);
            }

            if (attempt > 120)
            {
                throw new JourneyException("query-result", "the property query did not complete within a minute");
            }

            listing = await desktop.GetPageAsync("listing", "/listing");
            notice = listing.QuerySelector("a[href$='/notice']")?.GetAttribute("href");
        }

        stats.Record("query-result", Stopwatch.GetElapsedTime(started), serverError: false);
        var noticePage = await desktop.GetPageAsync("notice", notice);
        var consent = await desktop.SubmitAsync("notice-consent", noticePage, "form", new Dictionary<string, string> { ["agree"] = "true" });
        Browser.Expect("notice-consent", consent, HttpStatusCode.Redirect, "/listing/queries/");

        var homes = await desktop.GetPageAsync("homes", consent.Location!);
        var radio = homes.QuerySelectorAll("input[type=radio][name=recordId]").OfType<IHtmlInputElement>()
            .FirstOrDefault(r => r.Closest(".home-item, tr, li, div")?.TextContent.Contains(_home.CertificateNumber, StringComparison.Ordinal) == true)
            ?? homes.QuerySelectorAll("input[type=radio][name=recordId]").OfType<IHtmlInputElement>().SingleOrDefault()
            ?? throw new JourneyException("homes", "the seller's home is not listed: " + Browser.Title(homes));
        var verified = await desktop.SubmitAsync("verify", homes, "form[action$='/verify']",
            new Dictionary<string, string> { ["recordId"] = radio.Value });
        if (verified.Status != HttpStatusCode.Redirect)
        {
            throw new JourneyException("verify", "refused: " + Browser.Errors(desktop.Parse(verified)));
        }

        await desktop.GetPageAsync("listing-result", verified.Location!);
        return Guid.Parse(verified.Location!.Split('/')[^1]);
    }

    /// <summary>确认买方 with the journey's buyer; returns the new draft contract's id.</summary>
    private async Task<Guid> SaveBuyerAsync(Browser desktop, Guid listingId)
    {
        var page = await desktop.GetPageAsync("buyers", $"/listings/{listingId}/buyers");
        var saved = await desktop.SubmitAsync("buyers-save", page, "form", new Dictionary<string, string>
        {
            ["Rows[0].Name"] = _buyer.Name,
            ["Rows[0].IdType"] = "ResidentIdCard",
            ["Rows[0].IdNumber"] = _buyer.IdNumber,
            ["Rows[0].Phone"] = _buyer.Phone,
        }, ("Intent", "save"));
        if (saved.Status != HttpStatusCode.Redirect)
        {
            throw new JourneyException("buyers-save", "refused: " + Browser.Errors(desktop.Parse(saved)));
        }

        var contracts = await desktop.GetPageAsync("contracts", saved.Location!);
        var edit = contracts.QuerySelector("a[href$='/edit']")?.GetAttribute("href")
            ?? throw new JourneyException("contracts", "no contract to fill in");
        return Guid.Parse(edit.Split('/')[^2]);
    }

    /// <summary>填写合同: every article of the model contract filled in as a careful seller would, then 保存合同信息.</summary>
    private static async Task FillContractAsync(Browser desktop, Guid contractId)
    {
        var page = await desktop.GetPageAsync("contract-edit", $"/contracts/{contractId}/edit");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var saved = await desktop.SubmitAsync("contract-save", page, "#contract-form", new Dictionary<string, string>
        {
            ["SellerServiceAddress"] = "武汉市江汉区新华路100号3栋2单元501室",
            ["BuyerServiceAddress"] = "武汉市洪山区珞喻路20号8栋1203室",
            ["AttachedFacilities"] = "水、电、燃气、有线电视",
            ["IsLet"] = "false",
            ["Price"] = "1280000",
            ["DecorationAmount"] = "80000",
            ["PaymentMethod"] = "Installments",
            ["FundsThroughEscrow"] = "true",
            ["Installments[0].DueOn"] = Day(14),
            ["Installments[0].Amount"] = "380000",
            ["Installments[0].Description"] = "首付款",
            ["Installments[1].DueOn"] = Day(60),
            ["Installments[1].Amount"] = "900000",
            ["Installments[1].Description"] = "尾款",
            ["Deposit"] = "100000",
            ["DepositDueOn"] = Day(7),
            ["DepositCountsTowardPrice"] = "false",
            ["DeliveryDate"] = Day(90),
            ["UtilitiesTransferDays"] = "15",
            ["MaintenanceFund"] = "IncludedInPrice",
            ["TransferRegistrationWithinDays"] = "60",
            ["DeliveryConditions"] = "交清全部房款后交付钥匙",
            ["TaxBearer"] = "EachAsLawProvides",
            ["HukouMoveOutDays"] = "30",
            ["HukouDailyPenalty"] = "100",
            ["LatePaymentDailyRate"] = "5",
            ["LateDeliveryDailyRate"] = "5",
            ["TerminationAfterDays"] = "30",
            ["DisputeResolution"] = "Court",
            ["Copies"] = "4",
            ["OtherTerms"] = "无",
        }, ("Intent", "save"));
        if (saved.Status != HttpStatusCode.Redirect)
        {
            throw new JourneyException("contract-save", "not saved: " + Browser.Errors(desktop.Parse(saved)));
        }

        await desktop.GetPageAsync("contract-edit", saved.Location!);
    }

    /// <summary>申报网签: 发送短信验证码, each party's code from their phone, 确认提交.</summary>
    private async Task FileAsync(Browser desktop, Guid contractId)
    {
        var page = await desktop.GetPageAsync("filing-page", $"/contracts/{contractId}/file");
        var sent = await desktop.SubmitAsync("filing-send-codes", page, "form", null, ("intent", "send"));
        Browser.Expect("filing-send-codes", sent, HttpStatusCode.OK);
        var withCodes = desktop.Parse(sent);
        var codes = new Dictionary<string, string>();
        foreach (var row in withCodes.QuerySelectorAll("#parties tbody tr"))
        {
            var input = row.QuerySelector("input[name^='codes[']") as IHtmlInputElement
                ?? throw new JourneyException("filing-send-codes", "a party has no code box: " + Browser.Errors(withCodes));
            var party = row.TextContent.Contains("买家", StringComparison.Ordinal) ? _buyer : _seller;
            codes[input.Name!] = await LatestCodeAsync(desktop, party.Phone, "Filing")
                ?? throw new JourneyException("filing-send-codes", "no filing SMS: " + Browser.Errors(withCodes));
        }

        var filed = await desktop.SubmitAsync("filing-confirm", withCodes, "form", codes, ("intent", "confirm"));
        if (filed.Status != HttpStatusCode.Redirect || filed.Location != "/contracts?message=filed")
        {
            throw new JourneyException("filing-confirm", $"not filed ({(int)filed.Status} {filed.Location}): {Browser.Errors(desktop.Parse(filed))}");
        }

        await desktop.GetPageAsync("contracts", filed.Location);
    }

    /// <summary>撤销网签 from the contracts list, confirmed with the code sent to the seller's phone.</summary>
    private async Task RevokeAsync(Browser desktop, Guid contractId)
    {
        var page = await desktop.GetPageAsync("revoke-page", $"/contracts/{contractId}/revoke");
        var sent = await desktop.SubmitAsync("revoke-send-code", page, "form", null, ("intent", "send"));
        Browser.Expect("revoke-send-code", sent, HttpStatusCode.OK);
        var withCode = desktop.Parse(sent);
        var code = await LatestCodeAsync(desktop, _seller.Phone, "Revocation")
            ?? throw new JourneyException("revoke-send-code", "no revocation SMS: " + Browser.Errors(withCode));
        var revoked = await desktop.SubmitAsync("revoke", withCode, "form", new Dictionary<string, string> { ["Code"] = code }, ("intent", "revoke"));
        Browser.Expect("revoke", revoked, HttpStatusCode.OK);
        var done = desktop.Parse(revoked);
        if (Browser.Title(done) != "撤销成功")
        {
            throw new JourneyException("revoke", "not revoked: " + Browser.Title(done) + " " + Browser.Errors(done));
        }
    }

    /// <summary>The code in the newest message of this purpose to this phone, from the development SMS inbox.</summary>
    private static async Task<string?> LatestCodeAsync(Browser browser, string phone, string purpose)
    {
        var newest = (SentAt: DateTimeOffset.MinValue, Code: (string?)null);
        foreach (var inbox in await browser.GetFromEveryInstanceAsync("sms-inbox", $"/dev/sms?phone={phone}&format=json"))
        {
            Browser.Expect("sms-inbox", inbox, HttpStatusCode.OK);
            using var json = JsonDocument.Parse(inbox.Body);
            foreach (var message in json.RootElement.EnumerateArray())
            {
                var sentAt = message.GetProperty("sentAt").GetDateTimeOffset();
                if (sentAt > newest.SentAt && message.GetProperty("purpose").GetString() == purpose
                    && CodePattern().Match(message.GetProperty("text").GetString() ?? string.Empty) is { Success: true } match)
                {
                    newest = (sentAt, match.Groups[1].Value);
                }
            }
        }

        return newest.Code;
    }

    [GeneratedRegex(@"验证码(\d{6})")]
    private static partial Regex CodePattern();
}
