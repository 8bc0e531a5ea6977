using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Infrastructure.Hardening;

/// <summary>
/// Operator commands run instead of the web server: <c>dotnet run --project src/Wuhan.Resale.Web -- verify-audit</c>,
/// <c>… -- backup &lt;file&gt;</c> (an online SQLite backup), <c>… -- migrate</c> (migrate and exit, for a deployment
/// whose portal login may not change the schema), <c>… -- seed-load-population &lt;journeys&gt;</c> (the load run's
/// synthetic people and homes, never in Production), <c>… -- seed-contracts &lt;count&gt;</c> (synthetic contracts for
/// volume runs, refused in Production), <c>… -- rotate-personal-data [--batch N] [--limit N]</c> (re-encrypt and re-hash
/// personal data under the current key, README 密钥轮换). They use the same configuration as the portal.
/// </summary>
public static class PortalCommands
{
    public const string VerifyAudit = "verify-audit";
    public const string Backup = "backup";
    public const string Migrate = "migrate";
    public const string SeedLoadPopulation = Data.Seed.LoadPopulationSeeder.Command;
    public const string SeedContracts = "seed-contracts";
    public const string RotatePersonalData = Data.PersonalData.PersonalDataRotation.Command;

    public static bool IsCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && args[0] is VerifyAudit or Backup or Migrate or SeedLoadPopulation or SeedContracts or RotatePersonalData;
    }

    /// <summary>The arguments for the host's configuration: a command and its operands are not settings.</summary>
    public static string[] HostArguments(string[] args) => IsCommand(args) ? [] : args;

    /// <summary>Runs the command; the result is the process exit code (0 success, 1 failure found, 2 wrong use).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        switch (args[0])
        {
            case VerifyAudit:
                return await VerifyAuditAsync(scope.ServiceProvider.GetRequiredService<AuditChain>(), output);
            case Backup when args.Length == 2:
                return await BackupAsync(scope.ServiceProvider.GetRequiredService<ResaleDbContext>(), args[1], output);
            case Backup:
                await output.WriteLineAsync("用法: backup <备份文件路径>（文件不得已存在）");
                return 2;
            case SeedLoadPopulation:
                return await ActivatorUtilities.CreateInstance<Data.Seed.LoadPopulationSeeder>(scope.ServiceProvider).RunAsync(args, output);
            case SeedContracts:
                return await Data.Seed.BulkContractCommand.RunAsync(scope.ServiceProvider, args, output);
            case RotatePersonalData:
                return await ActivatorUtilities.CreateInstance<Data.PersonalData.PersonalDataRotation>(scope.ServiceProvider).RunAsync(args, output);
            default:
                await output.WriteLineAsync("数据库已迁移到最新版本。");
                return 0;
        }
    }

    public static async Task<int> VerifyAuditAsync(AuditChain chain, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(output);
        var report = await chain.VerifyAsync();
        if (report.Intact)
        {
            await output.WriteLineAsync($"审计日志核验通过：共 {report.CheckedRows} 条，链条完整。");
            return 0;
        }

        var broken = report.FirstBreak!;
        await output.WriteLineAsync(
            $"审计日志核验未通过：第 {broken.Sequence} 条（编号 {broken.EventId}，{broken.OccurredAt:O}，{broken.Action}）起不一致：{broken.Reason}。此前 {report.CheckedRows} 条完好。");
        return 1;
    }

    /// <summary>
    /// Copies the live SQLite database page by page through SQLite's online backup, consistent even while the portal
    /// writes. SQL Server and PostgreSQL use their own tools (README, 备份与恢复).
    /// </summary>
    public static async Task<int> BackupAsync(ResaleDbContext db, string destination, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(output);
        if (!db.Database.IsSqlite())
        {
            await output.WriteLineAsync("backup 命令只用于内置 SQLite 数据库；SQL Server 请用 BACKUP DATABASE，PostgreSQL 请用 pg_dump（见 README「备份与恢复」）。");
            return 2;
        }

        var path = Path.GetFullPath(destination);
        if (File.Exists(path))
        {
            await output.WriteLineAsync($"{path} 已存在；为免覆盖旧备份，请换一个文件名。");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var source = new SqliteConnection(db.Database.GetConnectionString());
        await source.OpenAsync();
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await output.WriteLineAsync($"已备份到 {path}（{new FileInfo(path).Length} 字节）。密钥不在其中：请另行妥善保存 PersonalData 密钥和数据保护证书。");
        return 0;
    }
}
