namespace Wuhan.Resale.Domain.Partners;

public enum PartnerDepartment
{
    /// <summary>不动产登记: reads contracts and records that the transfer was registered.</summary>
    Registration,

    /// <summary>税务.</summary>
    Tax,

    /// <summary>公积金.</summary>
    HousingFund,

    /// <summary>银行: supervises the price in escrow (资金监管) and answers mortgage consent for 带押过户, for its own homes only.</summary>
    Bank,
}

/// <summary>A partner department's API client. Only a keyed hash of its key is stored.</summary>
public sealed class Partner
{
    private Partner() { Name = KeyHash = string.Empty; }

    public Partner(Guid id, string name, PartnerDepartment department, string keyHash, string? institutionCode = null)
    {
        Id = id;
        Name = name;
        Department = department;
        KeyHash = keyHash;
        InstitutionCode = string.IsNullOrWhiteSpace(institutionCode) ? null : institutionCode.Trim();
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public PartnerDepartment Department { get; private set; }

    public string KeyHash { get; private set; }

    public bool Active { get; private set; } = true;

    public bool MayRecordRegistration => Department == PartnerDepartment.Registration;

    /// <summary>
    /// A bank's code as the property registry names it as mortgagee (抵押权人), e.g. in a mortgaged home's record; null for
    /// other departments. A bank answers consent only for homes whose registry record names this code.
    /// </summary>
    public string? InstitutionCode { get; private set; }

    /// <summary>Gives a bank stored before codes existed the code the registry knows it by.</summary>
    public void AssignInstitutionCode(string institutionCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(institutionCode);
        InstitutionCode = institutionCode.Trim();
    }

    /// <summary>The key is now found by another hash of the same secret (the secret itself does not change).</summary>
    public void ReplaceKeyHash(string keyHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyHash);
        KeyHash = keyHash;
    }
}
