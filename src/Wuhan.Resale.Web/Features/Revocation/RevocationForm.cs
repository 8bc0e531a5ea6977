namespace Wuhan.Resale.Web.Features.Revocation;

/// <summary>The anonymous revocation page; everything typed is kept when a step is refused.</summary>
public sealed class RevocationForm
{
    public string? ContractNumber { get; set; }

    public string? IdNumber { get; set; }

    public string? CaptchaId { get; set; }

    public string? CaptchaAnswer { get; set; }

    /// <summary>Protected state after a successful look-up: which contract and party, when the last code was sent.</summary>
    public string? Ticket { get; set; }

    public string? Code { get; set; }

    /// <summary>lookup | send | revoke | refresh-captcha.</summary>
    public string? Intent { get; set; }
}

public sealed record RevocationViewModel(RevocationForm Form, string? MaskedPhone, int ResendWaitSeconds, string? Notice, string? Error);
