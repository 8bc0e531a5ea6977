using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Pages;

public sealed class ErrorHandlingTests
{
    [Fact]
    public async Task UnexpectedFailure_InProduction_ShowsAFriendlyPageWithATraceId_AndNoStackTrace()
    {
        using var factory = new PortalFactory(environment: "Production");
        using var client = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IStartupFilter, ThrowingEndpointFilter>())).CreateClient();

        var response = await client.GetAsync(new Uri("/test/boom", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("系统暂时无法完成您的请求", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("code")?.TextContent));
        Assert.DoesNotContain(ThrowingEndpointFilter.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_ReportsUnhealthy_WhenTheDatabaseCannotBeOpened()
    {
        using var factory = new PortalFactory();
        factory.Settings["ConnectionStrings:Resale"] = "Data Source=/nonexistent-folder/missing/resale.db;Mode=ReadOnly";
        factory.Settings["Database:MigrateOnStartup"] = "false";
        factory.Settings["Database:SeedDemoData"] = "false";
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Adds an endpoint that fails, behind the portal's own exception handling.</summary>
    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public const string Secret = "secret-internal-detail";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/boom", branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
