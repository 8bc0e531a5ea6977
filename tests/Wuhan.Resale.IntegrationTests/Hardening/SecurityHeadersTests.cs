using System.Net;
using AngleSharp.Html.Parser;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Hardening;

/// <summary>Every answer, page or not, carries the headers that stop framing, sniffing and inline code.</summary>
public sealed class SecurityHeadersTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    // Anonymous requests only: one portal serves every test of the class.
    private readonly PortalFactory _factory = portal.Factory;

    public static TheoryData<string> Addresses => ["/", "/staff/login", "/revocation", "/css/site.css", "/no-such-page", "/api/partner/contracts/WF1", "/healthz"];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task EveryResponse_CarriesTheStrictPolicyAndTheOtherHeaders(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "No HSTS in Development.");
    }

    [Fact]
    public async Task Production_SendsHsts_OnHttps()
    {
        using var production = new PortalFactory(environment: "Production");
        production.Settings["AllowedHosts"] = "portal.test.invalid";
        // HSTS is never sent to localhost, so the request names the public host.
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.test.invalid") });

        using var response = await client.GetAsync(new Uri("/staff/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/staff/login")]
    [InlineData("/revocation")]
    public async Task Pages_HaveNoInlineScriptOrStyle_SoThePolicyBreaksNothing(string path)
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        var document = new HtmlParser().ParseDocument(html);
        Assert.DoesNotContain(document.QuerySelectorAll("script:not([src])"), s => s.GetAttribute("type") != "application/json");
        Assert.Empty(document.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header.");
}
