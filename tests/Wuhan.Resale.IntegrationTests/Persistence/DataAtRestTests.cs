using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.Persistence;

/// <summary>What a person who copies the data folder would find: no demo ID or phone number in plain text.</summary>
public sealed class DataAtRestTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SecondStart_ReusesTheDatabase_WithoutDuplicatingDemoRows(DatabaseProvider provider)
    {
        var directory = PortalFactory.NewDataDirectory();
        var database = provider == DatabaseProvider.PostgreSql ? await PostgreSqlServer.CreateDatabaseAsync() : null;
        try
        {
            await StartTwiceAsync(directory, provider, database);
        }
        finally
        {
            if (database is not null)
            {
                await PostgreSqlServer.DropDatabaseAsync(database);
            }
        }
    }

    private static async Task StartTwiceAsync(string directory, DatabaseProvider provider, string? database)
    {
        (int Citizens, int Homes, int Owners, int Districts, int Policies, int Users) first;
        using (var factory = new PortalFactory(directory) { Provider = provider, PostgreSqlDatabase = database })
        {
            first = await CountAsync(factory);
        }

        using var restarted = new PortalFactory(directory) { Provider = provider, PostgreSqlDatabase = database };
        var second = await CountAsync(restarted);

        Assert.Equal(DemoData.Set.Citizens.Count, first.Citizens);
        Assert.Equal(DemoData.Set.Properties.Count, first.Homes);
        Assert.Equal(DemoData.Set.Properties.Sum(p => p.Owners.Count), first.Owners);
        Assert.Equal(16, first.Districts);
        Assert.Equal(DemoData.Set.RestrictionPolicies.Count, first.Policies);
        Assert.Equal(DemoData.Set.Staff.Count, first.Users);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task DatabaseAndLogFiles_NeverContainADemoIdOrPhoneNumberInPlainText()
    {
        var directory = PortalFactory.NewDataDirectory();
        using (var factory = new PortalFactory(directory))
        {
            using var client = factory.CreateClient();
            var seller = DemoData.Citizen("seller-clean");

            // Put personal numbers where a careless log line would pick them up: a path, a lookup, an SMS.
            var response = await client.GetAsync(new Uri($"/status/{seller.IdNumber}?phone={seller.Phone}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await factory.WithDbAsync(async db =>
            {
                await Scenario.SavePersonAsync(db, "seller-clean");
                return 0;
            });
            using var scope = factory.Services.CreateScope();
            var sms = scope.ServiceProvider.GetRequiredService<ISmsGateway>();
            await sms.SendAsync(PhoneNumber.Parse(seller.Phone), "您的验证码是123456，5分钟内有效。", "Test", CancellationToken.None);

            // The request line is logged as the response completes; wait until it is on disk before stopping.
            Assert.True(await WaitForLogAsync(directory, "4201**********"), "the request with an ID number in its path was not logged (masked)");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("resale.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("portal-", StringComparison.Ordinal));

        var secrets = DemoData.Set.Citizens.SelectMany(c => new[] { c.IdNumber, c.Phone }).ToList();
        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{Path.GetFileName(file)} contains a demo ID or phone number in plain text");
            }
        }
    }

    private static async Task<bool> WaitForLogAsync(string directory, string expected)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(directory, "logs")))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                if ((await reader.ReadToEndAsync()).Contains(expected, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static Task<(int, int, int, int, int, int)> CountAsync(PortalFactory factory) => factory.WithDbAsync(async db => (
        await db.EmbeddedCitizens.CountAsync(),
        await db.EmbeddedProperties.CountAsync(),
        await db.EmbeddedProperties.SelectMany(p => p.Owners).CountAsync(),
        await db.Districts.CountAsync(),
        await db.RestrictionPolicies.CountAsync(),
        await db.Users.CountAsync()));
}
