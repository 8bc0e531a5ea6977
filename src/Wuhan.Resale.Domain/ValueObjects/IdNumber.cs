using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Wuhan.Resale.Domain.ValueObjects;

/// <summary>
/// A validated identity document number together with its document type.
/// <see cref="ToString"/> returns the masked form so that the full number never reaches a log by accident;
/// use <see cref="Value"/> explicitly where the full number is really needed.
/// </summary>
public sealed partial record IdNumber
{
    private const string EmptyMessage = "证件号码不能为空。";
    private const string TooLongMessage = "证件号码过长，请核对后重新输入。";
    private const string UnknownTypeMessage = "证件类型无效，请重新选择。";
    private const string ResidentFormatMessage = "居民身份证号码应为18位，最后一位可以是数字或X。";
    private const string ResidentCheckDigitMessage = "居民身份证号码校验位不正确，请核对后重新输入。";
    private const string ResidentBirthDateMessage = "居民身份证号码中的出生日期无效。";
    private const string ResidentRegionMessage = "居民身份证号码中的地区代码无效。";
    private const string PassportMessage = "护照号码应为5至17位字母或数字。";
    private const string HongKongMacaoMessage = "港澳居民来往内地通行证号码应为H或M开头，后接8位或10位数字。";
    private const string TaiwanMessage = "台湾居民来往大陆通行证号码应为8位或10位数字。";
    private const string ForeignFormatMessage =
        "外国人永久居留身份证号码应为以9开头的18位号码，或3个字母加12位数字的15位号码。";
    private const string ForeignCheckDigitMessage = "外国人永久居留身份证号码校验位不正确，请核对后重新输入。";
    private const string MilitaryMessage = "军官证号码格式不正确，应如“南字第12345678号”，或为6至12位数字。";
    private const string PoliceMessage = "警官证号码应为6至12位数字或大写字母，且至少包含6位数字。";

    private static readonly DateOnly _earliestBirthDate = new(1900, 1, 1);

    /// <summary>
    /// Province-level codes (first two digits) of the GB/T 2260 administrative division code,
    /// plus 71 (Taiwan), 81 (Hong Kong), 82 (Macao) and 83 (used by residence permits for Taiwan residents).
    /// </summary>
    private static readonly HashSet<string> _provinceCodes =
    [
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    ];

    private IdNumber(IdType type, string value, DateOnly? birthDate)
    {
        Type = type;
        Value = value;
        BirthDate = birthDate;
    }

    public IdType Type { get; }

    /// <summary>The normalised number: trimmed, half-width, upper-case.</summary>
    public string Value { get; }

    /// <summary>The birth date encoded in a resident identity card number; <c>null</c> for every other type.</summary>
    public DateOnly? BirthDate { get; }

    /// <summary>The number with its middle hidden, safe to display or log.</summary>
    public string Masked => Masking.MaskIdNumber(Value);

    /// <summary>Validates and normalises <paramref name="input"/> as a number of the given document type.</summary>
    /// <param name="type">The document type the number belongs to.</param>
    /// <param name="input">What the person typed.</param>
    /// <param name="idNumber">The parsed number, or <c>null</c> when refused.</param>
    /// <param name="error">A Simplified Chinese message for the person, or an empty string on success.</param>
    /// <param name="today">
    /// The current date used for the "birth date is not in the future" rule; defaults to today in China Standard Time.
    /// </param>
    /// <returns><c>true</c> when the number is valid.</returns>
    public static bool TryParse(
        IdType type,
        string? input,
        [NotNullWhen(true)] out IdNumber? idNumber,
        out string error,
        DateOnly? today = null)
    {
        idNumber = null;

        if (string.IsNullOrWhiteSpace(input))
        {
            error = EmptyMessage;
            return false;
        }

        if (input.Length > TextNormalizer.MaxInputLength)
        {
            error = TooLongMessage;
            return false;
        }

        if (!Enum.IsDefined(type))
        {
            error = UnknownTypeMessage;
            return false;
        }

        var value = TextNormalizer.ToHalfWidthUpper(input);
        if (value.Length == 0)
        {
            error = EmptyMessage;
            return false;
        }

        DateOnly? birthDate = null;
        error = type switch
        {
            IdType.ResidentIdCard => ValidateResidentId(value, today ?? ChinaToday(), out birthDate),
            IdType.Passport => PassportPattern().IsMatch(value) ? string.Empty : PassportMessage,
            IdType.HongKongMacaoPermit => HongKongMacaoPattern().IsMatch(value) ? string.Empty : HongKongMacaoMessage,
            IdType.TaiwanPermit => TaiwanPattern().IsMatch(value) ? string.Empty : TaiwanMessage,
            IdType.ForeignPermanentResidentCard => ValidateForeignPermanentResident(value),
            IdType.MilitaryOfficerCard => MilitaryPattern().IsMatch(value) ? string.Empty : MilitaryMessage,
            IdType.PoliceOfficerCard => ValidatePoliceOfficer(value),
            _ => UnknownTypeMessage,
        };

        if (error.Length > 0)
        {
            return false;
        }

        idNumber = new IdNumber(type, value, birthDate);
        return true;
    }

