using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.IntegrationTests.Pdf;
using Wuhan.Resale.Web.Features.ContractFiling;
using Wuhan.Resale.Web.Pdf;
using static Wuhan.Resale.IntegrationTests.ContractFiling.DraftContract;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// The clauses added to the model contract (送达地址, 租赁, 贷款未获批准, 物业/水电气交割, 专项维修资金, 转移登记时限, the
/// holders of the copies) read the same on the form, the contract page a party confirms and the PDF, and are part of
/// what the parties confirm.
/// </summary>
public sealed class NewClausesTests : IDisposable
{
    private static readonly ContractSlot[] NewSlots =
    [
        ContractSlot.SellerServiceAddress, ContractSlot.BuyerServiceAddress, ContractSlot.IsLet, ContractSlot.LeaseEndsOn,
        ContractSlot.LeaseHandling, ContractSlot.LoanRefusal, ContractSlot.DepositCountsTowardPrice, ContractSlot.UtilitiesTransferDays,
        ContractSlot.MaintenanceFund, ContractSlot.TransferRegistrationWithinDays, ContractSlot.CopyHolders,
    ];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public NewClausesTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheNewClauses_ReadTheSameOnTheForm_TheContractPage_AndThePreviewPdf()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        var page = await PageAsync(seller, id);
        using var saved = await SubmitAsync(seller, page, CompleteFormWith(
            ("IsLet", "true"), ("LeaseEndsOn", "2027-01-31"), ("LeaseHandling", "BuyerTakesOver"), ("MaintenanceFund", "BuyerRepaysBalance")), ("Intent", Save));
        var form = await PageAsync(seller, id, ContractFormSections.Review);
        using var preview = await seller.GetAsync(new Uri($"/contracts/{id}/preview", UriKind.Relative));
        var pdfText = PdfText.BodyText(await preview.Content.ReadAsByteArrayAsync());
        var document = await DraftDocumentAsync(id);
        var contractPage = PdfText.Flatten(new HtmlParser().ParseDocument(
            await PartialRenderer.RenderAsync(_factory, "/Features/Shared/_ContractText.cshtml", document)).Body!.TextContent);
        var formText = PdfText.Flatten(form.Body!.TextContent);

        var paragraphs = ModelContract.Articles.SelectMany(a => a.Paragraphs).Where(p => p.Slots.Any(NewSlots.Contains)).ToList();
        Assert.Equal(8, paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            var expected = PdfText.Flatten(ContractValues.TextOf(document, paragraph));
            Assert.Contains(expected, pdfText, StringComparison.Ordinal);
            Assert.Contains(expected, contractPage, StringComparison.Ordinal);
            Assert.All(paragraph.Parts.OfType<ContractText>(), t => Assert.Contains(PdfText.Flatten(t.Text), formText, StringComparison.Ordinal));
        }

        Assert.Contains("双方应在本合同网签之日起60日内，共同向不动产登记机构申请办理该房屋的转移登记", pdfText, StringComparison.Ordinal);
        Assert.Contains("该房屋目前是否已出租：是。", pdfText, StringComparison.Ordinal);
        Assert.Contains("租赁期限至2027年1月31日届满，双方约定：" + LeaseHandling.BuyerTakesOver.DisplayName(), pdfText, StringComparison.Ordinal);
        Assert.Contains("贷款申请未获批准或批准金额不足时：" + LoanRefusalRemedy.TerminateAndRefund.DisplayName(), pdfText, StringComparison.Ordinal);
        Assert.Contains("该定金在乙方支付房价款时抵作房价款。", pdfText, StringComparison.Ordinal);
        Assert.Contains("甲方应在交付之日起15日内协助乙方办理物业、水、电、燃气等户名变更手续", pdfText, StringComparison.Ordinal);
        Assert.Contains("本合同一式5份，由甲方、乙方、不动产登记机构、资金监管机构、贷款银行各执一份", pdfText, StringComparison.Ordinal);
        Assert.Contains("甲方武汉市江汉区新华路100号3栋2单元501室；乙方武汉市洪山区珞喻路20号8栋1203室。", pdfText, StringComparison.Ordinal);
        Assert.Equal("2027-01-31", Value(form, "LeaseEndsOn"));
        Assert.Equal("甲方、乙方、不动产登记机构、资金监管机构、贷款银行", form.GetElementById("CopyHolders")?.TextContent.Trim());
    }

    [Fact]
    public async Task ClausesThatDoNotApply_PrintAsNotApplicable()
    {
        var (seller, id) = await OpenAsync(_factory, _clock.GetUtcNow());
        var page = await PageAsync(seller, id);
        using var saved = await SubmitAsync(seller, page, CompleteFormWith(
            ("PaymentMethod", "LumpSum"), ("LoanRefusal", "BuyerPaysOtherwise"), ("IsLet", "false"), ("LeaseHandling", "BuyerTakesOver")), ("Intent", Save));

        using var preview = await seller.GetAsync(new Uri($"/contracts/{id}/preview", UriKind.Relative));
        var text = PdfText.BodyText(await preview.Content.ReadAsByteArrayAsync());

        Assert.Contains("贷款申请未获批准或批准金额不足时：不适用。", text, StringComparison.Ordinal);
        Assert.Contains("该房屋目前是否已出租：否。", text, StringComparison.Ordinal);
        Assert.Contains("租赁期限至不适用届满，双方约定：不适用。", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingANewClause_AfterCodesWereSent_VoidsTheCodes()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var before = await HashAsync(contractId);
        var filing = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var edit = await PageAsync(seller.Client, contractId);
        using var changed = await SubmitAsync(seller.Client, edit, new() { ["TransferRegistrationWithinDays"] = "90" }, ("Intent", Save));

        using var refused = await FilingJourney.ConfirmAsync(seller.Client, filing, await FilingJourney.CodesForAsync(_factory, "buyer-1", "seller-clean"));

        Assert.NotEqual(before, await HashAsync(contractId));
        Assert.Equal($"/contracts/{contractId}/edit?saved=2", changed.Headers.Location?.OriginalString);
        Assert.NotEqual("/contracts?message=filed", refused.Headers.Location?.OriginalString);
        Assert.Equal(ContractStatus.Draft, (await LoadAsync(_factory, contractId)).Status);
    }

    private Task<string> HashAsync(Guid contractId) => _factory.WithDbAsync(async db =>
    {
        var contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId);
        var listing = await db.Listings.AsNoTracking().Include(l => l.Home).ThenInclude(h => h!.Owners).SingleAsync(l => l.Id == contract.ListingId);
        await using var scope = _factory.Services.CreateAsyncScope();
        var parties = await scope.ServiceProvider.GetRequiredService<Web.Features.Shared.FilingParties>().OfAsync(listing, CancellationToken.None);
        return ContractContent.Hash(contract, listing, parties);
    });

    private async Task<ContractDocument> DraftDocumentAsync(Guid contractId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.ResaleDbContext>();
        var contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId);
        var listing = await db.Listings.AsNoTracking().Include(l => l.Home).ThenInclude(h => h!.Owners).SingleAsync(l => l.Id == contract.ListingId);
        var parties = await scope.ServiceProvider.GetRequiredService<Web.Features.Shared.FilingParties>().OfAsync(listing, CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<ContractPdfs>().DraftDocumentAsync(contract, listing, parties, CancellationToken.None);
    }
}
