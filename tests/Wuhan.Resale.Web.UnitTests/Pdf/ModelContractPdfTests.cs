using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.UnitTests.Pdf;

/// <summary>
/// The PDF prints every heading and sentence of <see cref="ModelContract"/> with its blanks filled: driven from the
/// definition, so a sentence the form shows but the PDF leaves out fails here.
/// </summary>
public sealed class ModelContractPdfTests
{
    private static readonly ScheduleBlock Schedule = ModelContract.Articles.SelectMany(a => a.Blocks).OfType<ScheduleBlock>().Single();

    private readonly ContractPdfRenderer _renderer = new();

    [Fact]
    public void A_contract_with_every_optional_part_filled_prints_every_sentence_of_the_model_text_with_its_values()
    {
        var document = ContractDocumentSamples.Full();
        var blanks = ModelContract.Articles.SelectMany(a => a.Paragraphs).SelectMany(p => p.Slots).ToList();
        Assert.All(blanks, slot => Assert.False(string.IsNullOrWhiteSpace(ContractValues.Of(document, slot)), $"{slot} is not filled in the sample"));
        Assert.NotEmpty(document.Payment.Schedule);
        Assert.True(ContractValues.OtherTermsParagraphs(document).Count >= 3);

        var text = PdfText.BodyText(_renderer.Render(document));

        AssertPrintsTheModelText(document, text);
        Assert.Contains(PdfText.Flatten(Schedule.Intro), text, StringComparison.Ordinal);
        foreach (var (row, i) in document.Payment.Schedule.Select((r, i) => (r, i)))
        {
            Assert.Contains(PdfText.Flatten(string.Concat(ContractValues.ScheduleCells(row, i).Take(3))), text, StringComparison.Ordinal);
        }

        Assert.All(ContractValues.OtherTermsParagraphs(document), p => Assert.Contains(PdfText.Flatten(p), text, StringComparison.Ordinal));
        Assert.Contains("提交仲裁委员会仲裁", text, StringComparison.Ordinal);
        Assert.Contains("仲裁机构为武汉仲裁委员会", text, StringComparison.Ordinal);
        Assert.Contains("甲方委托代理人：何静怡，证件号码：420106197905052228。", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Disputes_taken_to_court_print_the_court_and_no_arbitration_commission()
    {
        var full = ContractDocumentSamples.Full();
        var document = full with { Obligations = full.Obligations with { ToCourt = true, ArbitrationCommission = "武汉仲裁委员会" } };

        var text = PdfText.BodyText(_renderer.Render(document));

        AssertPrintsTheModelText(document, text);
        Assert.Contains("协商不成的，依法向房屋所在地人民法院起诉。", text, StringComparison.Ordinal);
        Assert.Contains("选择仲裁的，仲裁机构为无。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("武汉仲裁委员会", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_schedule_or_other_terms_the_contract_says_so_in_the_model_words()
    {
        var full = ContractDocumentSamples.Full();
        var document = full with { Payment = full.Payment with { Schedule = [] }, OtherTerms = null };

        var text = PdfText.BodyText(_renderer.Render(document));

        AssertPrintsTheModelText(document, text);
        Assert.Contains(PdfText.Flatten(Schedule.WhenEmpty), text, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfText.Flatten(Schedule.Intro), text, StringComparison.Ordinal);
        Assert.Contains("第十一条其他约定无。", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tenth_article_says_the_contract_takes_effect_once_every_party_confirmed_and_the_filing_is_accepted()
    {
        var text = PdfText.BodyText(_renderer.Render(ContractDocumentSamples.Typical()));

        Assert.Contains("第十条合同生效", text, StringComparison.Ordinal);
        Assert.Contains("在武汉市存量房网签系统中逐一确认，且网签申报被受理之日起生效", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_is_stamped_on_every_page_has_no_number_date_or_qr_code_and_still_prints_the_whole_text()
    {
        var document = ContractDocumentSamples.Draft();

        var pdf = _renderer.RenderDraft(document with { VerificationUrl = "https://example.gov.cn/verify/should-not-print" });
        var pages = PdfText.Pages(pdf);

        Assert.True(pages.Count >= 3);
        Assert.All(pages, page => Assert.Contains("草稿", PdfText.Flatten(page), StringComparison.Ordinal));
        Assert.All(pages, page => Assert.Contains("合同编号：" + ModelContract.NotYetFiled, PdfText.Flatten(page), StringComparison.Ordinal));
        var text = PdfText.BodyText(pdf);
        Assert.Contains("网签日期：" + ModelContract.NotYetFiled, text, StringComparison.Ordinal);
        Assert.Contains("网签状态：草稿", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ContractComposer.QrCaption, text, StringComparison.Ordinal);
        AssertPrintsTheModelText(document, text);
    }

    /// <summary>Every heading, and every paragraph with its blanks filled, as one run of text (lines wrap anywhere).</summary>
    internal static void AssertPrintsTheModelText(ContractDocument document, string flatText)
    {
        foreach (var article in ModelContract.Articles)
        {
            Assert.Contains(PdfText.Flatten(article.Heading), flatText, StringComparison.Ordinal);
            foreach (var paragraph in article.Paragraphs)
            {
                var expected = PdfText.Flatten(ContractValues.TextOf(document, paragraph));
                Assert.True(flatText.Contains(expected, StringComparison.Ordinal), $"{article.Heading}: not printed as the model text says:\n{expected}");
            }
        }

        Assert.Contains(PdfText.Flatten(ModelContract.SignaturesNote), flatText, StringComparison.Ordinal);
        Assert.All(document.Parties, p => Assert.Contains(p.IdNumber, flatText, StringComparison.Ordinal));
    }

}
