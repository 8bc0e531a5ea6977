using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Web.Data.Seed;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// Drives 实名认证 as people do: a desktop browser shows the QR code, a phone (a second client with its own cookies)
/// opens it, sends the SMS code, reads it from the embedded gateway and authorises; the desktop then signs in.
/// </summary>
public sealed partial class CitizenLogin(PortalFactory factory)
{
    private HttpClient? _desktop;

    public static WebApplicationFactoryClientOptions NoRedirects => new() { AllowAutoRedirect = false };

    /// <summary>The desktop browser's cookies, so a test can replay a copy of them later (<see cref="CookieJars.Replay"/>).</summary>
    public CookieContainer DesktopCookies { get; } = new();

    public HttpClient Desktop => _desktop ??= CookieJars.NewClient(factory, DesktopCookies);

    public HttpClient Phone { get; } = factory.CreateClient(NoRedirects);

    public IHtmlDocument? LoginPage { get; private set; }

    /// <summary>The same-device link, carrying the ticket token.</summary>
    public string? TicketLink { get; private set; }

    /// <summary>The 配对码 the login page shows beside its QR code.</summary>
    public string? PairingCode => LoginPage?.QuerySelector("#pairing-code")?.TextContent.Trim();

    public async Task<string> OpenLoginPageAsync()
    {
        using var response = await Desktop.GetAsync(new Uri("/", UriKind.Relative));
        LoginPage = await Forms.ParseAsync(response);
        TicketLink = LoginPage.QuerySelector("#same-device-link")?.GetAttribute("href")
            ?? throw new InvalidOperationException(
                $"The login page shows no same-device link ({(int)response.StatusCode}): {LoginPage.Body?.TextContent.Trim()[..Math.Min(600, LoginPage.Body.TextContent.Trim().Length)]}");
        return TicketLink;
    }

    public async Task<IHtmlDocument> OpenPhonePageAsync()
    {
        using var response = await Phone.GetAsync(new Uri(TicketLink!, UriKind.Absolute));
        return await Forms.ParseAsync(response);
    }

    public static Dictionary<string, string?> Identity(DemoCitizen citizen) => new()
    {
        ["Name"] = citizen.Name,
        ["IdType"] = citizen.IdType.ToString(),
        ["IdNumber"] = citizen.IdNumber,
        ["Phone"] = citizen.Phone,
    };

    /// <summary>Presses 发送短信验证码 with the given fields (the test captcha answer unless overridden).</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SendCodeAsync(IHtmlDocument phonePage, Dictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string?>(fields);
        values.TryAdd("CaptchaAnswer", PortalFactory.CaptchaAnswer);
        values.TryAdd("PairingCode", PairingCode);
        var response = await Forms.SubmitAsync(Phone, phonePage, "form", values, ("Intent", "send"));
        return (response, await Forms.ParseAsync(response));
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> AuthoriseAsync(IHtmlDocument phonePage, string code)
    {
        var response = await Forms.SubmitAsync(Phone, phonePage, "form", new Dictionary<string, string?> { ["Code"] = code }, ("Intent", "authorise"));
        return (response, await Forms.ParseAsync(response));
    }

    public async Task<HttpResponseMessage> CompleteOnDesktopAsync() =>
        await Forms.SubmitAsync(Desktop, LoginPage!, "#complete-form");

    /// <summary>The whole journey for a demo citizen; returns the desktop client, signed in.</summary>
    public async Task<HttpClient> SignInAsync(DemoCitizen citizen)
    {
        ArgumentNullException.ThrowIfNull(citizen);

        // A phone gets one login code a minute: on a test clock, let that minute pass.
        factory.Clock?.Advance(TimeSpan.FromSeconds(61));
        await OpenLoginPageAsync();
        var page = await OpenPhonePageAsync();
        var (_, afterSend) = await SendCodeAsync(page, Identity(citizen));
        var code = await LatestCodeAsync(factory, citizen.Phone)
            ?? throw new InvalidOperationException("No SMS code was sent: " + afterSend.QuerySelector(".field-error")?.TextContent);
        var (_, authorised) = await AuthoriseAsync(afterSend, code);
        if (authorised.QuerySelector("h1")?.TextContent.Trim() != "授权成功")
        {
            throw new InvalidOperationException("Authorisation failed: " + authorised.QuerySelector(".field-error")?.TextContent);
        }

        using var complete = await CompleteOnDesktopAsync();
        if (complete.StatusCode != HttpStatusCode.Redirect || complete.Headers.Location?.OriginalString != "/me")
        {
            throw new InvalidOperationException($"Desktop sign-in failed: {complete.StatusCode} {complete.Headers.Location}");
        }

        return Desktop;
    }

    /// <summary>
    /// The 6-digit code in the newest message sent to this phone, as the phone's owner reads it: from the development
    /// outbox (the database keeps the texts with their codes masked).
    /// </summary>
    public static Task<string?> LatestCodeAsync(PortalFactory factory, string phone, string purpose = "Login")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var latest = factory.Services.GetRequiredService<Web.Messaging.DevSmsOutbox>().Newest(phone).FirstOrDefault(m => m.Purpose == purpose);
        return Task.FromResult(latest is null ? null : SmsText.Code(latest.Text));
    }

    /// <summary>Every full text sent to this phone, oldest first, as its owner reads them.</summary>
    public static Task<List<string>> SmsTextsAsync(PortalFactory factory, string phone)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Task.FromResult(factory.Services.GetRequiredService<Web.Messaging.DevSmsOutbox>().Newest(phone).Reverse().Select(m => m.Text).ToList());
    }

    public static Task<int> SmsCountAsync(PortalFactory factory, string phone)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(db =>
        {
            var hash = db.LookupHash(phone);
            return db.SmsMessages.CountAsync(m => EF.Property<string>(m, "PhoneHash") == hash);
        });
    }

}
