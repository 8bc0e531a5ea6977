using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data.PersonalData;
using Wuhan.Resale.Web.Infrastructure.Hardening;

namespace Wuhan.Resale.IntegrationTests.Persistence;

/// <summary>
/// Rotating the personal-data keys on a portal in use: one data folder, opened first with the original (development)
/// key pair, then with a second pair made current, then with the original pair retired from look-ups. Through each
/// stage a citizen signs in by ID number, owners find their homes and contracts, and staff find a contract by ID number.
/// </summary>
public sealed class PersonalDataKeyRotationTests : IDisposable
{
    internal const string NewKeyId = "k2";
    internal static readonly string NewEncryptionKey = Convert.ToBase64String([.. Enumerable.Range(51, 32).Select(i => (byte)i)]);
    internal static readonly string NewHashKey = Convert.ToBase64String([.. Enumerable.Range(151, 32).Select(i => (byte)i)]);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly string _directory = PortalFactory.NewDataDirectory();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task LookUps_WorkBefore_During_AndAfterARotation_AndTheCommandResumesAndRepeatsHarmlessly()
    {
        string number;
        using (var before = Portal())
        {
            (_, _, _, number) = await FilingJourney.FiledAsync(before, "seller-clean", "home-clean", "buyer-1");
            await AssertLookUpsWorkAsync(before, number);
        }

        using (var during = Portal(rotating: true))
        {
            // Nothing rotated yet: every stored value is under the original pair, new ones are written under the new one.
            await AssertLookUpsWorkAsync(during, number);
            var partly = await RunAsync(during, "--batch", "4", "--limit", "10");
            var pendingMidway = await PendingAsync(during);
            await AssertLookUpsWorkAsync(during, number);
            var rest = await RunAsync(during, "--batch", "7");
            var rawAfterRest = await RawPeopleAsync();
            var again = await RunAsync(during);

            Assert.Equal(0, partly.ExitCode);
            Assert.Contains("重新加密并重算查询哈希 10 行", partly.Output, StringComparison.Ordinal);
            Assert.True(pendingMidway > 0, "a run stopped by --limit leaves rows for the next run");
            Assert.Equal(0, rest.ExitCode);
            Assert.Contains($"尚余 0 行", rest.Output, StringComparison.Ordinal);
            Assert.Equal(0, await PendingAsync(during));
            Assert.All(rawAfterRest, row => Assert.StartsWith($"v2:{NewKeyId}:", row, StringComparison.Ordinal));
            Assert.Contains("重新加密并重算查询哈希 0 行", again.Output, StringComparison.Ordinal);
            Assert.Equal(rawAfterRest, await RawPeopleAsync());
            Assert.Single(await during.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == PersonalDataRotation.AuditAction && e.Detail!.Contains("尚余 0 行")).ToListAsync()));
        }

        // The original hash key is no longer searched by: every row must have been hashed again under the new one.
        using var after = Portal(rotating: true, retireOriginal: true);
        await AssertLookUpsWorkAsync(after, number);
    }

    [Fact]
    public async Task AValueWrittenBeforeKeyIds_IsReadWithTheOriginalKey_AndRotatedLikeAnyOther()
    {
        using (var first = Portal())
        {
            await new CitizenLogin(first).SignInAsync(DemoData.Citizen("buyer-2"));
        }

        // What the portal wrote before values carried a key id: "v1:" and AES-GCM under the original key, no id.
        var original = JsonSerializer.Deserialize<PersonalDataKeyOptions>(await File.ReadAllTextAsync(PersonalDataKeys.KeyFilePath(_directory)))!;
        await ExecuteAsync("UPDATE People SET Phone = @phone", ("@phone", OldFormat(Convert.FromBase64String(original.EncryptionKey!), DemoData.Citizen("buyer-2").Phone)));

        using var rotating = Portal(rotating: true);
        var phoneBefore = await rotating.WithDbAsync(db => db.People.Select(p => p.Phone).SingleAsync());
        var run = await RunAsync(rotating);
        var phoneAfter = await rotating.WithDbAsync(db => db.People.Select(p => p.Phone).SingleAsync());

        Assert.Equal(DemoData.Citizen("buyer-2").Phone, phoneBefore);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(DemoData.Citizen("buyer-2").Phone, phoneAfter);
        Assert.All(await RawPeopleAsync(), row => Assert.StartsWith($"v2:{NewKeyId}:", row, StringComparison.Ordinal));
    }

    [Fact]
    public void AValueUnderAKeyThatIsNotConfigured_IsRefusedWithItsKeyId()
    {
        var both = new AesGcmPersonalDataProtector(Keys(current: NewKeyId));
        var originalOnly = new AesGcmPersonalDataProtector(new PersonalDataKeys(new byte[32], new byte[32]));

        var written = both.Encrypt("13800000000");

        Assert.StartsWith("v2:k2:", written, StringComparison.Ordinal);
        var refused = Assert.Throws<CryptographicException>(() => originalOnly.Decrypt(written));
        Assert.Contains("'k2'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, both.PersonalDataHashes("42010219800101001X").Count);
        Assert.Equal(both.PersonalDataHash("42010219800101001X"), both.PersonalDataHashes("42010219800101001x")[0]);
        Assert.Equal(originalOnly.Hash("code"), both.Hash("code"));
    }

    private static PersonalDataKeys Keys(string current) => new(
        [new PersonalDataKey(PersonalDataKeys.OriginalKeyId, new byte[32], new byte[32]),
         new PersonalDataKey(NewKeyId, Convert.FromBase64String(NewEncryptionKey), Convert.FromBase64String(NewHashKey))],
        current, []);

    private PortalFactory Portal(bool rotating = false, bool retireOriginal = false)
    {
        var factory = new PortalFactory(_directory) { Clock = _clock };
        if (rotating)
        {
            factory.Settings[$"PersonalData:Keys:{NewKeyId}:EncryptionKey"] = NewEncryptionKey;
            factory.Settings[$"PersonalData:Keys:{NewKeyId}:HashKey"] = NewHashKey;
            factory.Settings["PersonalData:CurrentKey"] = NewKeyId;
        }

        if (retireOriginal)
        {
            factory.Settings["PersonalData:RetiredKeys"] = PersonalDataKeys.OriginalKeyId;
        }

        return factory;
    }

    /// <summary>Sign-in by ID number, the owner's homes and contracts, the buyer's contracts, staff search by ID number.</summary>
    internal static async Task AssertLookUpsWorkAsync(PortalFactory portal, string contractNumber)
    {
        var seller = await SellerJourney.SignInAsync(portal, "seller-clean");
        var sellerContracts = await Forms.GetDocumentAsync(seller.Client, "/contracts");
        var buyer = await new CitizenLogin(portal).SignInAsync(DemoData.Citizen("buyer-1"));
        var buyerContracts = await Forms.GetDocumentAsync(buyer, "/contracts");
        var owner = await SellerJourney.SignInAsync(portal, "seller-two-homes");
        var homes = await owner.ConsentAsync(await owner.QueryHomesAsync());
        var staff = await StaffLogin.SignInAsync(portal, "admin");
        using var searched = await Forms.SubmitAsync(staff, await Forms.GetDocumentAsync(staff, "/staff/contracts"), "form[action='/staff/contracts']",
            new Dictionary<string, string?> { ["q"] = DemoData.Citizen("buyer-1").IdNumber });
        var search = await Forms.ParseAsync(searched);

        Assert.Contains(contractNumber, sellerContracts.QuerySelector("#contracts")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(contractNumber, buyerContracts.QuerySelector("#contracts")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(SellerJourney.RadioFor(homes, DemoData.Property("home-dxh-clean").CertificateNumber));
        Assert.Contains(contractNumber, search.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
    }

    internal static async Task<(int ExitCode, string Output)> RunAsync(PortalFactory portal, params string[] options)
    {
        using var output = new StringWriter();
        var code = await PortalCommands.RunAsync(portal.Services, [PersonalDataRotation.Command, .. options], output);
        return (code, output.ToString());
    }

    internal static async Task<long> PendingAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<PersonalDataRotation>(scope.ServiceProvider).CountPendingAsync();
    }

    /// <summary>The People table's encrypted columns as stored.</summary>
    private async Task<List<string>> RawPeopleAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "resale.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT IdNumber, Phone FROM People ORDER BY Id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
            rows.Add(reader.GetString(1));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "resale.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static string OldFormat(byte[] key, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(buffer.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(buffer.AsSpan(0, 12), plain, buffer.AsSpan(12, plain.Length), buffer.AsSpan(12 + plain.Length, 16));
        return "v1:" + Convert.ToBase64String(buffer);
    }
}
