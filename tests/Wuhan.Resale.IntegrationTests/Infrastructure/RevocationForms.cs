using AngleSharp.Html.Dom;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// The anonymous 撤销网签 page (/revocation) as a party uses it: look the contract up by its number and the party's ID
/// number (with the image captcha), have a code sent to the party's phone, type it and revoke.
/// </summary>
public static class RevocationForms
{
    /// <summary>Opens /revocation and presses 查询 with these values; returns the page after it.</summary>
    public static async Task<IHtmlDocument> LookupAsync(HttpClient client, string contractNumber, string idNumber, string? captcha = PortalFactory.CaptchaAnswer)
    {
        var page = await Forms.GetDocumentAsync(client, "/revocation");
        using var response = await Forms.SubmitAsync(client, page, "form", new Dictionary<string, string?>
        {
            ["ContractNumber"] = contractNumber,
            ["IdNumber"] = idNumber,
            ["CaptchaAnswer"] = captcha,
        }, ("Intent", "lookup"));
        return await Forms.ParseAsync(response);
    }

    /// <summary>Presses a button of the page (send, revoke, …), with the typed code where one is given; returns the page after it.</summary>
    public static async Task<IHtmlDocument> PressAsync(HttpClient client, IHtmlDocument page, string intent, string? code = null)
    {
        using var response = await Forms.SubmitAsync(client, page, "form",
            code is null ? null : new Dictionary<string, string?> { ["Code"] = code }, ("Intent", intent));
        return await Forms.ParseAsync(response);
    }

    /// <summary>Looks the contract up as this party and has the code sent: the page with the code box, and the code the party's phone received.</summary>
    public static async Task<(IHtmlDocument Page, string? Code)> CodeSentAsync(PortalFactory factory, HttpClient client, string contractNumber, string citizenKey)
    {
        var citizen = DemoData.Citizen(citizenKey);
        var found = await LookupAsync(client, contractNumber, citizen.IdNumber);
        var sent = await PressAsync(client, found, "send");
        return (sent, await CitizenLogin.LatestCodeAsync(factory, citizen.Phone, "Revocation"));
    }
}
