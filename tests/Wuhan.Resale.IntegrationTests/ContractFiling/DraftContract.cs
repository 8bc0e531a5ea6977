using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// A draft contract for seller-clean's home-clean with buyer-1, opened in the seller's signed-in client, and the form
/// posts a careful seller makes: the tests of the sectioned form, its cross-checks and the new clauses share them.
/// </summary>
internal static class DraftContract
{
    public const string Save = "save";
    public const string Check = "check";

    /// <summary>seller-clean signs in, verifies home-clean through the domain and names buyer-1: a draft is open.</summary>
    public static async Task<(HttpClient Seller, Guid ContractId)> OpenAsync(PortalFactory factory, DateTimeOffset now)
    {
        var seller = await SignedIn.CitizenAsync(factory, DemoData.Citizen("seller-clean"));
        var id = await factory.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync();
            await using var scope = factory.Services.CreateAsyncScope();
            var query = await Scenario.SaveCompletedQueryAsync(db, scope.ServiceProvider.GetRequiredService<IPropertyRegistry>(), person);
            var listing = await Scenario.VerifyAsync(db, person, query, DemoData.Property("home-clean").CertificateNumber);
            var buyer = DemoData.Citizen("buyer-1");
            var contract = listing.ConfirmBuyers(
                [new BuyerDetails(buyer.Name, IdNumber.Parse(buyer.IdType, buyer.IdNumber), PhoneNumber.Parse(buyer.Phone))], null, person.Id, now);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            return contract.Id;
        });
        return (seller, id);
    }

    /// <summary>The registry no longer records these facts of the draft's home (as for an old certificate).</summary>
    public static Task ForgetHomeFactsAsync(PortalFactory factory, Guid contractId) =>
        factory.WithDbAsync(async db =>
        {
            var homeId = await db.Contracts.Where(c => c.Id == contractId)
                .Join(db.Listings, c => c.ListingId, l => l.Id, (c, l) => l.PropertyRecordId).SingleAsync();
            return await db.Set<PropertyRecord>().Where(r => r.Id == homeId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Structure, (string?)null)
                .SetProperty(r => r.LandArea, (decimal?)null)
                .SetProperty(r => r.CertificateIssuedOn, (DateOnly?)null));
        });

    public static Task<IHtmlDocument> PageAsync(HttpClient client, Guid id, string? section = null) =>
        Forms.GetDocumentAsync(client, section is null ? $"/contracts/{id}/edit" : $"/contracts/{id}/edit?section={section}");

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, Dictionary<string, string?> values, (string, string) button) =>
        Forms.SubmitAsync(client, page, "#contract-form", values, button);

    public static Task<Contract> LoadAsync(PortalFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id));

    public static string? Value(IHtmlDocument page, string name) => (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value;

    /// <summary>
    /// Every field filled as a careful seller would: 1,280,000 by a combined loan, 50,000 定金 that counts toward the
    /// price (so the schedule covers 1,230,000), a home not let, arbitration, five copies (escrow and a bank).
    /// </summary>
    public static Dictionary<string, string?> CompleteForm() => new()
    {
        ["SellerServiceAddress"] = "武汉市江汉区新华路100号3栋2单元501室",
        ["BuyerServiceAddress"] = "武汉市洪山区珞喻路20号8栋1203室",
        ["IsLet"] = "false",
        ["Price"] = "1280000",
        ["DecorationAmount"] = "80000",
        ["PaymentMethod"] = "CombinedLoan",
        ["FundsThroughEscrow"] = "true",
        ["LoanRefusal"] = "TerminateAndRefund",
        ["Installments[0].DueOn"] = "2026-12-15",
        ["Installments[0].Amount"] = "330000",
        ["Installments[0].Description"] = "首付款",
        ["Installments[1].DueOn"] = "2027-01-15",
        ["Installments[1].Amount"] = "900000",
        ["Installments[1].Description"] = "组合贷款",
        ["Deposit"] = "50000",
        ["DepositDueOn"] = "2026-12-01",
        ["DepositCountsTowardPrice"] = "true",
        ["DeliveryDate"] = "2027-02-01",
        ["UtilitiesTransferDays"] = "15",
        ["MaintenanceFund"] = "IncludedInPrice",
        ["TransferRegistrationWithinDays"] = "60",
        ["TaxBearer"] = "EachAsLawProvides",
        ["HukouMoveOutDays"] = "30",
        ["HukouDailyPenalty"] = "100",
        ["LatePaymentDailyRate"] = "5",
        ["LateDeliveryDailyRate"] = "5",
        ["TerminationAfterDays"] = "60",
        ["DisputeResolution"] = "Arbitration",
        ["ArbitrationCommission"] = "武汉仲裁委员会",
        ["Copies"] = "5",
    };

    /// <summary><see cref="CompleteForm"/> with some fields changed (null removes a field from the post).</summary>
    public static Dictionary<string, string?> CompleteFormWith(params (string Name, string? Value)[] changes)
    {
        var form = CompleteForm();
        foreach (var (name, value) in changes)
        {
            form[name] = value;
        }

        return form;
    }
}
