using Wuhan.Resale.Web.Pdf.Layout;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// Lays out the 武汉市存量房买卖合同 as rows: the title block, then every article of <see cref="ModelContract"/> with
/// its blanks filled from the document (each filled value underlined), then the signatures.
/// </summary>
internal static partial class ContractComposer
{
    private const double Indent = 21;
    private const double ParagraphGap = 3;
    private const double HeadingGap = 10;

    public static void Compose(ContractDocument document, BlockLayout layout)
    {
        TitleBlock(document, layout);
        foreach (var article in ModelContract.Articles)
        {
            Heading(layout, article.Heading);
            foreach (var block in article.Blocks)
            {
                switch (block)
                {
                    case ContractParagraph paragraph:
                        Paragraph(layout, Prose.Of(document, paragraph));
                        break;
                    case PartiesBlock:
                        PartiesTable(document, layout);
                        break;
                    case ScheduleBlock schedule:
                        Schedule(document.Payment, schedule, layout);
                        break;
                    case OtherTermsBlock:
                        OtherTerms(document, layout);
                        break;
                }
            }
        }

        Signatures(document, layout);

        // The seal goes under the parties' signatures, not on an annex that is an estimate rather than a term.
        layout.MarkSealHere();
        if (document.TaxAnnex is { } annex)
        {
            TaxAnnexComposer.Compose(annex, layout);
        }
    }

    private static void PartiesTable(ContractDocument document, BlockLayout layout)
    {
        Paragraph(layout, new Prose().T("甲方（卖方）：").V(string.Join("、", document.Parties.Where(p => p.IsSeller).Select(p => p.Name))));
        Paragraph(layout, new Prose().T("乙方（买方）：").V(string.Join("、", document.Parties.Where(p => !p.IsSeller).Select(p => p.Name))));
        layout.Table(
            [1.25, 1.35, 1.7, 2.35, 1.5, 1.05],
            ModelContract.PartyColumns,
            [.. document.Parties.Select(p => ContractValues.PartyCells(p))],
            TextStyle.Small,
            spaceBefore: ParagraphGap);
    }

    private static void Schedule(ContractPayment payment, ScheduleBlock schedule, BlockLayout layout)
    {
        if (payment.Schedule.Count == 0)
        {
            Paragraph(layout, new Prose().T(schedule.WhenEmpty));
            return;
        }

        Paragraph(layout, new Prose().T(schedule.Intro));
        layout.Table(
            [0.8, 2.0, 2.0, 4.0],
            ModelContract.ScheduleColumns,
            [.. payment.Schedule.Select(ContractValues.ScheduleCells)],
            TextStyle.Small,
            spaceBefore: ParagraphGap);
    }

    private static void OtherTerms(ContractDocument document, BlockLayout layout)
    {
        var paragraphs = ContractValues.OtherTermsParagraphs(document);
        if (paragraphs.Count == 0)
        {
            Paragraph(layout, new Prose().V((string?)null).T("。"));
            return;
        }

        foreach (var paragraph in paragraphs)
        {
            Paragraph(layout, new Prose().V(paragraph));
        }
    }

    private static void Heading(BlockLayout layout, string text) =>
        layout.Paragraph([new TextSpan(text)], TextStyle.Heading, spaceBefore: HeadingGap, heading: true);

    private static void Paragraph(BlockLayout layout, Prose prose, double spaceBefore = ParagraphGap) =>
        layout.Paragraph(prose.Spans, TextStyle.Body, firstLineIndent: Indent, spaceBefore: spaceBefore);
}
