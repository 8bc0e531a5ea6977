using System.Net;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// Signs a staff account in through the staff sign-in pages (password, then the 动态验证码 when the account has one);
/// the client does not follow redirects.
/// </summary>
public static class StaffLogin
{
    public const string CodePath = "/staff/login/code";

    public static Task<HttpClient> SignInAsync(PortalFactory factory, string userName) => SignInAsync(factory, userName, new CookieContainer());

    /// <summary>A demo staff account signed in on a client whose cookies land in <paramref name="jar"/>.</summary>
    public static async Task<HttpClient> SignInAsync(PortalFactory factory, string userName, CookieContainer jar)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var staff = DemoData.Set.Staff.Single(s => s.UserName == userName);
        var client = CookieJars.NewClient(factory, jar);
        return await SignInAsync(client, staff.UserName, staff.Password, staff.AuthenticatorKey)
            ? client
            : throw new InvalidOperationException($"Staff sign-in of '{userName}' failed.");
    }

    /// <summary>
    /// Submits the staff sign-in form and, when asked for one, a code computed from <paramref name="authenticatorKey"/>;
    /// true when the portal let the account in.
    /// </summary>
    public static async Task<bool> SignInAsync(HttpClient client, string userName, string password, string? authenticatorKey = null)
    {
        using var response = await SubmitPasswordAsync(client, userName, password);
        var location = response.Headers.Location?.OriginalString;
        if (authenticatorKey is not null && location?.StartsWith(CodePath, StringComparison.Ordinal) == true)
        {
            using var coded = await SubmitCodeAsync(client, Totp.Code(authenticatorKey), location);
            location = coded.Headers.Location?.OriginalString;
        }

        return location == "/staff";
    }

    /// <summary>The first step alone: the password form.</summary>
    public static async Task<HttpResponseMessage> SubmitPasswordAsync(HttpClient client, string userName, string password)
    {
        var page = await Forms.GetDocumentAsync(client, "/staff/login");
        return await Forms.SubmitAsync(client, page, "form", new Dictionary<string, string?> { ["UserName"] = userName, ["Password"] = password });
    }

    /// <summary>The second step: a code (or recovery code) on the page the password step sent the client to.</summary>
    public static async Task<HttpResponseMessage> SubmitCodeAsync(HttpClient client, string code, string codePage = CodePath)
    {
        var page = await Forms.GetDocumentAsync(client, codePage);
        return await Forms.SubmitAsync(client, page, "form", new Dictionary<string, string?> { ["Code"] = code });
    }
}
