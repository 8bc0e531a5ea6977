using QRCoder;

namespace Wuhan.Resale.Web.Features.RealNameAuth;

/// <summary>Renders a QR code as inline SVG on the server, so no script or image request is needed to show it.</summary>
public static class QrCodes
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(240, 240), "#000000", "#ffffff", drawQuietZones: true);
        return svg.Replace("<svg ", "<svg role=\"img\" aria-label=\"登录二维码\" ", StringComparison.Ordinal);
    }
}
