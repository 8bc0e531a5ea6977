using System.Net;
using AngleSharp.Html.Parser;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Pages;

public sealed class PublicPagesTests(PublicPagesTests.Fixture fixture) : IClassFixture<PublicPagesTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task LoginPage_IsChinese_AndLinksToRevocation()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        var revoke = document.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent.Trim() == "合同网签撤销");
        Assert.NotNull(revoke);
        Assert.Equal("/revocation", revoke.GetAttribute("href"));

        // Chinese is written as characters, not numeric entities.
        Assert.Contains("存量房自行交易合同网签", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevocationPage_IsReachableWithoutSigningIn()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync(new Uri("/revocation", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("合同网签撤销", document.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Healthz_ReportsHealthy_WhenTheDatabaseAnswers()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPage_ShowsAChineseNotFoundPage()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("页面不存在", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(document.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href") == "/"));
    }
}
