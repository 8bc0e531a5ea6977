using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Web.Integrations;

public enum CitizenCheck
{
    /// <summary>Name and ID number belong together.</summary>
    Match,

    /// <summary>The ID number exists with another name.</summary>
    NameMismatch,

    /// <summary>The registry does not know the ID number.</summary>
    NotFound,

    /// <summary>Name and ID belong together, but the mobile number is not registered to that person.</summary>
    PhoneMismatch,
}

/// <summary>
/// The citizen registry (公安人口库) with the carriers' real-name phone check (三要素核验): confirms that a name,
/// an ID number and a mobile number all belong to one person. Name and ID alone are not secret enough to
/// sign someone in: leaked pairs are common, so the phone that receives the SMS code must be theirs too.
/// </summary>
public interface ICitizenRegistry
{
    Task<CitizenCheck> CheckAsync(string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken);
}

/// <summary>The property registry (不动产登记).</summary>
public interface IPropertyRegistry
{
    /// <summary>Every home registered to the person. The real registry takes one to two minutes.</summary>
    Task<IReadOnlyList<PropertyFacts>> FindHomesOfAsync(IdNumber owner, CancellationToken cancellationToken);

    /// <summary>One home by its 不动产权证号 / 房屋所有权证号, whoever owns it; null when unknown.</summary>
    Task<PropertyFacts?> FindByCertificateAsync(string certificateNumber, CancellationToken cancellationToken);
}

/// <summary>The SMS gateway. Text never contains an ID number.</summary>
public interface ISmsGateway
{
    Task SendAsync(PhoneNumber recipient, string text, string purpose, CancellationToken cancellationToken);
}
