using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Features.Shared;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// A co-owner who never signed in can still be part of the filing: the seller types the co-owner's own mobile, the
/// citizen registry confirms name, ID number and mobile together, and the co-owner's code goes to that phone.
/// </summary>
public sealed class CoOwnerPhoneTests : IDisposable
{
    private const string CoOwnerB = "OwnerPhones[2]";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public CoOwnerPhoneTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ACoOwnerWhoNeverSignedIn_IsVerifiedByTheirPhone_AndConfirmsByCode()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "co-owner-a", "home-co-owned", "buyer-1");
        var blocked = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");

        using var verified = await Forms.SubmitAsync(seller.Client, blocked, "form",
            new Dictionary<string, string?> { ["ownerPhones[2]"] = DemoData.Citizen("co-owner-b").Phone }, ("intent", "owner-phone-2"));
        var verifiedPage = await Forms.ParseAsync(verified);
        var page = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var codes = await FilingJourney.CodesForAsync(_factory, "buyer-1", "co-owner-a", "co-owner-b");
        using var filed = await FilingJourney.ConfirmAsync(seller.Client, page, codes);

        Assert.NotNull(blocked.QuerySelector("#send-codes[disabled]"));
        Assert.Contains("手机号码已核验", verifiedPage.QuerySelector(".alert-ok")?.TextContent, StringComparison.Ordinal);
        Assert.Null(verifiedPage.QuerySelector("#send-codes[disabled]"));
        Assert.Equal("/contracts?message=filed", filed.Headers.Location?.OriginalString);
        Assert.True(await _factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "contract.co-owner-phone-verified")));
        var sellers = await _factory.WithDbAsync(db => db.Contracts.AsNoTracking().Where(c => c.Id == contractId)
            .SelectMany(c => c.Parties).Where(p => p.Role == PartyRole.Seller).CountAsync());
        Assert.Equal(2, sellers);
    }

    [Fact]
    public async Task APhoneThatIsNotTheCoOwnersOwn_IsRefused_WithoutSayingWhich_AndNothingIsSentToIt()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "co-owner-a", "home-co-owned", "buyer-1");
        var blocked = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");
        var sellersOwnSecondPhone = DemoData.Citizen("buyer-2").Phone;

        using var refused = await Forms.SubmitAsync(seller.Client, blocked, "form",
            new Dictionary<string, string?> { ["ownerPhones[2]"] = sellersOwnSecondPhone }, ("intent", "owner-phone-2"));
        var page = await Forms.ParseAsync(refused);
        using var malformed = await Forms.SubmitAsync(seller.Client, page, "form",
            new Dictionary<string, string?> { ["ownerPhones[2]"] = "12345" }, ("intent", "owner-phone-2"));
        var malformedPage = await Forms.ParseAsync(malformed);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(PartyIdentityCheck.MismatchMessage, Forms.FieldError(page, CoOwnerB));
        Assert.Equal(sellersOwnSecondPhone, (page.GetElementById("owner-phone-2") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);
        Assert.NotNull(page.QuerySelector("#send-codes[disabled]"));
        Assert.NotNull(Forms.FieldError(malformedPage, CoOwnerB));
        var coOwnerB = DemoData.Citizen("co-owner-b");
        Assert.Equal(0, await _factory.WithDbAsync(db => db.People.CountAsync(p => p.Name == coOwnerB.Name)));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == PartyIdentityCheck.AuditAction && e.EntityId == contractId.ToString())));
        var hash = await _factory.WithDbAsync(db => Task.FromResult(db.LookupHash(sellersOwnSecondPhone)));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.SmsMessages.CountAsync(m => EF.Property<string>(m, "PhoneHash") == hash)));
    }
}
