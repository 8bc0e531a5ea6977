using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Wuhan.Resale.Domain.Common;

namespace Wuhan.Resale.Domain.Listings;

/// <summary>
/// 房源编码: "FY", the Asia/Shanghai date of verification and six random digits (FY20261202048213). Random rather than
/// sequential so that a code does not tell how many homes were verified; the unique index settles the rare collision.
/// </summary>
public readonly record struct ListingCode
{
    public const string Prefix = "FY";

    public const int Length = 16;

    private ListingCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>A new code for a home verified at <paramref name="now"/>.</summary>
    public static ListingCode New(DateTimeOffset now) => Create(ShanghaiTime.DateOf(now), RandomNumberGenerator.GetInt32(0, 1_000_000));

    public static ListingCode Create(DateOnly verifiedOn, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999_999);
        return new ListingCode(Prefix + verifiedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + serial.ToString("D6", CultureInfo.InvariantCulture));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out ListingCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > Length * 2)
        {
            return false;
        }

        var value = text.Normalize(NormalizationForm.FormKC).Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (value.Length != Length || !value.StartsWith(Prefix, StringComparison.Ordinal)
            || value.AsSpan(Prefix.Length).ContainsAnyExceptInRange('0', '9')
            || !DateOnly.TryParseExact(value.AsSpan(Prefix.Length, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        code = new ListingCode(value);
        return true;
    }

    public static ListingCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException("Not a listing code (FY + date + six digits).");

    public override string ToString() => Value ?? string.Empty;
}
