using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Pages;

/// <summary>
/// Each rate-limit policy answers 429 with <c>Retry-After</c> once a client (or a partner key) goes over its limit —
/// a Chinese page for people, problem+json for partners — and leaves other clients alone. Limits are set low here
/// through the documented <c>RateLimits</c> settings.
/// </summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly PortalFactory _factory;

    public RateLimitTests()
    {
        _factory = new PortalFactory { ConfigureServices = services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>() };
        _factory.Settings["RateLimits:AnonymousPagesPerMinute"] = "3";
        _factory.Settings["RateLimits:CaptchaImagesPerMinute"] = "2";
        _factory.Settings["RateLimits:SignInPostsPerMinute"] = "2";
        _factory.Settings["RateLimits:PartnerRequestsPerMinute"] = "2";
    }

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/revocation", 3)]
    [InlineData("/", 3)]
    [InlineData("/verify/unknown-token", 3)]
    [InlineData("/sign/unknown-token", 3)]
    [InlineData("/captcha/7f0d3d0e-3c7a-4b64-9d7e-6a4f0a6d7a01", 2)]
    public async Task AnAnonymousPage_Answers429WithRetryAfter_OverItsLimit_ForThatClientOnly(string path, int limit)
    {
        var client = Client("10.5.5.5");
        for (var i = 0; i < limit; i++)
        {
            using var allowed = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var other = await Client("10.5.5.6").GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("访问过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task StaffSignInPosts_AreLimitedPerClient()
    {
        var client = Client("10.5.6.1");
        var page = await Forms.GetDocumentAsync(client, "/staff/login");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Forms.SubmitAsync(client, page, "form",
                new Dictionary<string, string?> { ["UserName"] = "nobody", ["Password"] = "wrong-password" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ThePartnerApi_IsLimitedPerKey_WithAProblemBody()
    {
        var tax = Client("10.5.7.1", "demo-tax-2026-key");
        var registration = Client("10.5.7.1", "demo-registration-2026-key");
        var path = new Uri("/api/partner/contracts/" + Uri.EscapeDataString("武房2026000001"), UriKind.Relative);

        using var first = await tax.GetAsync(path);
        using var second = await tax.GetAsync(path);
        using var third = await tax.GetAsync(path);
        using var otherKey = await registration.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求过于频繁", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(third.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.NotFound, otherKey.StatusCode);
    }

    private HttpClient Client(string address, string? apiKey = null)
    {
        var client = _factory.CreateClient(CitizenLogin.NoRedirects);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.HeaderName, address);
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }
}
