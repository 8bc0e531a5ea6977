using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Wuhan.Resale.Domain.Contracts;

/// <summary>
/// 合同编号: "武房", the Asia/Shanghai year of filing and a sequence of at least six digits (武房2026000042).
/// Minted from the year's counter at filing; parsed from what a person types (spaces and full-width digits tolerated).
/// </summary>
public readonly record struct ContractNumber
{
    public const string Prefix = "武房";

    /// <summary>Longer than any number the portal mints; a longer input is not a contract number.</summary>
    public const int MaxLength = 20;

    private const int SequenceDigits = 6;

    private ContractNumber(string value, int year, long sequence)
    {
        Value = value;
        Year = year;
        Sequence = sequence;
    }

    public string Value { get; }

    public int Year { get; }

    public long Sequence { get; }

    /// <summary>The name of the counter the numbers of <paramref name="year"/> are taken from.</summary>
    public static string SequenceName(int year) => "contract-" + year.ToString(CultureInfo.InvariantCulture);

    public static ContractNumber Create(int year, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 99_999_999_999_999L);
        var value = Prefix + year.ToString(CultureInfo.InvariantCulture) + sequence.ToString("D" + SequenceDigits, CultureInfo.InvariantCulture);
        return new ContractNumber(value, year, sequence);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out ContractNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength * 2)
        {
            return false;
        }

        var value = text.Normalize(NormalizationForm.FormKC).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (!value.StartsWith(Prefix, StringComparison.Ordinal) || value.Length > MaxLength)
        {
            return false;
        }

        var digits = value.AsSpan(Prefix.Length);
        if (digits.Length < 4 + SequenceDigits || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var year = int.Parse(digits[..4], NumberStyles.None, CultureInfo.InvariantCulture);
        var sequence = long.Parse(digits[4..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 2000 || sequence < 1 || sequence > 99_999_999_999_999L)
        {
            return false;
        }

        // Rebuilt from its parts: 武房20260000042 and 武房2026000042 are the same number and must find the same contract.
        number = Create(year, sequence);
        return true;
    }

    public static ContractNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException("Not a contract number (武房 + year + sequence).");

    public override string ToString() => Value ?? string.Empty;
}
