using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;

namespace Wuhan.Resale.UnitTests.Contracts;

public class PartyConfirmationTests
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = Sent.AddMinutes(5);
    private const string Content = "content-v1";

    private static PartyConfirmation NewLink() =>
        new(Guid.NewGuid(), Guid.NewGuid(), "token-hash", "party-key", "phone-hash", Content, Sent, Expires);

    [Theory]
    [InlineData(0, true)]
    [InlineData(299, true)]
    [InlineData(300, false)]
    [InlineData(301, false)]
    public void ALink_OpensAndTakesAnAgreement_OnlyUntilItsCodeExpires(int secondsLater, bool open)
    {
        var link = NewLink();
        var at = Sent.AddSeconds(secondsLater);

        Assert.Equal(open, link.CanBeOpened(at));
        Assert.Equal(open, link.IsOpen(at));
    }

    [Fact]
    public void Confirming_CountsForTheContentItWasSentFor_AndNoOther()
    {
        var link = NewLink();

        link.Confirm(Sent.AddMinutes(1));

        Assert.Equal(Sent.AddMinutes(1), link.ConfirmedAt);
        Assert.True(link.CountsFor(Content));
        Assert.False(link.CountsFor("content-v2"));
        Assert.False(link.IsOpen(Sent.AddMinutes(2)));
        Assert.True(link.CanBeOpened(Sent.AddMinutes(2)));
    }

    [Fact]
    public void AnUnconfirmedLink_CountsForNothing()
    {
        Assert.False(NewLink().CountsFor(Content));
    }

    [Fact]
    public void AConfirmation_OutlivesTheLink_TheSellerCanFileLater()
    {
        var link = NewLink();
        link.Confirm(Sent.AddMinutes(1));

        Assert.False(link.CanBeOpened(Expires.AddHours(5)));
        Assert.True(link.CountsFor(Content));
    }

    [Fact]
    public void ConfirmingTwice_OrTooLate_IsRefusedWithAMessage()
    {
        var confirmed = NewLink();
        confirmed.Confirm(Sent.AddMinutes(1));
        var late = NewLink();

        var twice = Assert.Throws<DomainException>(() => confirmed.Confirm(Sent.AddMinutes(2)));
        var tooLate = Assert.Throws<DomainException>(() => late.Confirm(Expires));

        Assert.Contains("已确认", twice.Message, StringComparison.Ordinal);
        Assert.Equal(PartyConfirmation.ExpiredMessage, tooLate.Message);
        Assert.Null(late.ConfirmedAt);
    }

    [Fact]
    public void Withdrawing_AConfirmation_EndsIt_AndSaysThePartyHadSomethingToLose()
    {
        var link = NewLink();
        link.Confirm(Sent.AddMinutes(1));

        var changed = link.Withdraw(Expires.AddHours(1));

        Assert.True(changed);
        Assert.Equal(Expires.AddHours(1), link.WithdrawnAt);
        Assert.False(link.CountsFor(Content));
        Assert.False(link.CanBeOpened(Sent.AddMinutes(2)));
    }

    [Fact]
    public void Withdrawing_AnOpenLink_ClosesIt()
    {
        var link = NewLink();

        Assert.True(link.Withdraw(Sent.AddMinutes(1)));
        Assert.False(link.IsOpen(Sent.AddMinutes(2)));
        Assert.Throws<DomainException>(() => link.Confirm(Sent.AddMinutes(2)));
    }

    [Fact]
    public void Withdrawing_AnExpiredUnconfirmedLink_OrOneAlreadyWithdrawn_ChangesNothing()
    {
        var expired = NewLink();
        var withdrawn = NewLink();
        withdrawn.Withdraw(Sent.AddMinutes(1));

        Assert.False(expired.Withdraw(Expires));
        Assert.Null(expired.WithdrawnAt);
        Assert.False(withdrawn.Withdraw(Sent.AddMinutes(2)));
        Assert.Equal(Sent.AddMinutes(1), withdrawn.WithdrawnAt);
    }

    [Fact]
    public void ALinkMustOutliveTheMomentItIsSent_AndNameEverything()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new PartyConfirmation(Guid.NewGuid(), Guid.NewGuid(), "t", "p", "ph", Content, Sent, Sent));
        Assert.Throws<ArgumentException>(() =>
            new PartyConfirmation(Guid.NewGuid(), Guid.NewGuid(), " ", "p", "ph", Content, Sent, Expires));
        Assert.Throws<ArgumentException>(() =>
            new PartyConfirmation(Guid.NewGuid(), Guid.NewGuid(), "t", "", "ph", Content, Sent, Expires));
        Assert.Throws<ArgumentException>(() =>
            new PartyConfirmation(Guid.NewGuid(), Guid.NewGuid(), "t", "p", "", Content, Sent, Expires));
        Assert.Throws<ArgumentException>(() =>
            new PartyConfirmation(Guid.NewGuid(), Guid.NewGuid(), "t", "p", "ph", "", Sent, Expires));
    }
}
