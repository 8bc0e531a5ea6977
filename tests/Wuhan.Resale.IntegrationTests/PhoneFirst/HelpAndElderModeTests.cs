using System.Net;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.PhoneFirst;

/// <summary>办事指南, FAQ and hotline on every page, and the 长辈版 switch remembered in a cookie, all without script.</summary>
public sealed class HelpAndElderModeTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    // Anonymous requests only: one portal serves every test of the class.
    private readonly PortalFactory _factory = portal.Factory;

    [Theory]
    [InlineData("/", "/help/login")]
    [InlineData("/revocation", "/help")]
    [InlineData("/help/faq", "/help")]
    public async Task EveryPage_LinksItsHelp_TheHotline_AndTheElderSwitch(string path, string help)
    {
        var client = _factory.CreateClient();
        var page = await Forms.GetDocumentAsync(client, path);
        Assert.Equal(help, page.QuerySelector("#help-link")?.GetAttribute("href"));
        Assert.Equal("tel:12345", page.QuerySelector("#hotline")?.GetAttribute("href"));
        Assert.Equal("长辈版", page.QuerySelector("#elder-switch")?.TextContent.Trim());
        using var target = await client.GetAsync(new Uri(page.QuerySelector("#help-link")!.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
    }

    [Fact]
    public async Task TheElderSwitch_IsRemembered_AndOnlyReturnsToPagesOfThePortal()
    {
        var client = _factory.CreateClient(CitizenLogin.NoRedirects);
        var page = await Forms.GetDocumentAsync(client, "/help/faq");
        using var on = await client.GetAsync(new Uri(page.QuerySelector("#elder-switch")!.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal("/help/faq", on.Headers.Location?.OriginalString);

        var elder = await Forms.GetDocumentAsync(client, "/help/faq");
        Assert.Equal("elder", elder.DocumentElement.GetAttribute("class"));
        Assert.Equal("标准版", elder.QuerySelector("#elder-switch")?.TextContent.Trim());
        Assert.True(elder.QuerySelectorAll("details.faq").Length >= 5);

        using var away = await client.GetAsync(new Uri("/display?elder=0&back=https://example.com/", UriKind.Relative));
        Assert.Equal("/", away.Headers.Location?.OriginalString);
        var normal = await Forms.GetDocumentAsync(client, "/help");
        Assert.Null(normal.DocumentElement.GetAttribute("class"));
    }

    [Fact]
    public async Task AnUnknownHelpTopic_IsNotFound()
    {
        using var response = await _factory.CreateClient().GetAsync(new Uri("/help/nothing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
