using System.Globalization;
using System.Text;

namespace Wuhan.Resale.Domain.ValueObjects;

/// <summary>
/// An amount of Renminbi in yuan, never negative, at most two decimal places (fen), at most 999,999,999,999.99.
/// Zero is a valid amount; rules such as "the price must be positive" belong to the contract.
/// </summary>
public readonly record struct Money
{
    /// <summary>The largest amount the portal stores (decimal(18,2) would allow more; no home costs a trillion yuan).</summary>
    public const decimal MaxYuan = 999_999_999_999.99m;

    private const string NegativeMessage = "金额不能为负数。";
    private const string TooPreciseMessage = "金额最多保留两位小数（到分）。";
    private const string TooLargeMessage = "金额超出可接受的范围。";

    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private const string DigitUnits = "仟佰拾";

    private Money(decimal yuan) => Yuan = yuan;

    public decimal Yuan { get; }

    /// <summary>Checks <paramref name="yuan"/> against the rules above.</summary>
    /// <param name="yuan">The amount in yuan.</param>
    /// <param name="money">The amount, or the default (zero) when refused.</param>
    /// <param name="error">A Simplified Chinese message for the person, or an empty string on success.</param>
    /// <returns><c>true</c> when the amount is acceptable.</returns>
    public static bool TryCreate(decimal yuan, out Money money, out string error)
    {
        money = default;

        if (yuan < 0m)
        {
            error = NegativeMessage;
            return false;
        }

        if (yuan > MaxYuan)
        {
            error = TooLargeMessage;
            return false;
        }

        var rounded = decimal.Round(yuan, 2, MidpointRounding.ToEven);
        if (rounded != yuan)
        {
            error = TooPreciseMessage;
            return false;
        }

        error = string.Empty;
        money = new Money(rounded);
        return true;
    }

    /// <summary>Creates an amount, throwing when it breaks the rules above.</summary>
    /// <exception cref="DomainException">The amount is refused; the message explains why in Chinese.</exception>
    public static Money Create(decimal yuan) =>
        TryCreate(yuan, out var money, out var error) ? money : throw new DomainException(error);

    /// <summary>The amount with thousands separators and two decimals, e.g. "1,280,000.00".</summary>
    public string ToFigures() => Yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Returns <see cref="ToFigures"/>.</summary>
    public override string ToString() => ToFigures();

    /// <summary>
    /// The amount in Chinese financial capitals (大写金额), e.g. 壹佰贰拾捌万元整, 壹佰万元零伍分, 壹元贰角.
    /// </summary>
    /// <remarks>
    /// Conventions used:
    /// <list type="bullet">
    /// <item>Every run of zeros between two written digits in the yuan part becomes a single 零
    /// (壹佰零壹元, 壹拾万零壹佰元, 壹亿零壹元); zeros at the end of the yuan part are not written.</item>
    /// <item>The tens digit is always written with its digit (壹拾元, not 拾元).</item>
    /// <item>No 零 is written between 元 and 角 (壹万零壹拾元伍角); a 零 is written before 分 when 角 is zero
    /// and something precedes it (壹元零贰分, 壹佰万元零伍分).</item>
    /// <item>整 follows 元 only when there are no 角 and no 分; it never follows 角 (壹元贰角).</item>
    /// <item>Amounts under one yuan omit 元 (伍分, 伍角, 伍角伍分); zero is 零元整.</item>
    /// </list>
    /// </remarks>
    public string ToChineseCapitals()
    {
        var yuanPart = (long)decimal.Truncate(Yuan);
        var cents = (int)((Yuan - yuanPart) * 100m);
        var jiao = cents / 10;
        var fen = cents % 10;

        if (yuanPart == 0 && cents == 0)
        {
            return "零元整";
        }

        var builder = new StringBuilder(32);
        if (yuanPart > 0)
        {
            AppendYuan(builder, yuanPart);
            builder.Append('元');
        }

        if (cents == 0)
        {
            builder.Append('整');
            return builder.ToString();
        }

        if (jiao > 0)
        {
            builder.Append(Digits[jiao]).Append('角');
        }

        if (fen > 0)
        {
            if (jiao == 0 && builder.Length > 0)
            {
                builder.Append('零');
            }

            builder.Append(Digits[fen]).Append('分');
        }

        return builder.ToString();
    }

    private static void AppendYuan(StringBuilder builder, long yuan)
    {
        // Sections of four digits, highest first: 亿, 万, and the units section. MaxYuan < 1e12, so three suffice.
        ReadOnlySpan<long> sectionValues = [yuan / 100_000_000, yuan / 10_000 % 10_000, yuan % 10_000];
        ReadOnlySpan<char> sectionNames = ['亿', '万', '\0'];

        var written = false;
        var zeroPending = false;

        for (var section = 0; section < sectionValues.Length; section++)
        {
            var sectionValue = sectionValues[section];
            if (sectionValue == 0)
            {
                zeroPending |= written;
                continue;
            }

            var divisor = 1000L;
            for (var position = 0; position < 4; position++, divisor /= 10)
            {
                var digit = (int)(sectionValue / divisor % 10);
                if (digit == 0)
                {
                    zeroPending |= written;
                    continue;
                }

                if (zeroPending)
                {
                    builder.Append('零');
                    zeroPending = false;
                }

                builder.Append(Digits[digit]);
                if (position < DigitUnits.Length)
                {
                    builder.Append(DigitUnits[position]);
                }

                written = true;
            }

            if (sectionNames[section] != '\0')
            {
                builder.Append(sectionNames[section]);
            }
        }
    }
}
