using System.Text;

namespace Wuhan.Resale.Domain.ValueObjects;

/// <summary>Shared clean-up of what a person typed into an identity or phone number field.</summary>
internal static class TextNormalizer
{
    /// <summary>Longest raw input that is looked at; anything longer is refused before any other work.</summary>
    public const int MaxInputLength = 64;

    /// <summary>
    /// Converts full-width ASCII variants (ＡＢＣ１２３) and the ideographic space to their ASCII forms,
    /// trims, and upper-cases with the invariant culture.
    /// </summary>
    public static string ToHalfWidthUpper(string input)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            builder.Append(ToHalfWidth(c));
        }

        return builder.ToString().Trim().ToUpperInvariant();
    }

    public static char ToHalfWidth(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static bool IsAsciiUpper(char c) => c is >= 'A' and <= 'Z';

    public static bool AllAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
