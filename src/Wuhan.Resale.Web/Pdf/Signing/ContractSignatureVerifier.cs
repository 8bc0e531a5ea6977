using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using PdfSharp.Pdf.IO;

namespace Wuhan.Resale.Web.Pdf.Signing;

/// <summary>
/// Checks a PDF someone hands in: is it exactly a file the portal signed? Reads every <c>/ByteRange</c> in the raw
/// bytes (no PDF parser has to trust the file), and for each checks that the signed ranges cover the whole file except
/// the signature's own hex string, and that the CMS signature verifies with the bureau's certificate. A file that
/// passes is byte for byte what was signed, so what its document information says can be believed.
/// </summary>
public sealed class ContractSignatureVerifier(BureauCertificate certificate)
{
    /// <summary>Our files hold one signature; a file stuffed with thousands of ranges is not checked thousands of times.</summary>
    private const int MaxSignaturesChecked = 8;

    private static readonly byte[] ByteRangeKey = "/ByteRange"u8.ToArray();

    public SignatureCheck Check(ReadOnlyMemory<byte> file)
    {
        var bytes = file.Span;
        if (!LooksLikePdf(bytes))
        {
            return new SignatureCheck(SignatureVerdict.NotPdf);
        }

        var best = SignatureVerdict.NoSignature;
        SignedCms? genuine = null;
        var from = 0;
        var checkedCount = 0;
        while (from < bytes.Length && checkedCount++ < MaxSignaturesChecked)
        {
            var found = bytes[from..].IndexOf(ByteRangeKey);
            if (found < 0)
            {
                break;
            }

            var at = from + found + ByteRangeKey.Length;
            from = at;
            var (verdict, cms) = CheckOne(file, at);
            if (verdict > best)
            {
                best = verdict;
                genuine = cms;
            }
        }

        if (best != SignatureVerdict.Genuine || genuine is null)
        {
            return new SignatureCheck(best);
        }

        var (number, fingerprint) = ReadInformation(file);
        return new SignatureCheck(SignatureVerdict.Genuine, number, fingerprint, SigningTime(genuine));
    }

    private static bool LooksLikePdf(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        return head.IndexOf("%PDF-"u8) >= 0 && bytes.LastIndexOf("%%EOF"u8) >= 0;
    }

    private (SignatureVerdict Verdict, SignedCms? Cms) CheckOne(ReadOnlyMemory<byte> file, int at)
    {
        var bytes = file.Span;
        if (!TryReadRange(bytes, at, out var range))
        {
            return (SignatureVerdict.NotOurs, null);
        }

        var (start1, length1, start2, length2) = range;
        var holeEnd = start2;
        if (start1 != 0 || length1 < 2 || holeEnd <= length1 || start2 + length2 > bytes.Length || length2 < 0
            || bytes[(int)length1] != '<' || bytes[(int)holeEnd - 1] != '>')
        {
            return (SignatureVerdict.NotOurs, null);
        }

        SignedCms cms;
        try
        {
            var der = TrimDer(Convert.FromHexString(Encoding.ASCII.GetString(bytes[((int)length1 + 1)..((int)holeEnd - 1)])));
            var signed = new byte[length1 + length2];
            bytes[..(int)length1].CopyTo(signed);
            bytes.Slice((int)start2, (int)length2).CopyTo(signed.AsSpan((int)length1));
            cms = new SignedCms(new ContentInfo(signed), detached: true);
            cms.Decode(der);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return (SignatureVerdict.NotOurs, null);
        }

        if (cms.SignerInfos.Count != 1 || !certificate.IsSameAs(cms.SignerInfos[0].Certificate))
        {
            return (SignatureVerdict.NotOurs, null);
        }

        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException)
        {
            return (SignatureVerdict.Altered, null);
        }

        // Bytes after the signed ranges (an incremental update, say) were added after signing.
        return start2 + length2 == bytes.Length ? (SignatureVerdict.Genuine, cms) : (SignatureVerdict.Altered, null);
    }

    private static bool TryReadRange(ReadOnlySpan<byte> bytes, int at, out (long, long, long, long) range)
    {
        range = default;
        var numbers = new long[4];
        var i = SkipSpace(bytes, at);
        if (i >= bytes.Length || bytes[i] != '[')
        {
            return false;
        }

        i++;
        for (var n = 0; n < 4; n++)
        {
            i = SkipSpace(bytes, i);
            var start = i;
            long value = 0;
            while (i < bytes.Length && bytes[i] is >= (byte)'0' and <= (byte)'9' && i - start < 12)
            {
                value = (value * 10) + (bytes[i] - '0');
                i++;
            }

            if (i == start)
            {
                return false;
            }

            numbers[n] = value;
        }

        i = SkipSpace(bytes, i);
        if (i >= bytes.Length || bytes[i] != ']' || numbers.Any(v => v > int.MaxValue))
        {
            return false;
        }

        range = (numbers[0], numbers[1], numbers[2], numbers[3]);
        return true;
    }

    private static int SkipSpace(ReadOnlySpan<byte> bytes, int i)
    {
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>The signature's hex string is padded with zeros to the reserved size: keep the one DER value.</summary>
    private static byte[] TrimDer(byte[] padded)
    {
        if (padded.Length < 2 || padded[0] != 0x30)
        {
            throw new FormatException("Not a DER sequence.");
        }

        int header;
        int length;
        if (padded[1] < 0x80)
        {
            header = 2;
            length = padded[1];
        }
        else
        {
            var count = padded[1] & 0x7f;
            if (count is 0 or > 4 || padded.Length < 2 + count)
            {
                throw new FormatException("Unsupported DER length.");
            }

            header = 2 + count;
            length = 0;
            for (var k = 0; k < count; k++)
            {
                length = (length << 8) | padded[2 + k];
            }
        }

        return header + length <= padded.Length && length >= 0
            ? padded[..(header + length)]
            : throw new FormatException("Truncated DER value.");
    }

    private static DateTimeOffset? SigningTime(SignedCms cms)
    {
        foreach (var attributes in new[] { cms.SignerInfos[0].SignedAttributes, cms.SignerInfos[0].UnsignedAttributes })
        {
            foreach (var attribute in attributes)
            {
                foreach (var value in attribute.Values)
                {
                    if (value is Pkcs9SigningTime time)
                    {
                        return new DateTimeOffset(time.SigningTime.ToUniversalTime(), TimeSpan.Zero);
                    }
                }
            }
        }

        return null;
    }

    private static (string? Number, string? Fingerprint) ReadInformation(ReadOnlyMemory<byte> file)
    {
        using var stream = new MemoryStream(file.ToArray(), writable: false);
        using var pdf = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var number = pdf.Info.Elements.GetString(ContractSigner.NumberKey);
        var fingerprint = pdf.Info.Elements.GetString(ContractSigner.FingerprintKey);
        return (number.Length == 0 ? null : number, fingerprint.Length == 0 ? null : fingerprint);
    }
}
