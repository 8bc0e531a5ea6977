using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.SignIn;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.SignIn;

/// <summary>扫码登录: a ticket is authorised on the phone within five minutes, then consumed once by the desktop.</summary>
public class LoginTicketTests
{
    private static readonly Guid _person = Guid.NewGuid();

    private static readonly DateTimeOffset _expiry = TestData.Now + LoginTicket.Lifetime;

    [Fact]
    public void New_IsPendingForFiveMinutes()
    {
        var ticket = NewTicket();

        Assert.Equal(LoginTicketStatus.Pending, ticket.Status);
        Assert.Equal(TestData.Now.AddMinutes(5), ticket.ExpiresAt);
        Assert.Null(ticket.PersonId);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(299, true)]
    [InlineData(300, false)]
    public void IsOpenForConfirmation_UntilItExpires(int secondsLater, bool open)
    {
        Assert.Equal(open, NewTicket().IsOpenForConfirmation(TestData.Now.AddSeconds(secondsLater)));
    }

    [Fact]
    public void Authorise_RecordsWhoAndWhen()
    {
        var ticket = NewTicket();
        var at = _expiry.AddSeconds(-1);

        ticket.Authorise(_person, at);

        Assert.Equal((LoginTicketStatus.Authorised, _person, at), (ticket.Status, ticket.PersonId, ticket.AuthorisedAt));
    }

    [Theory]
    [InlineData("expired", "二维码已过期，请在电脑上刷新二维码后重新扫码。")]
    [InlineData("authorised", "该二维码已经使用过，请在电脑上刷新二维码后重新扫码。")]
    [InlineData("consumed", "该二维码已经使用过，请在电脑上刷新二维码后重新扫码。")]
    public void Authorise_IsRefused_UnlessPendingAndUnexpired(string state, string message)
    {
        var ticket = TicketThatIs(state);
        var before = (ticket.Status, ticket.PersonId, ticket.AuthorisedAt);

        var ex = Assert.Throws<DomainException>(() => ticket.Authorise(Guid.NewGuid(), state == "expired" ? _expiry : TestData.Now));

        Assert.Equal(message, ex.Message);
        Assert.Equal(before, (ticket.Status, ticket.PersonId, ticket.AuthorisedAt));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(119)]
    public void Consume_ReturnsThePerson_UntilTwoMinutesPastExpiry(int secondsPastExpiry)
    {
        var ticket = TicketThatIs("authorised");
        var at = _expiry.AddSeconds(secondsPastExpiry);

        var person = ticket.Consume(at);

        Assert.Equal(_person, person);
        Assert.Equal((LoginTicketStatus.Consumed, at), (ticket.Status, ticket.ConsumedAt));
    }

    [Theory]
    [InlineData("pending", 0, "尚未在手机上确认授权。")]
    [InlineData("consumed", 0, "该二维码已经用于登录，请刷新页面重新扫码。")]
    [InlineData("authorised", 120, "登录确认已过期，请刷新二维码后重新扫码。")]
    public void Consume_IsRefused_UnlessAuthorisedAndWithinTheGrace(string state, int secondsPastExpiry, string message)
    {
        var ticket = TicketThatIs(state);
        var before = (ticket.Status, ticket.ConsumedAt);

        var ex = Assert.Throws<DomainException>(() => ticket.Consume(_expiry.AddSeconds(secondsPastExpiry)));

        Assert.Equal(message, ex.Message);
        Assert.Equal(before, (ticket.Status, ticket.ConsumedAt));
    }

    private static LoginTicket NewTicket() => new(Guid.NewGuid(), "token-hash", "claim-hash", TestData.Now);

    private static LoginTicket TicketThatIs(string state)
    {
        var ticket = NewTicket();
        if (state is "authorised" or "consumed")
        {
            ticket.Authorise(_person, TestData.Now.AddMinutes(1));
        }

        if (state == "consumed")
        {
            ticket.Consume(TestData.Now.AddMinutes(2));
        }

        return ticket;
    }
}
