using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Hardening;

namespace Wuhan.Resale.IntegrationTests.Hardening;

/// <summary>The documented backup command copies the live database; a portal restored from it finds the data.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task AnOnlineBackup_Restores_WithTheDataAndAnIntactAuditChain()
    {
        using var live = new PortalFactory();
        var (_, _, contractId, number) = await FiledContract.CreateAsync(live, "seller-clean", "home-clean", "buyer-1");
        var backupFolder = PortalFactory.NewDataDirectory();
        var backup = Path.Combine(backupFolder, "resale-backup.db");
        using var output = new StringWriter();

        var exitCode = await PortalCommands.RunAsync(live.Services, [PortalCommands.Backup, backup], output);
        var again = await PortalCommands.RunAsync(live.Services, [PortalCommands.Backup, backup], TextWriter.Null);

        Assert.Equal(0, exitCode);
        Assert.Equal(2, again);
        var restoredFolder = PortalFactory.NewDataDirectory();
        File.Copy(backup, Path.Combine(restoredFolder, "resale.db"));
        // The keys are backed up separately (README): personal data cannot be read without them.
        CopyFolder(Path.Combine(live.DataDirectory, "keys"), Path.Combine(restoredFolder, "keys"));
        using var restored = new PortalFactory(restoredFolder);

        var found = await restored.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.ContractNumber).SingleAsync());
        var buyerName = await restored.WithDbAsync(async db => (await db.Contracts.SingleAsync(c => c.Id == contractId))
            .Parties.Select(p => p.Name).ToList());
        await using var scope = restored.Services.CreateAsyncScope();
        var chain = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();

        Assert.Equal(number, found);
        Assert.Contains(DemoData.Citizen("buyer-1").Name, buyerName);
        Assert.True(chain.Intact, chain.FirstBreak?.Reason);
        Assert.True(chain.CheckedRows > 0);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
