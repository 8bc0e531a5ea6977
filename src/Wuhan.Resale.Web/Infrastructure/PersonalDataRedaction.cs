using System.Text.RegularExpressions;
using Serilog.Events;
using Serilog.Formatting;

namespace Wuhan.Resale.Web.Infrastructure;

/// <summary>
/// Masks mainland ID numbers and mobile numbers in any text: the last line of defence that keeps them out of logs
/// even when a message, a property or an exception happens to carry one.
/// </summary>
public static partial class PersonalDataRedaction
{
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = LoginTicketPathPattern().Replace(text, "/m/[ticket]");
        masked = ResidentIdPattern().Replace(masked, m => m.Value[..4] + new string('*', m.Value.Length - 8) + m.Value[^4..]);
        return MobilePattern().Replace(masked, m => m.Value[..3] + "****" + m.Value[^4..]);
    }

    // The one-time login token in the phone page's address is a bearer secret for five minutes.
    [GeneratedRegex(@"/m/[A-Za-z0-9_-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex LoginTicketPathPattern();

    // 18-digit resident ID (last may be X) and the old 15-digit form, not inside a longer run of letters or digits.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex ResidentIdPattern();

    // Mainland mobile numbers, also when written with a +86 or 86 country code in front.
    [GeneratedRegex(@"(?:(?<=(?<!\d)\+?86)|(?<!\d))1[3-9]\d{9}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();
}

/// <summary>Formats with the inner formatter, then masks personal numbers in the finished text.</summary>
public sealed class RedactingFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        inner.Format(logEvent, buffer);
        output.Write(PersonalDataRedaction.Redact(buffer.ToString()));
    }
}
