using System.Net.Http.Json;
using System.Text.Json;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.PartnerApi;

/// <summary>The demo banks' keys and a bank's calls as a partner makes them: JSON bodies, X-Api-Key, Idempotency-Key.</summary>
internal static class BankApi
{
    public const string ChuTianKey = "demo-bank-chutian-2026-key";
    public const string ChuTianName = "楚天银行（演示）";
    public const string JiangChengKey = "demo-bank-jiangcheng-2026-key";
    public const string JiangChengName = "江城银行（演示）";
    public const string RegistrationKey = "demo-registration-2026-key";
    public const string TaxKey = "demo-tax-2026-key";

    public static HttpClient Client(PortalFactory factory, string? key)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static string Escrow(string contractNumber, string what = "") =>
        $"/api/partner/bank/escrow/{Uri.EscapeDataString(contractNumber)}{(what.Length == 0 ? "" : "/" + what)}";

    public static string Consent(string listingCode) => $"/api/partner/bank/mortgage-consents/{Uri.EscapeDataString(listingCode)}";

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string Error(JsonElement body) => body.GetProperty("error").GetString()!;

    public static async Task<HttpResponseMessage> RegisterAsync(PortalFactory factory, string contractNumber)
    {
        using var registry = Client(factory, RegistrationKey);
        return await registry.PostAsync(new Uri($"/api/partner/contracts/{Uri.EscapeDataString(contractNumber)}/registration", UriKind.Relative), null);
    }
}
