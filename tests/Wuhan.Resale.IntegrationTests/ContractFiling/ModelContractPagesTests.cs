using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.IntegrationTests.Pdf;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// The contract form and the draft preview come from the same model text as the PDF (<see cref="ModelContract"/>):
/// every heading and every fixed fragment of every sentence is on the form, editable or read-only.
/// </summary>
public sealed class ModelContractPagesTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheDraftForm_ShowsEveryHeadingAndEverySentenceOfTheModelText()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");

        var page = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/edit");

        AssertShowsTheModelText(page);
        Assert.NotNull(page.GetElementById("Price") as IHtmlInputElement);
        Assert.Equal(2, page.QuerySelectorAll($"a[href='/contracts/{contractId}/preview']").Length);
    }

    [Fact]
    public async Task TheFiledContract_ShowsTheSameTextReadOnly()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");

        var page = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/edit");

        AssertShowsTheModelText(page);
        Assert.Null(page.GetElementById("Price"));
        Assert.Empty(page.QuerySelectorAll("a[href$='/preview']"));
        Assert.Contains(number, page.QuerySelector(".facts")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_GivesTheOwnerTheDraftAsAPdf_StampedOnEveryPage_AndAudited()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");

        using var response = await seller.Client.GetAsync(new Uri($"/contracts/{contractId}/preview", UriKind.Relative));
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("合同草稿-", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "the draft must not be cached");
        var pages = PdfText.Pages(pdf);
        Assert.True(pages.Count >= 2);
        Assert.All(pages, page => Assert.Contains("草稿", PdfText.Flatten(page), StringComparison.Ordinal));
        var text = PdfText.BodyText(pdf);
        Assert.Contains("1,280,000.00", text, StringComparison.Ordinal);
        Assert.Contains("壹佰贰拾捌万元整", text, StringComparison.Ordinal);
        Assert.Contains(DemoData.Citizen("buyer-1").Name, text, StringComparison.Ordinal);
        Assert.Contains("合同编号：" + ModelContract.NotYetFiled, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ContractComposer.QrCaption, text, StringComparison.Ordinal);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "contract.previewed" && e.EntityId == contractId.ToString())));
    }

    [Fact]
    public async Task Preview_IsNotFoundForAStranger_AndAnonymousVisitorsAreSentToSignInAsOnTheForm()
    {
        var (_, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var stranger = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-2"));
        using var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });

        using var strangers = await stranger.GetAsync(new Uri($"/contracts/{contractId}/preview", UriKind.Relative));
        using var unknown = await stranger.GetAsync(new Uri($"/contracts/{Guid.CreateVersion7()}/preview", UriKind.Relative));
        using var anonymousPreview = await anonymous.GetAsync(new Uri($"/contracts/{contractId}/preview", UriKind.Relative));
        using var anonymousForm = await anonymous.GetAsync(new Uri($"/contracts/{contractId}/edit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPreview.StatusCode);
        Assert.Equal(anonymousForm.Headers.Location, anonymousPreview.Headers.Location);
        Assert.NotEqual("application/pdf", anonymousPreview.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "contract.previewed")));
    }

    [Fact]
    public async Task Preview_OfAFiledContract_GoesToItsPdf()
    {
        var (seller, _, contractId, _) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");

        using var response = await seller.Client.GetAsync(new Uri($"/contracts/{contractId}/preview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/contracts/{contractId}/pdf", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheContractTextPartial_ShowsTheWholeContract_WithNumbersMasked()
    {
        var document = ContractDocumentSamples.Full();

        var html = await PartialRenderer.RenderAsync(_factory, "/Features/Shared/_ContractText.cshtml", document);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var text = PdfText.Flatten(page.Body!.TextContent);
        var masked = document with
        {
            SellerAgent = document.SellerAgent! with { IdNumber = Masking.MaskIdNumber(document.SellerAgent.IdNumber) },
            BuyerAgent = document.BuyerAgent! with { IdNumber = Masking.MaskIdNumber(document.BuyerAgent.IdNumber) },
        };

        foreach (var article in ModelContract.Articles)
        {
            Assert.Contains(Flatten(article.Heading), text, StringComparison.Ordinal);
            Assert.All(article.Paragraphs, p => Assert.Contains(Flatten(ContractValues.TextOf(masked, p)), text, StringComparison.Ordinal));
        }

        Assert.All(ContractValues.OtherTermsParagraphs(document), p => Assert.Contains(Flatten(p), text, StringComparison.Ordinal));
        Assert.Equal(document.Payment.Schedule.Count, page.QuerySelectorAll("#ct-schedule tbody tr").Length);
        Assert.Equal(document.Parties.Count, page.QuerySelectorAll("#ct-parties tbody tr").Length);
        Assert.DoesNotContain(document.SellerAgent!.IdNumber!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(document.BuyerAgent!.IdNumber!, html, StringComparison.Ordinal);
        foreach (var party in document.Parties)
        {
            Assert.DoesNotContain(party.IdNumber, html, StringComparison.Ordinal);
            Assert.DoesNotContain(party.Phone, html, StringComparison.Ordinal);
            Assert.Contains(Masking.MaskIdNumber(party.IdNumber), html, StringComparison.Ordinal);
            Assert.Contains(Masking.MaskPhone(party.Phone), html, StringComparison.Ordinal);
        }

        Assert.Contains(ContractDocumentSamples.ContractNumber, page.GetElementById("ct-number")?.TextContent, StringComparison.Ordinal);
        var draft = await PartialRenderer.RenderAsync(_factory, "/Features/Shared/_ContractText.cshtml", ContractDocumentSamples.Draft());
        Assert.Contains($"<dd id=\"ct-number\">{ModelContract.NotYetFiled}</dd>", draft, StringComparison.Ordinal);
    }

    /// <summary>Each article's heading under its id, and every fixed fragment of its sentences, in order-free text.</summary>
    private static void AssertShowsTheModelText(IHtmlDocument page)
    {
        var text = Flatten(page.Body!.TextContent);
        foreach (var article in ModelContract.Articles)
        {
            Assert.Equal(article.Heading, page.GetElementById(article.Anchor)?.TextContent.Trim());
            foreach (var fragment in article.Paragraphs.SelectMany(p => p.Parts).OfType<ContractText>())
            {
                Assert.True(text.Contains(Flatten(fragment.Text), StringComparison.Ordinal), $"{article.Heading}: the form leaves out “{fragment.Text}”");
            }
        }

        Assert.Contains(Flatten(ModelContract.SignaturesNote), text, StringComparison.Ordinal);
        Assert.NotNull(page.GetElementById("home-facts"));
    }

    private static string Flatten(string text) => PdfText.Flatten(text);
}
