using System.Text;

namespace Wuhan.Resale.Web.Features.BuyerConfirmation;

/// <summary>
/// Whether a name can be printed on the contract. The contract font covers the whole GBK repertoire, so a character
/// that GBK cannot encode would print as an empty box: such a name is refused, naming the character.
/// </summary>
public static class PrintableText
{
    private static readonly Encoding Gbk = CreateGbk();

    /// <summary>The first character the contract cannot print, or null when every character prints.</summary>
    public static string? FirstUnprintable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (element.Any(char.IsControl))
            {
                return element;
            }

            var bytes = Gbk.GetBytes(element);
            if (!string.Equals(Gbk.GetString(bytes), element, StringComparison.Ordinal))
            {
                return element;
            }
        }

        return null;
    }

    private static Encoding CreateGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
