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

    /// <summary>
    /// For log lines: <see cref="Redact"/>, and also passport, 港澳/台湾通行证 and old foreign permanent resident card
    /// numbers (first two and last two characters kept). Free log text has more false positives (an 8-digit number
    /// is masked too), which a log can afford; the audit trail uses <see cref="Redact"/> only.
    /// </summary>
    public static string RedactLog(string text)
    {
        var masked = Redact(text);
        masked = TravelDocumentPattern().Replace(masked, m => KeepEnds(m.Value));
        return PermitDigitsPattern().Replace(masked, m => KeepEnds(m.Value));
    }

    private static string KeepEnds(string value) => value[..2] + new string('*', value.Length - 4) + value[^2..];

    // Passports (E12345678, EA1234567, G12345678 and most foreign ones), 港澳通行证 (H/M + 8 or 10 digits) and the old
    // foreign permanent resident card (three letters + 12 digits): capitals then digits, standing alone.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[A-Z]{3}\d{12}|[A-Z]{1,2}\d{6,10})(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex TravelDocumentPattern();

    // 台湾居民来往大陆通行证: 8 or 10 digits standing alone (not part of a decimal or a longer number).
    [GeneratedRegex(@"(?<![\p{L}\p{N}.:_-])(?:\d{10}|\d{8})(?![\p{L}\p{N}.:_-])", RegexOptions.CultureInvariant)]
    private static partial Regex PermitDigitsPattern();

    // The one-time login token in the phone page's address is a bearer secret for five minutes.
    [GeneratedRegex(@"/m/[A-Za-z0-9_.-]{20,}", RegexOptions.CultureInvariant)]
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
        output.Write(PersonalDataRedaction.RedactLog(buffer.ToString()));
    }
}
