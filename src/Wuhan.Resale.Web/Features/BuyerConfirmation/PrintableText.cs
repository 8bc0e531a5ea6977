namespace Wuhan.Resale.Web.Features.BuyerConfirmation;

/// <summary>
/// Whether a name can be printed on the contract: every character must be in the contract font, or it would print as
/// an empty box. Such a name is refused, naming the character.
/// </summary>
public static class PrintableText
{
    /// <summary>The first character the contract cannot print, or null when every character prints.</summary>
    public static string? FirstUnprintable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(char.IsControl))
        {
            return text.First(char.IsControl).ToString();
        }

        return Pdf.ContractPdfRenderer.FirstMissingGlyph(text);
    }
}
