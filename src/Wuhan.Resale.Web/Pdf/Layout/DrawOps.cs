namespace Wuhan.Resale.Web.Pdf.Layout;

/// <summary>A run of text in a paragraph; <see cref="Filled"/> marks a value filled into the model text (underlined).</summary>
internal readonly record struct TextSpan(string Text, bool Filled = false);

/// <summary>Font size in points and whether bold is simulated.</summary>
internal readonly record struct TextStyle(double Size, bool Bold = false)
{
    public static readonly TextStyle Body = new(10.5);
    public static readonly TextStyle Heading = new(11, Bold: true);
    public static readonly TextStyle Small = new(9);
    public static readonly TextStyle Caption = new(7.5);
    public static readonly TextStyle Title = new(20, Bold: true);

    /// <summary>Distance between baselines of consecutive lines.</summary>
    public double LineHeight => Size * 1.75;

    /// <summary>Where the baseline sits below the top of a line box, centring the glyphs in the line.</summary>
    public double BaselineOffset
    {
        get
        {
            var font = ContractFont.Instance;
            var glyphHeight = (font.Ascent + font.Descent) * Size;
            return ((LineHeight - glyphHeight) / 2) + (font.Ascent * Size);
        }
    }
}

/// <summary>
/// One thing to paint, positioned relative to the top of the row that owns it and the left page margin.
/// Layout produces these; drawing only replays them, so the page count is known before anything is drawn.
/// </summary>
internal abstract record DrawOp;

internal sealed record TextOp(double X, double Baseline, string Text, TextStyle Style) : DrawOp;

internal sealed record LineOp(double X1, double Y1, double X2, double Y2, double Thickness) : DrawOp;

/// <summary>A filled rectangle (QR modules, table header shading); <see cref="Gray"/> 0 is black, 1 white.</summary>
internal sealed record RectOp(double X, double Y, double Width, double Height, double Gray) : DrawOp;
