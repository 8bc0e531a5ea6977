using System.Text.RegularExpressions;

namespace Wuhan.Resale.Testing;

/// <summary>
/// What a person reads in a text message the portal sent: the 6-digit code, the signing link. Written once for the
/// integration and browser tests (linked from tests/Shared, see their .csproj).
/// </summary>
internal static partial class SmsText
{
    /// <summary>The 6-digit code in the text (digits standing alone, not part of a longer number), or null.</summary>
    public static string? Code(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = SixDigits().Match(text);
        return match.Success ? match.Value : null;
    }

    /// <summary>The path of the signing link in the text (/sign/…), or null.</summary>
    public static string? SigningPath(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = SignPath().Match(text);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();

    [GeneratedRegex("/sign/[A-Za-z0-9_-]+")]
    private static partial Regex SignPath();
}
