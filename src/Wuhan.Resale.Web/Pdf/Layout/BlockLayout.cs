namespace Wuhan.Resale.Web.Pdf.Layout;

internal enum Alignment
{
    Left,
    Center,
}

/// <summary>Turns paragraphs and tables into rows for the <see cref="Paginator"/>.</summary>
internal sealed class BlockLayout(double contentWidth)
{
    private const double CellPadding = 4;
    private const double RuleThickness = 0.6;
    private const double UnderlineThickness = 0.6;

    private readonly List<LayoutRow> _rows = [];

    public double ContentWidth { get; } = contentWidth;

    public IReadOnlyList<LayoutRow> Rows => _rows;

    /// <summary>The row after which the bureau's seal belongs (the signatures); null when nothing was marked.</summary>
    public LayoutRow? SealRow { get; private set; }

    /// <summary>The page holding the last row laid out so far is the page the seal goes on.</summary>
    public void MarkSealHere() => SealRow = _rows.Count > 0 ? _rows[^1] : null;

    /// <summary>A run of text. Lines are rows; the first two and last two lines of a paragraph stay together.</summary>
    public void Paragraph(
        IReadOnlyList<TextSpan> spans,
        TextStyle style,
        double firstLineIndent = 0,
        double leftIndent = 0,
        double spaceBefore = 0,
        Alignment alignment = Alignment.Left,
        bool heading = false)
    {
        var lines = LineBreaker.Break(spans, style.Size, ContentWidth - leftIndent, firstLineIndent);
        var firstRow = _rows.Count;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var x = leftIndent + (i == 0 ? firstLineIndent : 0);
            if (alignment == Alignment.Center)
            {
                x = (ContentWidth - line.Width) / 2;
            }

            var ops = new List<DrawOp>();
            AddLine(ops, line, style, x, style.BaselineOffset);
            _rows.Add(new LayoutRow(style.LineHeight, ops)
            {
                SpaceBefore = i == 0 ? spaceBefore : 0,
                KeepWithNext = heading || (lines.Count >= 4 && (i == 0 || i == lines.Count - 2)) || (lines.Count < 4 && i < lines.Count - 1),
                IsHeading = heading,
            });
        }

        if (heading && _rows.Count > firstRow)
        {
            _rows[^1].KeepWithNext = true;
        }
    }

    /// <summary>A bordered table whose rows grow with their text and whose header repeats on every page it spans.</summary>
    /// <param name="columnWidths">Relative widths of the columns.</param>
    public void Table(IReadOnlyList<double> columnWidths, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, TextStyle style, double spaceBefore = 0)
    {
        var total = columnWidths.Sum();
        var widths = columnWidths.Select(w => w / total * ContentWidth).ToArray();
        var headerStyle = style with { Bold = true };
        var headerRow = TableRow(widths, header, headerStyle, shaded: true, spaceBefore);
        headerRow.KeepWithNext = true;
        _rows.Add(headerRow);
        foreach (var cells in rows)
        {
            var row = TableRow(widths, cells, style, shaded: false, 0, headerRow);
            _rows.Add(row);
        }
    }

    /// <summary>A row drawn by the caller (title block, signatures); kept whole.</summary>
    public void Custom(double height, IReadOnlyList<DrawOp> ops, double spaceBefore = 0, bool keepWithNext = false) =>
        _rows.Add(new LayoutRow(height, ops) { SpaceBefore = spaceBefore, KeepWithNext = keepWithNext });

    /// <summary>What comes next starts a new page (an annex).</summary>
    public void PageBreak() => _rows.Add(new LayoutRow(0, []) { StartsPage = true });

    /// <summary>Lines of <paramref name="spans"/> as ops at (<paramref name="x"/>, <paramref name="top"/>); returns the height used.</summary>
    public static double TextInBox(List<DrawOp> ops, IReadOnlyList<TextSpan> spans, TextStyle style, double x, double top, double width)
    {
        var lines = LineBreaker.Break(spans, style.Size, width);
        for (var i = 0; i < lines.Count; i++)
        {
            AddLine(ops, lines[i], style, x, top + (i * style.LineHeight) + style.BaselineOffset);
        }

        return lines.Count * style.LineHeight;
    }

    /// <summary>
    /// A whole line is one text op (drawing text is the costly part of PDF output); filled-in values get their
    /// underline as separate rules under the fragment offsets the line breaker measured.
    /// </summary>
    private static void AddLine(List<DrawOp> ops, TextLine line, TextStyle style, double x, double baseline)
    {
        ops.Add(new TextOp(x, baseline, line.Text, style));
        var underline = baseline + (style.Size * 0.2);
        foreach (var fragment in line.Fragments)
        {
            if (fragment.Filled)
            {
                ops.Add(new LineOp(x + fragment.X, underline, x + fragment.X + fragment.Width, underline, UnderlineThickness));
            }
        }
    }

    private static LayoutRow TableRow(double[] widths, IReadOnlyList<string> cells, TextStyle style, bool shaded, double spaceBefore, LayoutRow? header = null)
    {
        var ops = new List<DrawOp>();
        double height = 0;
        double x = 0;
        for (var c = 0; c < widths.Length; c++)
        {
            var text = c < cells.Count ? cells[c] : string.Empty;
            var used = TextInBox(ops, [new TextSpan(text)], style, x + CellPadding, CellPadding / 2, widths[c] - (2 * CellPadding));
            height = Math.Max(height, used + CellPadding);
            x += widths[c];
        }

        var borders = new List<DrawOp>();
        if (shaded)
        {
            borders.Add(new RectOp(0, 0, x, height, 0.92));
        }

        borders.Add(new LineOp(0, 0, x, 0, RuleThickness));
        borders.Add(new LineOp(0, height, x, height, RuleThickness));
        double edge = 0;
        borders.Add(new LineOp(0, 0, 0, height, RuleThickness));
        foreach (var w in widths)
        {
            edge += w;
            borders.Add(new LineOp(edge, 0, edge, height, RuleThickness));
        }

        borders.AddRange(ops);
        return new LayoutRow(height, borders) { SpaceBefore = spaceBefore, RepeatHeader = header };
    }
}