    /// <summary>Validates and normalises <paramref name="input"/>, throwing when it is refused.</summary>
    /// <exception cref="DomainException">The number is not valid; the message explains why in Chinese.</exception>
    public static IdNumber Parse(IdType type, string? input, DateOnly? today = null) =>
        TryParse(type, input, out var idNumber, out var error, today) ? idNumber : throw new DomainException(error);

    /// <summary>Returns <see cref="Masked"/>, never the full number.</summary>
    public override string ToString() => Masked;

    /// <summary>
    /// Computes the ISO 7064 MOD 11-2 check character (GB 11643-1999) for the first 17 digits.
    /// The caller guarantees that <paramref name="first17"/> holds 17 ASCII digits (synthetic data generators use it too).
    /// </summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const string checkCharacters = "10X98765432";

        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (first17[i] - '0') * weights[i];
        }

        return checkCharacters[sum % 11];
    }

    private static DateOnly ChinaToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string ValidateResidentId(string value, DateOnly today, out DateOnly? birthDate)
    {
        birthDate = null;

        if (!ResidentIdPattern().IsMatch(value))
        {
            return ResidentFormatMessage;
        }

        if (!_provinceCodes.Contains(value[..2]) || value.AsSpan(2, 4).SequenceEqual("0000"))
        {
            return ResidentRegionMessage;
        }

        if (!DateOnly.TryParseExact(
                value.AsSpan(6, 8),
                "yyyyMMdd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date)
            || date < _earliestBirthDate
            || date > today)
        {
            return ResidentBirthDateMessage;
        }

        if (ComputeCheckCharacter(value.AsSpan(0, 17)) != value[17])
        {
            return ResidentCheckDigitMessage;
        }

        birthDate = date;
        return string.Empty;
    }

    private static string ValidateForeignPermanentResident(string value)
    {
        if (ForeignOldPattern().IsMatch(value))
        {
            return string.Empty;
        }

        if (!ForeignNewPattern().IsMatch(value))
        {
            return ForeignFormatMessage;
        }

        return ComputeCheckCharacter(value.AsSpan(0, 17)) == value[17] ? string.Empty : ForeignCheckDigitMessage;
    }

    private static string ValidatePoliceOfficer(string value)
    {
        if (!PolicePattern().IsMatch(value))
        {
            return PoliceMessage;
        }

        var digits = 0;
        foreach (var c in value)
        {
            if (TextNormalizer.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return digits >= 6 ? string.Empty : PoliceMessage;
    }

    // 居民身份证: 17 digits followed by a digit or X.
    [GeneratedRegex("^[0-9]{17}[0-9X]$", RegexOptions.CultureInvariant)]
    private static partial Regex ResidentIdPattern();

    // 护照: Chinese ordinary passports are E/G/P/S/D + 8 digits (E12345678) or E + letter + 7 digits (EA1234567);
    // foreign passports vary by issuing country, so any 5–17 letters and digits are accepted. The Chinese formats
    // are a subset of that rule, so a single pattern covers both.
    [GeneratedRegex("^[A-Z0-9]{5,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex PassportPattern();

    // 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) + 8 digits (current cards) or + 10 digits (older cards).
    [GeneratedRegex("^[HM](?:[0-9]{8}|[0-9]{10})$", RegexOptions.CultureInvariant)]
    private static partial Regex HongKongMacaoPattern();

    // 台湾居民来往大陆通行证: 8 digits (current cards) or 10 digits (older cards).
    [GeneratedRegex("^(?:[0-9]{8}|[0-9]{10})$", RegexOptions.CultureInvariant)]
    private static partial Regex TaiwanPattern();

    // 外国人永久居留身份证 (2023 format): 18 characters starting with 9, 17 digits + digit/X, MOD 11-2 check.
    [GeneratedRegex("^9[0-9]{16}[0-9X]$", RegexOptions.CultureInvariant)]
    private static partial Regex ForeignNewPattern();

    // 外国人永久居留身份证 (2004 format): 3 letters (country code) + 12 digits.
    [GeneratedRegex("^[A-Z]{3}[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex ForeignOldPattern();

    // 军官证: optional one-character unit prefix, 字第, 6–8 digits, optional 号 (南字第12345678号);
    // or 6–12 plain digits. Both forms are at most 12 characters long.
    [GeneratedRegex("^(?:[南北东西中京沈兰济广成空海后装武政参]?字第[0-9]{6,8}号?|[0-9]{6,12})$", RegexOptions.CultureInvariant)]
    private static partial Regex MilitaryPattern();

    // 警官证: 6–12 digits or upper-case letters; at least 6 of them must be digits (checked separately).
    [GeneratedRegex("^[0-9A-Z]{6,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicePattern();
}
