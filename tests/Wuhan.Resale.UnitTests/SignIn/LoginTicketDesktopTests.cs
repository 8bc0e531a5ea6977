using Wuhan.Resale.Domain.SignIn;

namespace Wuhan.Resale.UnitTests.SignIn;

/// <summary>
/// What the phone page shows of the computer asking to sign in: the browser (at most 60 characters) and the masked
/// address (at most 45), cut rather than refused when longer, and nothing for a blank value.
/// </summary>
public class LoginTicketDesktopTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static LoginTicket Ticket() => new(Guid.NewGuid(), "token-hash", "claim-hash", Now);

    [Fact]
    public void TheBrowserAndAddress_AreShownAsGiven()
    {
        var ticket = Ticket();

        ticket.DescribeDesktop("Edge（Windows）", "203.0.*.*");

        Assert.Equal(("Edge（Windows）", "203.0.*.*"), (ticket.DesktopBrowser, ticket.DesktopAddress));
    }

    [Fact]
    public void ValuesAtTheirLimits_AreKept_AndLongerOnes_AreCut()
    {
        var atLimit = Ticket();
        var longer = Ticket();
        var browser = new string('b', 60);
        var address = new string('a', 45);

        atLimit.DescribeDesktop(browser, address);
        longer.DescribeDesktop(browser + "xyz", address + "xyz");

        Assert.Equal((browser, address), (atLimit.DesktopBrowser, atLimit.DesktopAddress));
        Assert.Equal((browser, address), (longer.DesktopBrowser, longer.DesktopAddress));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankValue_ShowsNothing(string? value)
    {
        var ticket = Ticket();

        ticket.DescribeDesktop(value, value);

        Assert.Equal(((string?)null, (string?)null), (ticket.DesktopBrowser, ticket.DesktopAddress));
    }
}
