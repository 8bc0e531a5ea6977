namespace Wuhan.Resale.Domain.Listings;

/// <summary>Verification refused a home; <see cref="Reason"/> feeds the refusal statistics.</summary>
public sealed class ListingRefusedException : DomainException
{
    public ListingRefusedException(ListingRefusal reason) : base(reason.Message()) => Reason = reason;

    public ListingRefusedException() : this(ListingRefusal.NotOwner) { }

    public ListingRefusedException(string message) : base(message) { }

    public ListingRefusedException(string message, Exception innerException) : base(message, innerException) { }

    public ListingRefusal Reason { get; }
}
