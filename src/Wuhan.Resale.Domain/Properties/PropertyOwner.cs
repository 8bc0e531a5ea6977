using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Domain.Properties;

/// <summary>An owner of a home as the property registry records them.</summary>
public sealed class PropertyOwner
{
    private PropertyOwner() { Name = string.Empty; IdNumber = string.Empty; Share = string.Empty; }

    public PropertyOwner(string name, IdType idType, string idNumber, string share)
    {
        Name = name;
        IdType = idType;
        IdNumber = idNumber;
        Share = share;
    }

    public string Name { get; private set; }

    public IdType IdType { get; private set; }

    public string IdNumber { get; private set; }

    /// <summary>As the certificate states it, e.g. "50%" or "共同共有".</summary>
    public string Share { get; private set; }

    public bool Is(IdType type, string idNumber) =>
        IdType == type && string.Equals(IdNumber, idNumber, StringComparison.Ordinal);
}
