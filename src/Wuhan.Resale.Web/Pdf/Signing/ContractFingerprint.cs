using System.Security.Cryptography;
using System.Text.Json;

namespace Wuhan.Resale.Web.Pdf.Signing;

/// <summary>
/// A SHA-256 of what a contract PDF says, leaving out what may change without the contract changing (its current
/// state and the address in its QR code). Written into every signed PDF; 合同验真 compares it with the contract as
/// the database holds it now, to tell whether a genuine file still matches the filed contract.
/// </summary>
public static class ContractFingerprint
{
    public static string Of(ContractDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var content = document with { Status = string.Empty, VerificationUrl = null };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content)));
    }
}
