namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>Signs a demo staff account in through the staff sign-in page; the client does not follow redirects.</summary>
public static class StaffLogin
{
    public static async Task<HttpClient> SignInAsync(PortalFactory factory, string userName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var staff = DemoData.Set.Staff.Single(s => s.UserName == userName);
        var client = factory.CreateClient(CitizenLogin.NoRedirects);
        var page = await Forms.GetDocumentAsync(client, "/staff/login");
        using var response = await Forms.SubmitAsync(client, page, "form",
            new Dictionary<string, string?> { ["UserName"] = staff.UserName, ["Password"] = staff.Password });
        return response.Headers.Location?.OriginalString == "/staff"
            ? client
            : throw new InvalidOperationException($"Staff sign-in of '{userName}' failed.");
    }
}
