namespace Wuhan.Resale.Domain.Listings;

/// <summary>Verification refused a home; <see cref="Reason"/> feeds the refusal statistics.</summary>
#pragma warning disable CA1032 // Only the reason constructor exists: any other would record a made-up reason.
public sealed class ListingRefusedException(ListingRefusal reason) : DomainException(reason.Message())
#pragma warning restore CA1032
{
    public ListingRefusal Reason { get; } = reason;
}
