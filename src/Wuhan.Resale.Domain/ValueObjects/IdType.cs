namespace Wuhan.Resale.Domain.ValueObjects;

/// <summary>The kinds of identity document a party to a contract may present.</summary>
public enum IdType
{
    ResidentIdCard,
    Passport,
    HongKongMacaoPermit,
    TaiwanPermit,
    ForeignPermanentResidentCard,
    MilitaryOfficerCard,
    PoliceOfficerCard,
}

public static class IdTypeExtensions
{
    /// <summary>Every identity document type, in the order it is offered to the user.</summary>
    public static IReadOnlyList<IdType> All { get; } =
    [
        IdType.ResidentIdCard,
        IdType.Passport,
        IdType.HongKongMacaoPermit,
        IdType.TaiwanPermit,
        IdType.ForeignPermanentResidentCard,
        IdType.MilitaryOfficerCard,
        IdType.PoliceOfficerCard,
    ];

    /// <summary>The official Chinese name of the document type.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="IdType"/>.</exception>
    public static string DisplayName(this IdType type) => type switch
    {
        IdType.ResidentIdCard => "居民身份证",
        IdType.Passport => "护照",
        IdType.HongKongMacaoPermit => "港澳居民来往内地通行证",
        IdType.TaiwanPermit => "台湾居民来往大陆通行证",
        IdType.ForeignPermanentResidentCard => "外国人永久居留身份证",
        IdType.MilitaryOfficerCard => "军官证",
        IdType.PoliceOfficerCard => "警官证",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown identity document type."),
    };
}
