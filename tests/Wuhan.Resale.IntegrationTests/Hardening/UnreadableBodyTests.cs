using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Hardening;

/// <summary>A body the portal cannot read gets one clear 400 page, never the misleading 404 or a 500.</summary>
public sealed class UnreadableBodyTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    // Anonymous requests only: one portal serves every test of the class.
    private readonly PortalFactory _factory = portal.Factory;

    public static TheoryData<string, string> Bodies => new()
    {
        { "/staff/login", "UserName=staff&Password=x%00y" },
        { "/staff/login", string.Join('&', Enumerable.Range(0, 1_200).Select(i => $"f{i}=1")) },
        { "/revocation", "a%00b=1" },
        { "/login/ticket", "x=" + new string('a', 5_000_000) },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task AnUnreadableForm_Gets400_请求格式不正确(string path, string body)
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求格式不正确", new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("frame-ancestors 'none'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANulInTheQueryString_Gets400_请求格式不正确()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/revocation?x=%00", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求格式不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
