using System.Globalization;
using System.Text;

namespace Wuhan.Resale.Domain.ValueObjects;

/// <summary>
/// Hides most of a piece of personal data so that it can be shown on screen or written to a log.
/// Every method returns a string of the same length as its input (counted in characters, or in
/// text elements for names), with the hidden characters replaced by <c>*</c>.
/// </summary>
public static class Masking
{
    private const char MaskChar = '*';

    /// <summary>
    /// Keeps the first 4 and last 4 characters (4201**********123X). Values of 8 characters or fewer
    /// keep only the first and last character; values of 1 or 2 characters are hidden entirely.
    /// </summary>
    public static string MaskIdNumber(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.Length > 8 ? Keep(value, 4, 4) : Keep(value, 1, 1);
    }

    /// <summary>
    /// Keeps the first 3 and last 4 characters (138****5678). Values shorter than 8 characters keep only the
    /// first and last character; values of 1 or 2 characters are hidden entirely.
    /// </summary>
    public static string MaskPhone(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.Length >= 8 ? Keep(value, 3, 4) : Keep(value, 1, 1);
    }

    /// <summary>
    /// Keeps the first character of a name and hides the rest (张三丰 → 张**). A one-character name becomes "*".
    /// Characters outside the Basic Multilingual Plane (rare surname characters) count as one character.
    /// </summary>
    public static string MaskName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return string.Empty;
        }

        var elements = new StringInfo(trimmed);
        if (elements.LengthInTextElements == 1)
        {
            return MaskChar.ToString();
        }

        var builder = new StringBuilder(trimmed.Length);
        builder.Append(elements.SubstringByTextElements(0, 1));
        builder.Append(MaskChar, elements.LengthInTextElements - 1);
        return builder.ToString();
    }

    private static string Keep(string value, int head, int tail)
    {
        if (value.Length <= head + tail)
        {
            return new string(MaskChar, value.Length);
        }

        return string.Concat(
            value.AsSpan(0, head),
            new string(MaskChar, value.Length - head - tail),
            value.AsSpan(value.Length - tail));
    }
}
