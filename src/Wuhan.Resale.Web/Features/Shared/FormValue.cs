using System.Globalization;
using System.Text;

namespace Wuhan.Resale.Web.Features.Shared;

/// <summary>Reading and writing the strings of a form (the seller's contract form, the counter's terms); tolerant (unreadable → null), the validators say why.</summary>
internal static class FormValue
{
    public const decimal MaxYuan = Domain.ValueObjects.Money.MaxYuan;

    /// <summary>The rate columns hold 9 digits with 4 decimals.</summary>
    public const decimal MaxRate = 99_999.9999m;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An amount as the form shows it, with thousands separators: 1,280,000.00 (parsing accepts it back).</summary>
    public static string? Money(decimal? value) => value?.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string? Rate(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    public static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Bool(bool? value) => value switch { true => "true", false => "false", null => null };

    /// <summary>Accepts full-width digits and thousands separators, as people type them on a phone.</summary>
    public static decimal? ParseDecimal(string? value)
    {
        var text = Normalise(value);
        return text is not null && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    public static int? ParseInt(string? value)
    {
        var text = Normalise(value);
        return text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number : null;
    }

    public static DateOnly? ParseDate(string? value)
    {
        var text = Text(value)?.Normalize(NormalizationForm.FormKC);
        return text is not null && DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;
    }

    public static bool? ParseBool(string? value) => Text(value) switch { "true" => true, "false" => false, _ => null };

    /// <summary>Only the names of the values: a number or a combination of flags is not a choice on the page.</summary>
    public static TEnum? ParseEnum<TEnum>(string? value) where TEnum : struct, Enum
    {
        var text = Text(value);
        return text is not null && Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) ? Enum.Parse<TEnum>(text) : null;
    }

    public static int DecimalPlaces(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    private static string? Normalise(string? value)
    {
        var text = Text(value)?.Normalize(NormalizationForm.FormKC);
        return text?.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
    }
}
