using QRCoder;

namespace Wuhan.Resale.Web.Features.Shared;

/// <summary>
/// Renders a QR code as inline SVG on the server, so no script or image request is needed to show it.
/// Used for the login QR code and the staff authenticator enrolment.
/// </summary>
public static class SvgQrCode
{
    public static string Render(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(240, 240), "#000000", "#ffffff", drawQuietZones: true);
        return svg.Replace("<svg ", $"<svg role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" ", StringComparison.Ordinal);
    }
}
