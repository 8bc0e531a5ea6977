using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Wuhan.Resale.Domain.ValueObjects;

/// <summary>
/// A mainland China mobile number (11 digits, starting 13–19).
/// <see cref="ToString"/> returns the masked form so that the full number never reaches a log by accident.
/// </summary>
public sealed record PhoneNumber
{
    private const string EmptyMessage = "手机号码不能为空。";
    private const string InvalidMessage = "请输入11位中国大陆手机号码。";
    private const int MobileLength = 11;

    private PhoneNumber(string value) => Value = value;

    /// <summary>The 11 digits, without spaces, hyphens or country code.</summary>
    public string Value { get; }

    /// <summary>The number with its middle hidden (138****5678), safe to display or log.</summary>
    public string Masked => Masking.MaskPhone(Value);

    /// <summary>
    /// Validates <paramref name="input"/>. Spaces and hyphens are removed, full-width digits are converted,
    /// and a leading +86 or 86 country code is dropped when 11 digits remain.
    /// </summary>
    /// <param name="input">What the person typed.</param>
    /// <param name="phone">The parsed number, or <c>null</c> when refused.</param>
    /// <param name="error">A Simplified Chinese message for the person, or an empty string on success.</param>
    /// <returns><c>true</c> when the number is a valid mainland mobile number.</returns>
    public static bool TryParse(string? input, [NotNullWhen(true)] out PhoneNumber? phone, out string error)
    {
        phone = null;

        if (string.IsNullOrWhiteSpace(input))
        {
            error = EmptyMessage;
            return false;
        }

        if (input.Length > TextNormalizer.MaxInputLength)
        {
            error = InvalidMessage;
            return false;
        }

        var builder = new StringBuilder(input.Length);
        foreach (var raw in input)
        {
            var c = TextNormalizer.ToHalfWidth(raw);
            if (c != '-' && !char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        var value = builder.ToString();
        if (value.StartsWith("+86", StringComparison.Ordinal) && value.Length == 3 + MobileLength)
        {
            value = value[3..];
        }
        else if (value.StartsWith("86", StringComparison.Ordinal) && value.Length == 2 + MobileLength)
        {
            value = value[2..];
        }

        if (value.Length != MobileLength
            || value[0] != '1'
            || value[1] is < '3' or > '9'
            || !TextNormalizer.AllAsciiDigits(value))
        {
            error = InvalidMessage;
            return false;
        }

        error = string.Empty;
        phone = new PhoneNumber(value);
        return true;
    }

    /// <summary>Validates <paramref name="input"/>, throwing when it is refused.</summary>
    /// <exception cref="DomainException">The number is not valid; the message explains why in Chinese.</exception>
    public static PhoneNumber Parse(string? input) =>
        TryParse(input, out var phone, out var error) ? phone : throw new DomainException(error);

    /// <summary>Returns <see cref="Masked"/>, never the full number.</summary>
    public override string ToString() => Masked;
}
