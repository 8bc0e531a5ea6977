using Wuhan.Resale.Domain.Contracts;

namespace Wuhan.Resale.Web.Features.Shared;

/// <summary>Addresses printed for citizens (QR codes, the PDF): the public one, not an internal one behind a proxy.</summary>
public static class PortalAddress
{
    public const string PublicBaseUrlKey = "Portal:PublicBaseUrl";

    public static string PublicBase(HttpRequest request, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[PublicBaseUrlKey]?.TrimEnd('/') is { Length: > 0 } configured
            ? configured
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>The public 合同验真 page of a filed contract, by its unguessable token.</summary>
    public static Uri VerificationUrl(this Contract contract, HttpRequest request, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new Uri($"{PublicBase(request, configuration)}/verify/{contract.VerificationToken}");
    }
}
