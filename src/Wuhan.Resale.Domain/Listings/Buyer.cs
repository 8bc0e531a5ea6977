using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Domain.Listings;

/// <summary>One buyer (购房人) of a listing, as the seller entered them.</summary>
public sealed class Buyer
{
    private Buyer() { Name = IdNumber = Phone = string.Empty; }

    internal Buyer(Guid id, int order, string name, IdNumber idNumber, PhoneNumber phone)
    {
        Id = id;
        Order = order;
        Name = name;
        IdType = idNumber.Type;
        IdNumber = idNumber.Value;
        Phone = phone.Value;
    }

    public Guid Id { get; private set; }

    /// <summary>序号, from 1.</summary>
    public int Order { get; private set; }

    public string Name { get; private set; }

    public IdType IdType { get; private set; }

    public string IdNumber { get; private set; }

    public string Phone { get; private set; }
}

/// <summary>What the seller typed for a buyer, already parsed into value objects.</summary>
public sealed record BuyerDetails(string Name, IdNumber IdNumber, PhoneNumber Phone);
