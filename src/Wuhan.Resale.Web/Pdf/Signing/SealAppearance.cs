using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;

namespace Wuhan.Resale.Web.Pdf.Signing;

/// <summary>
/// The visible 电子签章: a round red seal drawn with vector graphics (ring, five-pointed star, the bureau's name along
/// the upper arc, 网签专用章 across the middle) and the signing time in Asia/Shanghai underneath. It is the signature
/// field's appearance, so a PDF reader shows it on the signatures' page and links it to the digital signature.
/// </summary>
internal sealed class SealAppearance(string bureauName, string signedAtText) : IAnnotationAppearanceHandler
{
    public const string Purpose = "网签专用章";

    /// <summary>The size of the field: the seal's circle and two short lines of text beneath it.</summary>
    public const double Width = 150;

    public const double Height = 168;

    private const double Diameter = 128;

    private static readonly XColor SealRed = XColor.FromArgb(215, 25, 32);

    public void DrawAppearance(XGraphics gfx, XRect rect)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var red = new XSolidBrush(SealRed);
        var radius = Diameter / 2;
        var centre = new XPoint(Width / 2, 4 + radius);

        gfx.DrawEllipse(new XPen(SealRed, 3.2), centre.X - radius, centre.Y - radius, Diameter, Diameter);
        gfx.DrawPolygon(red, Star(centre, radius * 0.27), XFillMode.Winding);

        var nameFont = new XFont(ContractFont.FamilyName, NameSize(), XFontStyleEx.Bold, options);
        ArcText(gfx, bureauName, nameFont, red, centre, radius - 6 - nameFont.Size);

        var purposeFont = new XFont(ContractFont.FamilyName, 11, XFontStyleEx.Bold, options);
        gfx.DrawString(Purpose, purposeFont, red, centre.X, centre.Y + (radius * 0.58), XStringFormats.BaseLineCenter);

        var small = new XFont(ContractFont.FamilyName, 7.5, XFontStyleEx.Regular, options);
        var below = centre.Y + radius + 13;
        gfx.DrawString("电子签章", small, red, centre.X, below, XStringFormats.BaseLineCenter);
        gfx.DrawString(signedAtText, small, red, centre.X, below + 11, XStringFormats.BaseLineCenter);
    }

    /// <summary>Long names get a smaller type so they stay within the upper 240° of the ring.</summary>
    private double NameSize() => bureauName.Length switch
    {
        <= 14 => 12,
        <= 18 => 10.5,
        _ => 9,
    };

    /// <summary>One character at a time, each turned to face the centre, spread evenly over the upper arc.</summary>
    private static void ArcText(XGraphics gfx, string text, XFont font, XBrush brush, XPoint centre, double radius)
    {
        var characters = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        var span = Math.Min(240.0, characters.Count * 15.5);
        var step = characters.Count > 1 ? span / (characters.Count - 1) : 0;
        for (var i = 0; i < characters.Count; i++)
        {
            var angle = (-span / 2) + (i * step);
            var state = gfx.Save();
            gfx.RotateAtTransform(angle, centre);
            gfx.DrawString(characters[i], font, brush, centre.X, centre.Y - radius, XStringFormats.BaseLineCenter);
            gfx.Restore(state);
        }
    }

    private static XPoint[] Star(XPoint centre, double outer)
    {
        var inner = outer * 0.382;
        var points = new XPoint[10];
        for (var i = 0; i < points.Length; i++)
        {
            var r = i % 2 == 0 ? outer : inner;
            var angle = (-90 + (i * 36)) * Math.PI / 180;
            points[i] = new XPoint(centre.X + (r * Math.Cos(angle)), centre.Y + (r * Math.Sin(angle)));
        }

        return points;
    }
}
