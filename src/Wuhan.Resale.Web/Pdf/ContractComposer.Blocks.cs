using QRCoder;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Web.Pdf.Layout;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>The parts of the contract that are not running text: the title block with the QR code, and signatures.</summary>
internal static partial class ContractComposer
{
    public const string QrCaption = "扫码验证合同真伪";

    private const double QrSize = 78;
    private const double SignatureCellGap = 18;

    private static void TitleBlock(ContractDocument document, BlockLayout layout)
    {
        var ops = new List<DrawOp>();
        var title = TextStyle.Title;
        var titleWidth = ContractFont.Instance.Measure(ModelContract.Title, title.Size);
        ops.Add(new TextOp((layout.ContentWidth - titleWidth) / 2, title.BaselineOffset, ModelContract.Title, title));

        var top = title.LineHeight + 6;
        var qrLeft = layout.ContentWidth - QrSize;
        var textWidth = document.VerificationUrl is null ? layout.ContentWidth : qrLeft - 12;
        var y = top + 4;
        var filedOn = document.FiledAt is { } filedAt ? ContractValues.DateText(ShanghaiTime.DateOf(filedAt)) : ModelContract.NotYetFiled;
        y += BlockLayout.TextInBox(ops, new Prose().T("合同编号：").V(document.ContractNumber ?? ModelContract.NotYetFiled).Spans, TextStyle.Body, 0, y, textWidth);
        y += BlockLayout.TextInBox(ops, new Prose().T("网签日期：").V(filedOn).Spans, TextStyle.Body, 0, y, textWidth);
        y += BlockLayout.TextInBox(ops, new Prose().T("网签状态：").V(document.Status).Spans, TextStyle.Body, 0, y, textWidth);
        y += 2 + BlockLayout.TextInBox(
            ops,
            new Prose().T("本合同由买卖双方通过武汉市存量房网签系统在线订立并申报，内容以网签系统的记录为准。").Spans,
            TextStyle.Small,
            0,
            y + 2,
            textWidth);

        var height = y + 4;
        if (document.VerificationUrl is { } url)
        {
            QrCode(ops, url, qrLeft, top);
            var caption = TextStyle.Caption;
            var captionWidth = ContractFont.Instance.Measure(QrCaption, caption.Size);
            var captionTop = top + QrSize;
            ops.Add(new TextOp(qrLeft + ((QrSize - captionWidth) / 2), captionTop + caption.BaselineOffset, QrCaption, caption));
            height = Math.Max(y, captionTop + caption.LineHeight) + 4;
        }

        ops.Add(new LineOp(0, height, layout.ContentWidth, height, 0.8));
        layout.Custom(height + 2, ops);
    }

    /// <summary>The QR module matrix as black rectangles, one per horizontal run, so no image library is needed.</summary>
    private static void QrCode(List<DrawOp> ops, string url, double left, double top)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = QrSize / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < bits.Length)
            {
                if (!bits[column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < bits.Length && bits[column])
                {
                    column++;
                }

                // A hair of overlap hides the seams some viewers draw between adjacent rectangles.
                ops.Add(new RectOp(left + (start * module), top + (row * module), ((column - start) * module) + 0.05, module + 0.05, 0));
            }
        }
    }

    private static void Signatures(ContractDocument document, BlockLayout layout)
    {
        var cells = new List<(string Label, string Name)>();
        cells.AddRange(document.Parties.Where(p => p.IsSeller).Select(p => (p.Role, p.Name)));
        cells.AddRange(document.Parties.Where(p => !p.IsSeller).Select(p => (p.Role, p.Name)));
        if (document.SellerAgent is { } sellerAgent)
        {
            cells.Add(("甲方委托代理人", sellerAgent.Name));
        }

        if (document.BuyerAgent is { } buyerAgent)
        {
            cells.Add(("乙方委托代理人", buyerAgent.Name));
        }

        Heading(layout, ModelContract.SignaturesHeading);
        Paragraph(layout, new Prose().T(ModelContract.SignaturesNote));
        var cellWidth = (layout.ContentWidth - SignatureCellGap) / 2;
        for (var i = 0; i < cells.Count; i += 2)
        {
            var ops = new List<DrawOp>();
            var left = SignatureCell(ops, cells[i], 0, cellWidth);
            var right = i + 1 < cells.Count ? SignatureCell(ops, cells[i + 1], cellWidth + SignatureCellGap, cellWidth) : 0;
            layout.Custom(Math.Max(left, right), ops, spaceBefore: i == 0 ? 8 : 4);
        }
    }

    private static double SignatureCell(List<DrawOp> ops, (string Label, string Name) party, double x, double width)
    {
        var style = TextStyle.Body;
        var y = BlockLayout.TextInBox(ops, new Prose().T(party.Label + "：").V(party.Name).Spans, style, x, 0, width);

        y += LabelWithBlank(ops, "签字（盖章）：", x, y, width);

        var baseline = y + style.BaselineOffset;
        var cursor = x + Label(ops, "日期：", x, baseline);
        foreach (var unit in (string[])["年", "月", "日"])
        {
            var blank = unit == "年" ? 40 : 24;
            ops.Add(new LineOp(cursor, baseline + 2, cursor + blank, baseline + 2, 0.5));
            cursor += blank;
            cursor += Label(ops, unit, cursor, baseline);
        }

        return y + style.LineHeight + 6;
    }

    private static double LabelWithBlank(List<DrawOp> ops, string label, double x, double top, double width)
    {
        var style = TextStyle.Body;
        var baseline = top + style.BaselineOffset;
        var used = Label(ops, label, x, baseline);
        ops.Add(new LineOp(x + used, baseline + 2, x + width - 8, baseline + 2, 0.5));
        return style.LineHeight + 6;
    }

    private static double Label(List<DrawOp> ops, string text, double x, double baseline)
    {
        var style = TextStyle.Body;
        var width = ContractFont.Instance.Measure(text, style.Size);
        ops.Add(new TextOp(x, baseline, text, style));
        return width;
    }
}
