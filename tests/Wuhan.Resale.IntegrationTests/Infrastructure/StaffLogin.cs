using System.Net;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>Signs a staff account in through the staff sign-in page; the client does not follow redirects.</summary>
public static class StaffLogin
{
    public static Task<HttpClient> SignInAsync(PortalFactory factory, string userName) => SignInAsync(factory, userName, new CookieContainer());

    /// <summary>A demo staff account signed in on a client whose cookies land in <paramref name="jar"/>.</summary>
    public static async Task<HttpClient> SignInAsync(PortalFactory factory, string userName, CookieContainer jar)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var staff = DemoData.Set.Staff.Single(s => s.UserName == userName);
        var client = CookieJars.NewClient(factory, jar);
        return await SignInAsync(client, staff.UserName, staff.Password)
            ? client
            : throw new InvalidOperationException($"Staff sign-in of '{userName}' failed.");
    }

    /// <summary>Submits the staff sign-in form; true when the portal let the account in.</summary>
    public static async Task<bool> SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await Forms.GetDocumentAsync(client, "/staff/login");
        using var response = await Forms.SubmitAsync(client, page, "form",
            new Dictionary<string, string?> { ["UserName"] = userName, ["Password"] = password });
        return response.Headers.Location?.OriginalString == "/staff";
    }
}
