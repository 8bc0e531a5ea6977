using System.Net;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Hardening;

/// <summary>Travel documents are masked in logs like ID numbers; an ID number never travels in a URL.</summary>
public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("passport E12345678 checked", "passport E1*****78 checked")]
    [InlineData("passport EA1234567 checked", "passport EA*****67 checked")]
    [InlineData("港澳通行证 H1234567890 checked", "港澳通行证 H1*******90 checked")]
    [InlineData("台湾通行证 12345678 checked", "台湾通行证 12****78 checked")]
    [InlineData("\"IdNumber\":\"1234567890\"", "\"IdNumber\":\"12******90\"")]
    [InlineData("old card ABC123456789012 here", "old card AB***********12 here")]
    [InlineData("resident 420102197803140479", "resident 4201**********0479")]
    public void RedactLog_MasksPassportAndPermitNumbers(string input, string expected) =>
        Assert.Equal(expected, PersonalDataRedaction.RedactLog(input));

    [Theory]
    [InlineData("trace 0HNQC2F1CJ58V:00000001")]
    [InlineData("guid 01981234-3e4f-7a6b-8c9d-0e1f2a3b4c5d")]
    [InlineData("contract 武房2026050000 filed")]
    [InlineData("elapsed 12345.12345678 ms")]
    [InlineData("2026-11-26T02:00:00.0000000+00:00")]
    public void RedactLog_LeavesOrdinaryLogTextAlone(string input) =>
        Assert.Equal(input, PersonalDataRedaction.RedactLog(input));

    [Fact]
    public async Task StaffSearch_ByIdNumberInTheAddress_IsNotRun()
    {
        using var factory = new PortalFactory();
        using var staff = await StaffLogin.SignInAsync(factory, "staff");

        using var response = await staff.GetAsync(new Uri("/staff/contracts?q=" + DemoData.Citizen("buyer-1").IdNumber, UriKind.Relative));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("证件号码不在网址中传递", page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("post", page.QuerySelector("form[action='/staff/contracts']")?.GetAttribute("method"));
    }
}
