using System.Globalization;
using Wuhan.Resale.Web.Data.PersonalData;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Data.Seed;

public sealed record BulkSeedResult(int Contracts, int Drafts, int Filed, int Registered, int Revoked, TimeSpan Elapsed);

/// <summary>The <c>seed-contracts &lt;count&gt;</c> operator command (<see cref="Infrastructure.Hardening.PortalCommands"/>).</summary>
public static class BulkContractCommand
{
    /// <summary>The flag that selects <see cref="BulkContractVolume"/> (PostgreSQL only).</summary>
    public const string ServerSide = "--server-side";

    private const string Usage = "      seed-contracts <份数> --server-side [--audit-events <条数>]（仅 PostgreSQL：在数据库内生成十年量级的合成数据）";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            await output.WriteLineAsync("seed-contracts 只用于压测和演示环境：生产环境拒绝写入合成合同。");
            return 2;
        }

        if (args.Length >= 3 && args[2] == ServerSide)
        {
            return await RunServerSideAsync(services, args, output);
        }

        if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || count > BulkContractSeeder.MaxCount)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"用法: seed-contracts <份数>（1 至 {BulkContractSeeder.MaxCount}）"));
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var db = services.GetRequiredService<ResaleDbContext>();
        var seeder = new BulkContractSeeder(db, services.GetRequiredService<IPersonalDataProtector>(),
            services.GetRequiredService<AuditChainKey>(), services.GetRequiredService<TimeProvider>());
        var result = await seeder.SeedAsync(count, output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"已写入 {result.Contracts:N0} 份合成合同（已备案 {result.Registered:N0}，已生成 {result.Filed:N0}，已撤销 {result.Revoked:N0}，待申报 {result.Drafts:N0}），用时 {result.Elapsed.TotalSeconds:F0} 秒。"));
        return 0;
    }

    private static async Task<int> RunServerSideAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        long auditEvents = 0;
        var valid = long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 50_000_000;
        if (args.Length == 5 && args[3] == "--audit-events")
        {
            valid &= long.TryParse(args[4], NumberStyles.None, CultureInfo.InvariantCulture, out auditEvents)
                && auditEvents <= count * BulkContractVolume.MaxAuditEventsPerContract;
        }
        else if (args.Length != 3)
        {
            valid = false;
        }

        var db = services.GetRequiredService<ResaleDbContext>();
        if (!valid || !db.Database.IsNpgsql())
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var volume = new BulkContractVolume(db, services.GetRequiredService<IPersonalDataProtector>(), services.GetRequiredService<TimeProvider>());
        var result = await volume.SeedAsync(count, auditEvents, output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"已在数据库内生成 {result.Contracts:N0} 份合成合同和 {result.AuditEvents:N0} 条审计记录，用时 {result.Elapsed.TotalSeconds:F0} 秒。"));
        return 0;
    }
}
