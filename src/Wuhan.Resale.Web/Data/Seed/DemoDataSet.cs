using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Integrations.Embedded;

namespace Wuhan.Resale.Web.Data.Seed;

/// <summary>The shape of Data/Seed/demo-data.json; extend the file, not the code, to add demo cases.</summary>
public sealed class DemoDataSet
{
    public int Version { get; set; }

    public List<DemoDistrict> Districts { get; set; } = [];

    public List<DemoPolicy> RestrictionPolicies { get; set; } = [];

    public List<DemoCitizen> Citizens { get; set; } = [];

    public List<DemoProperty> Properties { get; set; } = [];

    public List<DemoStaff> Staff { get; set; } = [];

    public List<DemoPartner> Partners { get; set; } = [];
}

public sealed class DemoPartner
{
    public string Name { get; set; } = string.Empty;

    public Domain.Partners.PartnerDepartment Department { get; set; }

    /// <summary>A demo API key, published in the README; never seeded in Production.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>A bank's code as the registry names it as mortgagee; null for other departments.</summary>
    public string? InstitutionCode { get; set; }
}

public sealed class DemoDistrict
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DistrictKind Kind { get; set; }

    public DemoOffice Office { get; set; } = new();
}

public sealed class DemoOffice
{
    public string Name { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Hours { get; set; } = string.Empty;
}

public sealed class DemoPolicy
{
    public string DistrictCode { get; set; } = string.Empty;

    public DateOnly EffectiveFrom { get; set; }

    public bool Restricted { get; set; }

    public string? Note { get; set; }
}

public sealed class DemoCitizen
{
    public string Key { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public IdType IdType { get; set; }

    public string IdNumber { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string? Persona { get; set; }
}

public sealed class DemoProperty : RegisteredHome
{
    public List<DemoEncumbrance> Encumbrances { get; set; } = [];

    public List<DemoOwner> Owners { get; set; } = [];
}

public enum DemoEncumbrance
{
    Seizure,
    Mortgage,
    Objection,
    AdvanceNotice,
}

public sealed class DemoOwner
{
    public string CitizenKey { get; set; } = string.Empty;

    public string Share { get; set; } = string.Empty;
}

public sealed class DemoStaff
{
    public string UserName { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string? DistrictCode { get; set; }

    /// <summary>A published base32 TOTP key: the demo account starts with its second factor enabled on this key.</summary>
    public string? AuthenticatorKey { get; set; }
}
