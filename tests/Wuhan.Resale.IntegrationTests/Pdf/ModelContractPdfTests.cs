namespace Wuhan.Resale.IntegrationTests.Pdf;

/// <summary>
/// The model-contract PDF tests moved to tests/Wuhan.Resale.Web.UnitTests (they need no host); their two reading
/// helpers now live in <see cref="PdfText"/> (tests/Shared). These forwards keep tests written against the old place
/// compiling; new tests call <see cref="PdfText"/> directly.
/// </summary>
internal static class ModelContractPdfTests
{
    internal static string BodyText(byte[] pdf) => PdfText.BodyText(pdf);

    internal static string Flatten(string text) => PdfText.Flatten(text);
}
