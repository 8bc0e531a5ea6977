using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Web.Integrations.Http;

/// <summary>
/// Adapters for real services. The wire format is the portal's own JSON contract (documented in the README);
/// a partner gateway translates to the bureau's systems. Each call fails loudly: callers record a failure
/// (a query goes to 失败 with a reason) rather than guessing.
/// </summary>
public sealed class HttpCitizenRegistry(HttpClient http) : ICitizenRegistry
{
    public async Task<CitizenCheck> CheckAsync(string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(phone);
        using var response = await http.PostAsJsonAsync(
            "citizens/check", new CitizenCheckRequest(name, idNumber.Type.ToString(), idNumber.Value, phone.Value), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<CitizenCheckResponse>(cancellationToken)
            ?? throw new HttpRequestException("The citizen registry returned an empty answer.");
        return Enum.TryParse<CitizenCheck>(body.Result, ignoreCase: true, out var result) && Enum.IsDefined(result)
            ? result
            : throw new HttpRequestException("The citizen registry returned an unknown result.");
    }

    private sealed record CitizenCheckRequest(string Name, string IdType, string IdNumber, string Phone);

    private sealed record CitizenCheckResponse(string Result);
}

public sealed class HttpPropertyRegistry(HttpClient http) : IPropertyRegistry
{
    public async Task<IReadOnlyList<PropertyFacts>> FindHomesOfAsync(IdNumber owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        using var response = await http.PostAsJsonAsync(
            "homes/by-owner", new OwnerRequest(owner.Type.ToString(), owner.Value), cancellationToken);
        response.EnsureSuccessStatusCode();
        var homes = await response.Content.ReadFromJsonAsync<List<PropertyFacts>>(WireFormat.Options, cancellationToken);
        return homes ?? [];
    }

    public async Task<PropertyFacts?> FindByCertificateAsync(string certificateNumber, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            "homes/by-certificate", new CertificateRequest(certificateNumber), cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PropertyFacts>(WireFormat.Options, cancellationToken);
    }

    private sealed record OwnerRequest(string IdType, string IdNumber);

    private sealed record CertificateRequest(string CertificateNumber);
}

public sealed class HttpSmsGateway(HttpClient http) : ISmsGateway
{
    public async Task SendAsync(PhoneNumber recipient, string text, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        using var response = await http.PostAsJsonAsync("messages", new SmsRequest(recipient.Value, text, purpose), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private sealed record SmsRequest(string Phone, string Text, string Purpose);
}

internal static class WireFormat
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
