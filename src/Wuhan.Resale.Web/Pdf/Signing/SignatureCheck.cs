namespace Wuhan.Resale.Web.Pdf.Signing;

/// <summary>What 合同验真 can say about a file, from the bytes alone.</summary>
public enum SignatureVerdict
{
    /// <summary>Not a PDF at all.</summary>
    NotPdf,

    /// <summary>A PDF without any digital signature.</summary>
    NoSignature,

    /// <summary>Signed, but not with the bureau's certificate (or the signature cannot be read).</summary>
    NotOurs,

    /// <summary>Signed with the bureau's certificate, but the bytes are no longer what was signed.</summary>
    Altered,

    /// <summary>Exactly the bytes the portal signed.</summary>
    Genuine,
}

/// <param name="ContractNumber">Read back from a genuine file only.</param>
/// <param name="Fingerprint">The <see cref="ContractFingerprint"/> written when the file was signed; genuine files only.</param>
/// <param name="SignedAt">The signing time the signature itself records; genuine files only.</param>
public sealed record SignatureCheck(SignatureVerdict Verdict, string? ContractNumber = null, string? Fingerprint = null, DateTimeOffset? SignedAt = null);
