using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// Filing codes are bound to the contract's content: a code confirms exactly the text it was sent for. A change saved
/// after the codes went out withdraws them, says so, and tells the parties; the old codes cannot file the new text.
/// </summary>
public sealed class ContentBoundCodesTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public ContentBoundCodesTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ATermChangedAfterTheCodesWereSent_VoidsThem_TellsTheParties_AndTheOldCodesCannotFile()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var filingPage = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var oldCodes = await FilingJourney.CodesForAsync(_factory, "buyer-1", "seller-clean");

        var form = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/edit");
        using var saved = await Forms.SubmitAsync(seller.Client, form, "#contract-form",
            new Dictionary<string, string?> { ["OtherTerms"] = "甲方同意将客厅空调留给乙方。" }, ("Intent", "save"));
        var afterSave = await Forms.GetDocumentAsync(seller.Client, saved.Headers.Location!.OriginalString);
        using var refused = await FilingJourney.ConfirmAsync(seller.Client, filingPage, oldCodes);
        var refusedPage = await Forms.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("原验证码已作废", afterSave.QuerySelector("#form-notice")?.TextContent, StringComparison.Ordinal);
        foreach (var key in new[] { "buyer-1", "seller-clean" })
        {
            Assert.Contains(await SmsTextsAsync(DemoData.Citizen(key).Phone), t => t.Contains("内容已被修改", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(Contract.ChangedSinceCodesMessage, refusedPage.QuerySelector("#filing-error")?.TextContent.Trim());
        var contract = await _factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId));
        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Null(contract.FiledContentHash);
        Assert.Contains(await AuditDetailsAsync(contractId),
            d => d.StartsWith("contract.saved", StringComparison.Ordinal) && d.Contains("验证码作废", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFilingPage_SaysTheCodesWereVoided_AndNewCodesForTheChangedText_File()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-two-homes", "home-dxh-clean", "buyer-2");
        await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var form = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/edit");
        using var saved = await Forms.SubmitAsync(seller.Client, form, "#contract-form",
            new Dictionary<string, string?> { ["DeliveryConditions"] = "付清全款后三日内交付钥匙" }, ("Intent", "save"));

        var reopened = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");
        _clock.Advance(TimeSpan.FromSeconds(61));
        var resent = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var newCodes = await FilingJourney.CodesForAsync(_factory, "buyer-2", "seller-two-homes");
        using var filed = await FilingJourney.ConfirmAsync(seller.Client, resent, newCodes);

        Assert.Equal(Contract.ChangedSinceCodesMessage, reopened.QuerySelector("#filing-error")?.TextContent.Trim());
        Assert.Equal("/contracts?message=filed", filed.Headers.Location?.OriginalString);
        var contract = await _factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId));
        Assert.Equal("付清全款后三日内交付钥匙", contract.Terms.DeliveryConditions);
        Assert.Matches("^[0-9a-f]{64}$", contract.FiledContentHash);
    }

    [Fact]
    public async Task ABuyerAddedAfterTheCodesWereSent_VoidsThem_AndTellsTheParties()
    {
        var (seller, listingId, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var filingPage = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var oldCodes = await FilingJourney.CodesForAsync(_factory, "buyer-1", "seller-clean");

        using var saved = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-3"));
        using var refused = await FilingJourney.ConfirmAsync(seller.Client, filingPage, oldCodes);
        var refusedPage = await Forms.ParseAsync(refused);

        Assert.Equal("/contracts?message=buyers-saved", saved.Headers.Location?.OriginalString);
        Assert.Equal(Contract.ChangedSinceCodesMessage, refusedPage.QuerySelector("#filing-error")?.TextContent.Trim());
        foreach (var key in new[] { "buyer-1", "seller-clean" })
        {
            Assert.Contains(await SmsTextsAsync(DemoData.Citizen(key).Phone), t => t.Contains("内容已被修改", StringComparison.Ordinal));
        }

        Assert.Equal(ContractStatus.Draft, await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task SavingWithoutAnyCodeSent_TellsNobody()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-optics-valley", "home-optics-valley", "buyer-4");
        var form = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/edit");
        using var saved = await Forms.SubmitAsync(seller.Client, form, "#contract-form",
            new Dictionary<string, string?> { ["OtherTerms"] = "无" }, ("Intent", "save"));
        var afterSave = await Forms.GetDocumentAsync(seller.Client, saved.Headers.Location!.OriginalString);

        Assert.DoesNotContain("作废", afterSave.QuerySelector("#form-notice")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(await SmsTextsAsync(DemoData.Citizen("buyer-4").Phone), t => t.Contains("内容已被修改", StringComparison.Ordinal));
    }

    private Task<List<string>> SmsTextsAsync(string phone) => CitizenLogin.SmsTextsAsync(_factory, phone);

    private Task<List<string>> AuditDetailsAsync(Guid contractId) => _factory.WithDbAsync(db => db.AuditEvents
        .Where(e => e.EntityId == contractId.ToString()).Select(e => e.Action + " " + (e.Detail ?? string.Empty)).ToListAsync());
}
