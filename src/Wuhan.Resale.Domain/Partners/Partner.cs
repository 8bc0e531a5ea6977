namespace Wuhan.Resale.Domain.Partners;

public enum PartnerDepartment
{
    /// <summary>不动产登记: reads contracts and records that the transfer was registered.</summary>
    Registration,

    /// <summary>税务.</summary>
    Tax,

    /// <summary>公积金.</summary>
    HousingFund,
}

/// <summary>A partner department's API client. Only a keyed hash of its key is stored.</summary>
public sealed class Partner
{
    private Partner() { Name = KeyHash = string.Empty; }

    public Partner(Guid id, string name, PartnerDepartment department, string keyHash)
    {
        Id = id;
        Name = name;
        Department = department;
        KeyHash = keyHash;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public PartnerDepartment Department { get; private set; }

    public string KeyHash { get; private set; }

    public bool Active { get; private set; } = true;

    public bool MayRecordRegistration => Department == PartnerDepartment.Registration;

    /// <summary>The key is now found by another hash of the same secret (the secret itself does not change).</summary>
    public void ReplaceKeyHash(string keyHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyHash);
        KeyHash = keyHash;
    }
}
