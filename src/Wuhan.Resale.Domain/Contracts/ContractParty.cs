using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Domain.Contracts;

public enum PartyRole
{
    /// <summary>卖方 (甲方): an owner of the home; a co-owned home has several.</summary>
    Seller,

    /// <summary>买方 (乙方).</summary>
    Buyer,
}

/// <summary>A party as the filed contract names them: a snapshot taken at filing.</summary>
public sealed class ContractParty
{
    private ContractParty() { Name = IdNumber = Phone = string.Empty; }

    internal ContractParty(Guid id, int order, ContractPartyDetails details)
    {
        Id = id;
        Order = order;
        Role = details.Role;
        Name = details.Name;
        IdType = details.IdType;
        IdNumber = details.IdNumber;
        Phone = details.Phone ?? throw new ArgumentException("A filed party needs the phone they confirmed with.", nameof(details));
        Share = details.Share;
    }

    public Guid Id { get; private set; }

    public int Order { get; private set; }

    public PartyRole Role { get; private set; }

    public string Name { get; private set; }

    public IdType IdType { get; private set; }

    public string IdNumber { get; private set; }

    /// <summary>The phone number the party confirmed the filing with; revocation codes go here.</summary>
    public string Phone { get; private set; }

    /// <summary>A seller's share of the home as registered; null for buyers.</summary>
    public string? Share { get; private set; }

    public bool Is(IdType type, string idNumber) =>
        IdType == type && string.Equals(IdNumber, idNumber, StringComparison.Ordinal);
}

/// <summary>A party as the filing page lists them; <see cref="Phone"/> is null for an owner the portal has no phone for.</summary>
public sealed record ContractPartyDetails(PartyRole Role, string Name, IdType IdType, string IdNumber, string? Phone, string? Share);
