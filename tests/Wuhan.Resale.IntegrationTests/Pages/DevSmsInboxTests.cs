using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.Pages;

public sealed class DevSmsInboxTests
{
    [Fact]
    public async Task Inbox_InDevelopment_ShowsSentMessagesWithMaskedPhones()
    {
        using var factory = new PortalFactory();
        await SendAsync(factory, "14000000009", "测试短信：验证码 654321。");
        await SendAsync(factory, "14000000010", "另一位当事人的短信。");
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/dev/sms?phone=14000000009", UriKind.Relative));

        var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll("tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("140****0009", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("654321", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("14000000009", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_DoesNotExist_InProduction()
    {
        using var factory = new PortalFactory(environment: "Production");
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/dev/sms", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task SendAsync(PortalFactory factory, string phone, string text)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISmsGateway>().SendAsync(PhoneNumber.Parse(phone), text, "Test", CancellationToken.None);
    }
}
