using System.Globalization;
using Wuhan.Resale.Web.Data.PersonalData;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Data.Seed;

public sealed record BulkSeedResult(int Contracts, int Drafts, int Filed, int Registered, int Revoked, TimeSpan Elapsed);

/// <summary>The <c>seed-contracts &lt;count&gt;</c> operator command (<see cref="Infrastructure.Hardening.PortalCommands"/>).</summary>
public static class BulkContractCommand
{
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

        if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || count > BulkContractSeeder.MaxCount)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"用法: seed-contracts <份数>（1 至 {BulkContractSeeder.MaxCount}）"));
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
}
