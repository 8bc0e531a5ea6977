using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Domain.People;

/// <summary>
/// A citizen whose name and ID number were confirmed against the citizen registry. Sellers and
/// buyers who sign in are people; a signed-in account links to exactly one person.
/// </summary>
public sealed class Person : IAggregateRoot
{
    private Person() { Name = string.Empty; IdNumber = string.Empty; Phone = string.Empty; }

    public Person(Guid id, string name, IdNumber idNumber, PhoneNumber phone, DateTimeOffset verifiedAt)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(phone);
        Id = id;
        Name = PersonName.Normalize(name);
        IdType = idNumber.Type;
        IdNumber = idNumber.Value;
        Phone = phone.Value;
        CreatedAt = verifiedAt;
        LastVerifiedAt = verifiedAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public IdType IdType { get; private set; }

    /// <summary>Plain value in memory; encrypted at rest with a keyed hash beside it for look-ups.</summary>
    public string IdNumber { get; private set; }

    public string Phone { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastVerifiedAt { get; private set; }

    /// <summary>A fresh real-name check may bring a new phone number; the identity itself never changes.</summary>
    public void Reverify(PhoneNumber phone, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(phone);
        Phone = phone.Value;
        LastVerifiedAt = at;
    }

    public bool IsSameIdentity(IdType type, string idNumber) =>
        IdType == type && string.Equals(IdNumber, idNumber, StringComparison.Ordinal);
}
