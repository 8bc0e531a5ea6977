namespace Wuhan.Resale.Domain.Listings;

/// <summary>The mortgagee bank's answer to a 带押过户 listing.</summary>
public enum MortgageConsentStatus
{
    /// <summary>待抵押权人同意: the bank has not answered; buyers cannot be added yet.</summary>
    Pending,

    /// <summary>抵押权人已同意: the bank agreed and gave the outstanding loan.</summary>
    Agreed,

    /// <summary>抵押权人不同意: the bank refused, with its reason; the loan must be repaid first.</summary>
    Refused,
}

public static class MortgageConsentStatusExtensions
{
    public static string DisplayName(this MortgageConsentStatus status) => status switch
    {
        MortgageConsentStatus.Pending => "待抵押权人同意",
        MortgageConsentStatus.Agreed => "抵押权人已同意",
        MortgageConsentStatus.Refused => "抵押权人不同意",
        _ => status.ToString(),
    };
}

/// <summary>The bank's answer conflicts with the listing's state (already answered otherwise, or no longer live).</summary>
public sealed class MortgageConsentConflictException : DomainException
{
    public MortgageConsentConflictException(string message) : base(message) { }

    public MortgageConsentConflictException() { }

    public MortgageConsentConflictException(string message, Exception innerException) : base(message, innerException) { }
}
