using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Time.Testing;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using static Wuhan.Resale.IntegrationTests.PartnerApi.BankApi;

namespace Wuhan.Resale.IntegrationTests.PartnerApi;

/// <summary>
/// A bank's developers generate a client from the served OpenAPI document: here NSwag's C# generator (a NuGet package)
/// writes it at test time from /openapi/v1.json, Roslyn compiles it in memory, and the test calls every bank operation
/// through it — so a document that stopped describing the API truthfully (a missing header, a wrong body) fails here.
/// Generating at test time rather than committing generated code keeps nothing to regenerate by hand.
/// </summary>
public sealed class GeneratedClientTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public GeneratedClientTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheDocument_DeclaresTheKeyScheme_TheIdempotencyHeader_AndEveryErrorAnswer()
    {
        using var http = _factory.CreateClient();
        var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        var scheme = json.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        var deposit = json.GetProperty("paths").GetProperty("/api/partner/bank/escrow/{contractNumber}/deposits").GetProperty("post");
        Assert.Contains(deposit.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("required").GetBoolean());
        Assert.Equal(["200", "400", "401", "403", "404", "409", "422", "429"], deposit.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Revoked", deposit.GetProperty("responses").GetProperty("409").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("status").GetString());
        Assert.True(deposit.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _));
        foreach (var path in json.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/partner", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(operation.Value.TryGetProperty("security", out _), $"{operation.Name} {path.Name} declares no security");
                Assert.All(new[] { "401", "403", "429" }, s => Assert.True(operation.Value.GetProperty("responses").TryGetProperty(s, out _), $"{operation.Name} {path.Name} lacks {s}"));
            }
        }
    }

    [Fact]
    public async Task AClientGeneratedFromTheServedDocument_CallsEveryBankOperation()
    {
        using var http = _factory.CreateClient();
        var client = await GeneratedClient.CreateAsync(http, _factory, ChuTianKey);

        // 带押过户: a seller ticks it on 房源核验; the bank lists the request and agrees through the generated client.
        var seller = await SellerJourney.SignInAsync(_factory, "seller-mortgaged");
        var homes = await seller.ConsentAsync(await seller.QueryHomesAsync());
        var radio = SellerJourney.RadioFor(homes, DemoData.Property("home-mortgage-agree").CertificateNumber)!;
        using (var verified = await Forms.SubmitAsync(seller.Client, homes, "form[action$='/verify']",
                   new Dictionary<string, string?> { ["recordId"] = radio.Value, ["mortgageRecordId"] = radio.Value }))
        {
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        }

        var pending = (System.Collections.IEnumerable)(await client.CallAsync("ListMortgageConsentRequestsAsync"))!;
        var request = Assert.Single(pending.Cast<object>());
        var listingCode = (string)GeneratedClient.Get(request, "ListingCode")!;
        var consent = await client.CallAsync("AnswerMortgageConsentAsync", listingCode, "consent-1",
            client.New("MortgageConsentRequest", ("Agreed", true), ("OutstandingLoan", 600_000m)));
        Assert.Equal("Agreed", GeneratedClient.Get(consent!, "Consent"));

        // 资金监管 on a filed contract: open, deposit, read, a refused release (a typed 409), then the release after 备案.
        var (_, _, _, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var opened = await client.CallAsync("OpenEscrowAccountAsync", number, "open-1", client.New("OpenEscrowRequest", ("AccountNumber", "6222020200112233")));
        await client.CallAsync("RecordEscrowDepositAsync", number, "deposit-1",
            client.New("EscrowDepositRequest", ("Amount", 250_000m), ("DepositedAt", _clock.GetUtcNow())));
        var read = await client.CallAsync("GetEscrowAccountAsync", number);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.CallAsync("ReleaseEscrowAsync", number, "release-early"));
        using (var registered = await RegisterAsync(_factory, number))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        var released = await client.CallAsync("ReleaseEscrowAsync", number, "release-1");
        var noRefund = await Assert.ThrowsAnyAsync<Exception>(() => client.CallAsync("RefundEscrowAsync", number, "refund-1"));

        Assert.Equal("Opened", GeneratedClient.Get(opened!, "Status"));
        Assert.Equal("Holding", GeneratedClient.Get(read!, "Status"));
        Assert.Equal(250_000m, Convert.ToDecimal(GeneratedClient.Get(read!, "Held"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(409, GeneratedClient.Get(refused, "StatusCode"));
        Assert.Contains("尚未备案", (string)GeneratedClient.Get(GeneratedClient.Get(refused, "Result")!, "Error")!, StringComparison.Ordinal);
        Assert.Equal("Released", GeneratedClient.Get(released!, "Status"));
        Assert.Equal(409, GeneratedClient.Get(noRefund, "StatusCode"));
        Assert.Contains("已划转给卖方", (string)GeneratedClient.Get(GeneratedClient.Get(noRefund, "Result")!, "Error")!, StringComparison.Ordinal);
    }

    /// <summary>The NSwag-generated client, compiled in memory, called by operation name.</summary>
    private sealed class GeneratedClient(object client, Assembly assembly)
    {
        private const string Namespace = "Wuhan.Resale.Generated";

        public static async Task<GeneratedClient> CreateAsync(HttpClient documentSource, PortalFactory factory, string apiKey)
        {
            var document = await OpenApiDocument.FromJsonAsync(await documentSource.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
            var settings = new CSharpClientGeneratorSettings
            {
                ClassName = "PartnerApiClient",
                OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
                UseBaseUrl = false,
                InjectHttpClient = true,
                DisposeHttpClient = false,
            };
            settings.CSharpGeneratorSettings.Namespace = Namespace;
            settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
            var code = new CSharpClientGenerator(document, settings).GenerateFile();

            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Select(path => MetadataReference.CreateFromFile(path));
            var compilation = CSharpCompilation.Create("GeneratedPartnerApiClient", [CSharpSyntaxTree.ParseText(code)], references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            image.Position = 0;
            var assembly = new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);

            var http = factory.CreateClient();
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            var type = assembly.GetType($"{Namespace}.PartnerApiClient")!;
            return new GeneratedClient(Activator.CreateInstance(type, http)!, assembly);
        }

        /// <summary>A request body of the generated type, its properties set by name.</summary>
        public object New(string typeName, params (string Name, object Value)[] values)
        {
            var type = assembly.GetType($"{Namespace}.{typeName}") ?? throw new InvalidOperationException($"The document gives no type {typeName}.");
            var instance = Activator.CreateInstance(type)!;
            foreach (var (name, value) in values)
            {
                var property = type.GetProperty(name)!;
                var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                property.SetValue(instance, target == typeof(object) || target.IsInstanceOfType(value)
                    ? value
                    : Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture));
            }

            return instance;
        }

        /// <summary>Calls the generated method with these arguments in its own parameter order (path, header, body).</summary>
        public async Task<object?> CallAsync(string method, params object[] arguments)
        {
            var candidates = client.GetType().GetMethods().Where(m => m.Name == method).ToList();
            var chosen = candidates.FirstOrDefault(m => m.GetParameters().Length == arguments.Length)
                ?? candidates.Single(m => m.GetParameters().Length == arguments.Length + 1);
            var parameters = chosen.GetParameters();
            var args = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                args[i] = i < arguments.Length ? arguments[i] : CancellationToken.None;
            }

            try
            {
                var task = (Task)chosen.Invoke(client, args)!;
                await task;
                return task.GetType().GetProperty("Result")?.GetValue(task);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        }

        public static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);
    }
}
