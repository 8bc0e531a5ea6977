using System.Text;
using System.Text.RegularExpressions;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Pdf;
using Wuhan.Resale.Web.Pdf.Layout;

namespace Wuhan.Resale.Web.UnitTests.Pdf;

public sealed partial class ContractPdfTests
{
    private const int MaxPdfBytes = 250 * 1024;

    private readonly ContractPdfRenderer _renderer = new();

    [Fact]
    public void Typical_contract_prints_every_key_value_as_correct_Chinese_text()
    {
        var document = ContractDocumentSamples.Typical();
        var pdf = _renderer.Render(document);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "contract-sample.pdf"), pdf);

        var pages = PdfText.Pages(pdf);
        var all = string.Join("\n", pages);
        var flat = PdfText.Flatten(all);

        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        Assert.Contains(ContractDocumentSamples.ContractNumber, all, StringComparison.Ordinal);
        Assert.Contains("武汉市存量房买卖合同", all, StringComparison.Ordinal);
        foreach (var party in document.Parties)
        {
            Assert.Contains(party.Name, all, StringComparison.Ordinal);
            Assert.Contains(party.IdNumber, all, StringComparison.Ordinal);
        }

        Assert.Contains("武汉市江汉区新华路街道建设大道568号金都花园7栋2单元1502室", flat, StringComparison.Ordinal);
        Assert.Contains("1,280,000.00", all, StringComparison.Ordinal);
        Assert.Contains("壹佰贰拾捌万元整", flat, StringComparison.Ordinal);
        Assert.Contains("网签日期：2026年3月2日", flat, StringComparison.Ordinal);
        Assert.Contains("扫码验证合同真伪", all, StringComparison.Ordinal);
        Assert.Contains("第十一条其他约定", flat, StringComparison.Ordinal);
        Assert.Contains("第 1 页 共", pages[0], StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"第 {i + 1} 页 共 {pages.Count} 页", pages[i], StringComparison.Ordinal);
            Assert.Contains("合同编号：" + ContractDocumentSamples.ContractNumber, pages[i], StringComparison.Ordinal);
        }

        AssertProperChinese(all);
    }

    [Fact]
    public void Typical_contract_is_a_small_pdf_with_subset_embedded_fonts()
    {
        var pdf = _renderer.Render(ContractDocumentSamples.Typical());

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(pdf.Length < MaxPdfBytes, $"PDF is {pdf.Length / 1024} KB");

        var fonts = PdfText.Fonts(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded && f.Subset, $"font {f.Name} is not an embedded subset"));
    }

    [Fact]
    public void Headings_never_end_a_page()
    {
        var layout = new BlockLayout(ContractPdfRenderer.ContentWidth);
        ContractComposer.Compose(ContractDocumentSamples.Typical(), layout);
        var pages = Paginator.Paginate(layout.Rows, ContractPdfRenderer.ContentHeight);

        Assert.True(pages.Count >= 3);
        Assert.All(pages, page => Assert.False(page[^1].Row.IsHeading, "a heading is the last line of a page"));

        // The same, read back from the PDF: the last body line of a page is never an article heading.
        foreach (var text in PdfText.Pages(_renderer.Render(ContractDocumentSamples.Typical())))
        {
            var body = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => !FooterPattern().IsMatch(l))
                .ToList();
            Assert.DoesNotMatch(HeadingPattern(), body[^1]);
        }
    }

    [Fact]
    public void A_table_that_runs_over_a_page_repeats_its_header()
    {
        var layout = new BlockLayout(ContractPdfRenderer.ContentWidth);
        var rows = Enumerable.Range(1, 60)
            .Select(i => (IReadOnlyList<string>)[$"乙方(买方)", $"买受人{i}", "居民身份证", "420106199001011234", "13800001111", "—"])
            .ToList();
        layout.Table([1, 1, 1, 2, 1, 1], ["身份", "姓名", "证件类型", "证件号码", "联系电话", "产权份额"], rows, TextStyle.Small);

        var pages = Paginator.Paginate(layout.Rows, 300);

        Assert.True(pages.Count >= 3);
        var header = layout.Rows[0];
        Assert.All(pages, page => Assert.Same(header, page[0].Row));
        Assert.Equal(60 + pages.Count, pages.Sum(p => p.Count));
    }

    [Fact]
    public void A_long_eleventh_article_and_six_buyers_flow_over_pages_with_numbered_footers()
    {
        var document = ContractDocumentSamples.Typical(buyers: 6, otherTermsLength: 1000);
        Assert.True(document.OtherTerms!.Length >= 1000);

        var pages = PdfText.Pages(_renderer.Render(document));

        Assert.InRange(pages.Count, 3, 6);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"第 {i + 1} 页 共 {pages.Count} 页", pages[i], StringComparison.Ordinal);
        }

        var all = string.Join("\n", pages);
        Assert.All(document.Parties, p => Assert.Contains(p.Name, all, StringComparison.Ordinal));
        Assert.Contains(PdfText.Flatten(document.OtherTerms.Split('\n')[^1]), PdfText.Flatten(all), StringComparison.Ordinal);
    }

    [Fact]
    public void A_revoked_contract_is_stamped_on_every_page()
    {
        var document = ContractDocumentSamples.Typical() with { Status = "已撤销" };

        var revoked = PdfText.Pages(_renderer.Render(document, revokedWatermark: true));
        var valid = PdfText.Pages(_renderer.Render(ContractDocumentSamples.Typical()));

        Assert.True(revoked.Count >= 3);
        Assert.All(revoked, page => Assert.Contains("已撤销", PdfText.Flatten(page), StringComparison.Ordinal));
        Assert.DoesNotContain("已撤销", valid[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_in_parallel_gives_valid_pdfs()
    {
        var results = new byte[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = _renderer.Render(ContractDocumentSamples.Typical() with { ContractNumber = $"武房20269000{i:00}" }));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal("%PDF", Encoding.ASCII.GetString(results[i], 0, 4));
            var pages = PdfText.Pages(results[i]);
            Assert.Contains($"武房20269000{i:00}", pages[0], StringComparison.Ordinal);
            Assert.Contains($"第 {pages.Count} 页 共 {pages.Count} 页", pages[^1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FirstMissingGlyph_finds_characters_the_font_cannot_print()
    {
        Assert.Null(ContractPdfRenderer.FirstMissingGlyph("张晓燕 李赟 王堃 Émile O'Brien-Smith 1,280,000.00（大写）壹佰贰拾捌万元整"));
        Assert.Null(ContractPdfRenderer.FirstMissingGlyph("第一行\n第二行\t制表"));
        Assert.Equal("\U00020BB7", ContractPdfRenderer.FirstMissingGlyph("吉田𠮷野"));
        Assert.Equal("\U00020000", ContractPdfRenderer.FirstMissingGlyph("\U00020000"));

        // Noto Sans SC 2.x does draw biáng (U+30EDD, CJK Extension G), so it is not refused.
        Assert.Null(ContractPdfRenderer.FirstMissingGlyph("\U00030EDD\U00030EDD面"));
    }

    [Fact]
    public void Rendering_refuses_a_name_with_an_unprintable_character_and_names_it()
    {
        var document = ContractDocumentSamples.Typical();
        var parties = document.Parties.ToList();
        parties[2] = parties[2] with { Name = "王\U00020BB7" };

        var error = Assert.Throws<InvalidOperationException>(() => _renderer.Render(document with { Parties = parties }));

        Assert.Contains("\U00020BB7", error.Message, StringComparison.Ordinal);
        Assert.Contains("U+20BB7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(97)]
    [InlineData(150)]
    [InlineData(233)]
    public void Line_breaking_keeps_closing_punctuation_off_line_starts_and_opening_off_line_ends(double width)
    {
        const string text =
            "甲方应于交房前结清水、电、燃气费用，并将钥匙交给乙方。乙方收到钥匙后，应当场查验（包括门窗、管线等），" +
            "发现问题的，应在三日内书面告知甲方；甲方应及时修复。“交付”是指：钥匙移交、费用结清！是否完成？以《交接书》为准。" +
            "Room 1502, Building 7 (North) is sold as-is.";

        var lines = LineBreaker.BreakPlain(text, 10.5, width);

        Assert.True(lines.Count > 3);
        Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal));
        foreach (var line in lines)
        {
            Assert.DoesNotContain(line[0], LineBreaker.NoLineStart);
            Assert.DoesNotContain(line[^1], LineBreaker.NoLineEnd);
        }

        Assert.All(lines, l => Assert.True(ContractFont.Instance.Measure(l, 10.5) <= width + 0.01, $"line too wide: {l}"));
        Assert.DoesNotContain(lines, l => l.StartsWith('，') || l.StartsWith('。'));
    }

    [Theory]
    [InlineData("甲方（卖方）：张晓燕、李赟，证件号码：42010319781122391X。", 10.5)]
    [InlineData("Room 1502, Building 7 — 第 12 页 共 13 页", 9)]
    public void The_layout_measures_text_as_PDFsharp_draws_it(string text, double size)
    {
        _ = new ContractPdfRenderer();
        using var measure = PdfSharp.Drawing.XGraphics.CreateMeasureContext(
            new PdfSharp.Drawing.XSize(600, 800), PdfSharp.Drawing.XGraphicsUnit.Point, PdfSharp.Drawing.XPageDirection.Downwards);
        var font = new PdfSharp.Drawing.XFont(ContractFont.FamilyName, size);

        Assert.Equal(measure.MeasureString(text, font).Width, ContractFont.Instance.Measure(text, size), 3);
    }

    [Fact]
    public void Latin_words_are_not_broken_inside()
    {
        var lines = LineBreaker.BreakPlain("备注 Building Seven North Tower Apartment", 10.5, 80);

        Assert.Contains(lines, l => l.Contains("Apartment", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotMatch("^ | $", l));
    }

    private static void AssertProperChinese(string text)
    {
        Assert.DoesNotContain('\uFFFD', text);
        Assert.DoesNotContain(text, c => c is >= '\u2F00' and <= '\u2FDF');
        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2EFF');
    }

    [GeneratedRegex(@"^第 \d+ 页 共 \d+ 页$")]
    private static partial Regex FooterPattern();

    [GeneratedRegex(@"^第[一二三四五六七八九十]+条")]
    private static partial Regex HeadingPattern();
}
