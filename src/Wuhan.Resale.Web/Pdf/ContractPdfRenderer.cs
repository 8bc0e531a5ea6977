using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Wuhan.Resale.Web.Pdf.Layout;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// Prints a filed contract as an A4 PDF. Stateless and safe to call from many requests at once: every call lays out
/// with the shared, read-only font metrics and draws into its own <see cref="PdfDocument"/>.
/// </summary>
public sealed class ContractPdfRenderer
{
    internal const double PageWidth = 595.28;
    internal const double PageHeight = 841.89;
    internal const double MarginX = 56.7;
    internal const double MarginTop = 62;
    internal const double MarginBottom = 58;
    internal const double ContentWidth = PageWidth - (2 * MarginX);
    internal const double ContentHeight = PageHeight - MarginTop - MarginBottom;

    public ContractPdfRenderer() => ContractFontResolver.EnsureRegistered();

    /// <summary>
    /// The first character of <paramref name="text"/> the contract font cannot print (it would come out as a box),
    /// or null when every character prints. Line breaks and tabs are allowed.
    /// </summary>
    public static string? FirstMissingGlyph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var font = ContractFont.Instance;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\r' or '\n' or '\t')
            {
                continue;
            }

            if (!font.HasGlyph(rune.Value))
            {
                return rune.ToString();
            }
        }

        return null;
    }

    /// <summary>Renders the contract.</summary>
    /// <param name="revokedWatermark">Stamps 已撤销 across every page.</param>
    /// <exception cref="InvalidOperationException">A value holds a character the font cannot print.</exception>
    public byte[] Render(ContractDocument document, bool revokedWatermark = false) =>
        RenderStamped(document, revokedWatermark ? PageStamp.Revoked : null);

    /// <summary>Renders a draft: 草稿 across every page, and never a QR code (a draft has nothing to verify).</summary>
    /// <exception cref="InvalidOperationException">A value holds a character the font cannot print.</exception>
    public byte[] RenderDraft(ContractDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return RenderStamped(document with { VerificationUrl = null }, PageStamp.Draft);
    }

    /// <summary>
    /// Renders a filed contract and signs it with the bureau's certificate (a red seal on the signatures' page). Drafts are
    /// refused: they carry no signature, whatever asks.
    /// </summary>
    /// <param name="revokedWatermark">Stamps 已撤销 across every page.</param>
    /// <exception cref="InvalidOperationException">A draft, or a value holds a character the font cannot print.</exception>
    public async Task<byte[]> RenderSignedAsync(ContractDocument document, bool revokedWatermark, Signing.ContractSigner signer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(signer);
        using var pdf = Compose(document, revokedWatermark ? PageStamp.Revoked : null, out var sealPage);
        signer.Attach(pdf, document, sealPage);
        var stream = OutputBuffers.Rent();
        try
        {
            await pdf.SaveAsync(stream, false);
            return stream.ToArray();
        }
        finally
        {
            OutputBuffers.Return(stream);
        }
    }

    private static byte[] RenderStamped(ContractDocument document, PageStamp? stamp)
    {
        using var pdf = Compose(document, stamp, out _);
        var stream = OutputBuffers.Rent();
        try
        {
            pdf.Save(stream, false);
            return stream.ToArray();
        }
        finally
        {
            OutputBuffers.Return(stream);
        }
    }

    /// <param name="sealPage">Index of the page with the signatures, where the bureau's seal is drawn.</param>
    private static PdfDocument Compose(ContractDocument document, PageStamp? stamp, out int sealPage)
    {
        ArgumentNullException.ThrowIfNull(document);
        EnsurePrintable(document);

        var layout = new BlockLayout(ContentWidth);
        ContractComposer.Compose(document, layout);
        var pages = Paginator.Paginate(layout.Rows, ContentHeight);
        var sealRow = layout.SealRow;
        sealPage = pages.Count - 1;
        for (var i = 0; sealRow is not null && i < pages.Count; i++)
        {
            if (pages[i].Any(placed => ReferenceEquals(placed.Row, sealRow)))
            {
                sealPage = i;
            }
        }

        var number = document.ContractNumber ?? ModelContract.NotYetFiled;
        var pdf = new PdfDocument();
        pdf.Info.Title = $"{ModelContract.Title} {number}";
        pdf.Info.Creator = "武汉存量房自行交易合同网签";
        pdf.Options.CompressContentStreams = true;

        // The embedded font subset (PDFsharp keeps the font's whole hmtx and loca tables, about 250 KB for 30,898
        // glyphs) is most of every file; deflating it at the fastest level took a third of the render time at the
        // default one, for a file of about 180 KB instead of 135 KB.
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        var drawer = new PageDrawer(number, pages.Count, stamp);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            using var graphics = XGraphics.FromPdfPage(page);
            drawer.Draw(graphics, pages[i], i + 1);
        }

        return pdf;
    }

    private static void EnsurePrintable(ContractDocument document)
    {
        foreach (var text in PrintedText(document))
        {
            if (text is not null && FirstMissingGlyph(text) is { } missing)
            {
                var codePoint = char.ConvertToUtf32(missing, 0).ToString("X4", CultureInfo.InvariantCulture);
                throw new InvalidOperationException(
                    $"合同内容中的字符“{missing}”（U+{codePoint}）不在合同字体中，打印出来会是方框。请先更正相关信息后再生成合同。");
            }
        }
    }

    private static IEnumerable<string?> PrintedText(ContractDocument d)
    {
        var home = d.Home;
        string?[] fixedFields =
        [
            d.ContractNumber, d.Status, home.Location, home.DistrictName, home.Structure, home.BuildingArea, home.LandArea,
            home.CertificateNumber, home.LandCertificateNumber, home.DesignPurpose, home.RoomType, home.AttachedFacilities,
            d.SellerAgent?.Name, d.SellerAgent?.IdNumber, d.BuyerAgent?.Name, d.BuyerAgent?.IdNumber,
            d.SellerServiceAddress, d.BuyerServiceAddress,
            d.Price.Figures, d.Price.Capitals, d.Price.DecorationAmount, d.Payment.MethodName, d.Payment.Deposit,
            d.Delivery.Conditions, d.Obligations.TaxBearerName, d.Obligations.HukouDailyPenalty,
            d.Obligations.LatePaymentDailyRate, d.Obligations.LateDeliveryDailyRate, d.Obligations.ArbitrationCommission,
            d.OtherTerms,
        ];
        foreach (var text in fixedFields)
        {
            yield return text;
        }

        foreach (var party in d.Parties)
        {
            yield return party.Role;
            yield return party.Name;
            yield return party.IdTypeName;
            yield return party.IdNumber;
            yield return party.Phone;
            yield return party.Share;
        }

        foreach (var row in d.Payment.Schedule)
        {
            yield return row.Amount;
            yield return row.Description;
        }
    }

    /// <summary>
    /// Memory streams the PDFs are saved into, kept for the next render: a contract saves to about 180 KB, and growing a
    /// fresh stream to that size allocated twice as much again on the large object heap for every render.
    /// </summary>
    private static class OutputBuffers
    {
        private const int MaxKept = 8;
        private const int MaxKeptCapacity = 4 * 1024 * 1024;
        private static readonly System.Collections.Concurrent.ConcurrentBag<MemoryStream> Kept = [];

        public static MemoryStream Rent()
        {
            if (Kept.TryTake(out var stream))
            {
                return stream;
            }

            return new MemoryStream(256 * 1024);
        }

        public static void Return(MemoryStream stream)
        {
            if (stream.Capacity > MaxKeptCapacity || Kept.Count >= MaxKept)
            {
                return;
            }

            stream.SetLength(0);
            Kept.Add(stream);
        }
    }

    /// <summary>A mark across every page, said once more in plain text in the running header.</summary>
    /// <param name="Mark">The large diagonal word.</param>
    /// <param name="Banner">The header line: diagonal text is hard to read back for screen readers and extractors.</param>
    private sealed record PageStamp(string Mark, string Banner)
    {
        public static readonly PageStamp Revoked = new("已撤销", "本合同已撤销，仅供查阅");

        public static readonly PageStamp Draft = new("草稿", "合同草稿，尚未申报网签，不具有合同效力");
    }

    /// <summary>Replays one page's rows, then the running header, the footer and the stamp.</summary>
    private sealed class PageDrawer(string contractNumber, int pageCount, PageStamp? stamp)
    {
        private readonly XBrush _bannerBrush = new XSolidBrush(XColor.FromArgb(200, 20, 20));
        private readonly XBrush _watermarkBrush = new XSolidBrush(XColor.FromArgb(80, 200, 30, 30));

        /// <summary>
        /// One <see cref="XFont"/> per style for the whole process: fonts hold no document state, and building one
        /// looks through PDFsharp's global font caches under a lock.
        /// </summary>
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<TextStyle, XFont> Fonts = new();

        private static readonly XPdfFontOptions FontOptions = new(PdfFontEncoding.Unicode);
        private readonly Dictionary<double, XPen> _pens = [];
        private readonly Dictionary<double, XBrush> _brushes = [];

        public void Draw(XGraphics graphics, IReadOnlyList<PlacedRow> rows, int pageNumber)
        {
            foreach (var placed in rows)
            {
                var top = MarginTop + placed.Top;
                foreach (var op in placed.Row.Ops)
                {
                    DrawOp(graphics, op, MarginX, top);
                }
            }

            var small = new TextStyle(8);
            var headerBaseline = MarginTop - 22;
            var grey = new XSolidBrush(XColor.FromGrayScale(0.35));
            graphics.DrawString(ModelContract.Title, Font(small), grey, MarginX, headerBaseline, XStringFormats.BaseLineLeft);
            graphics.DrawString($"合同编号：{contractNumber}", Font(small), grey, PageWidth - MarginX, headerBaseline, XStringFormats.BaseLineRight);
            if (stamp is not null)
            {
                graphics.DrawString(stamp.Banner, Font(small with { Bold = true }), _bannerBrush, PageWidth / 2, headerBaseline, XStringFormats.BaseLineCenter);
            }

            graphics.DrawLine(new XPen(XColor.FromGrayScale(0.5), 0.5), MarginX, headerBaseline + 5, PageWidth - MarginX, headerBaseline + 5);

            Footer(graphics, pageNumber);

            if (stamp is not null)
            {
                var state = graphics.Save();
                graphics.RotateAtTransform(-35, new XPoint(PageWidth / 2, PageHeight / 2));
                graphics.DrawString(stamp.Mark, Font(new TextStyle(120)), _watermarkBrush, PageWidth / 2, PageHeight / 2, XStringFormats.Center);
                graphics.Restore(state);
            }
        }

        /// <summary>
        /// "第 n 页 共 m 页", drawn word by word with visible gaps: a plain space between CJK glyphs is narrower than
        /// what text extractors (pdftotext) read as a word break, so the numbers would run into the words.
        /// </summary>
        private void Footer(XGraphics graphics, int pageNumber)
        {
            var style = new TextStyle(9);
            var gap = style.Size * 0.5;
            string[] words =
            [
                "第", pageNumber.ToString(CultureInfo.InvariantCulture), "页", "共", pageCount.ToString(CultureInfo.InvariantCulture), "页",
            ];
            var widths = words.Select(w => ContractFont.Instance.Measure(w, style.Size)).ToArray();
            var x = (PageWidth - widths.Sum() - (gap * (words.Length - 1))) / 2;
            var baseline = PageHeight - (MarginBottom / 2);
            for (var i = 0; i < words.Length; i++)
            {
                graphics.DrawString(words[i], Font(style), XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
                x += widths[i] + gap;
            }
        }

        private void DrawOp(XGraphics graphics, DrawOp op, double left, double top)
        {
            switch (op)
            {
                case TextOp text:
                    graphics.DrawString(text.Text, Font(text.Style), XBrushes.Black, left + text.X, top + text.Baseline, XStringFormats.BaseLineLeft);
                    break;
                case LineOp line:
                    graphics.DrawLine(Pen(line.Thickness), left + line.X1, top + line.Y1, left + line.X2, top + line.Y2);
                    break;
                case RectOp rect:
                    graphics.DrawRectangle(Brush(rect.Gray), left + rect.X, top + rect.Y, rect.Width, rect.Height);
                    break;
            }
        }

        private XPen Pen(double thickness)
        {
            if (!_pens.TryGetValue(thickness, out var pen))
            {
                pen = new XPen(XColors.Black, thickness);
                _pens[thickness] = pen;
            }

            return pen;
        }

        private XBrush Brush(double gray)
        {
            if (!_brushes.TryGetValue(gray, out var brush))
            {
                brush = new XSolidBrush(XColor.FromGrayScale(gray));
                _brushes[gray] = brush;
            }

            return brush;
        }

        private static XFont Font(TextStyle style) =>
            Fonts.GetOrAdd(style, s => new XFont(ContractFont.FamilyName, s.Size, s.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, FontOptions));
    }
}
