namespace Wuhan.Resale.Domain.Districts;

public enum DistrictKind
{
    /// <summary>One of Wuhan's 13 administrative districts.</summary>
    District,

    /// <summary>A functional zone such as 东湖新技术开发区, handled by its own housing office.</summary>
    FunctionalZone,
}

/// <summary>A district or functional zone of Wuhan, with the office that handles offline filings there.</summary>
public sealed class District
{
    private District() { Code = Name = string.Empty; Office = null!; }

    public District(string code, string name, DistrictKind kind, DistrictOffice office)
    {
        Code = code;
        Name = name;
        Kind = kind;
        Office = office;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public DistrictKind Kind { get; private set; }

    public DistrictOffice Office { get; private set; }

    public void Update(string name, DistrictKind kind, DistrictOffice office)
    {
        Name = name;
        Kind = kind;
        Office = office;
    }
}

/// <summary>The district housing office (房管部门) where people book an offline filing.</summary>
public sealed record DistrictOffice(string Name, string Address, string Phone, string Hours);
