using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Data.PersonalData;

/// <summary>
/// <c>rotate-personal-data</c>: rewrites every stored ID and phone number that is not yet under the current key pair —
/// encrypted again with the current key, its look-up hash made again with the current hash key — a batch per
/// transaction. Which rows remain is read from the values themselves (their <c>v2:{keyId}:</c> prefix), so the command
/// can be stopped and started again at any point, and a run with nothing left to do changes nothing. The portal keeps
/// serving meanwhile: it reads every configured key and searches by every hash key not retired.
/// </summary>
public sealed class PersonalDataRotation(ResaleDbContext db, AuditTrail audit)
{
    public const string Command = "rotate-personal-data";
    public const string AuditAction = "personal-data.rotated";

    private static readonly AuditActor Operator = new(ActorKind.System, null, "密钥轮换命令");

    /// <summary>The command line: <c>rotate-personal-data [--batch 500] [--limit N]</c> (stop after N rows, to go in stages).</summary>
    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var batch = 500;
        long? limit = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--batch" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var b) && b > 0)
            {
                batch = b;
                i++;
            }
            else if (args[i] == "--limit" && i + 1 < args.Length && long.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var l) && l > 0)
            {
                limit = l;
                i++;
            }
            else
            {
                await output.WriteLineAsync("用法: rotate-personal-data [--batch 每批行数，默认500] [--limit 本次最多处理的行数]");
                return 2;
            }
        }

        var result = await RotateAsync(batch, limit, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"已用密钥 {db.Protector.CurrentKeyId} 重新加密并重算查询哈希 {result.Rotated} 行；尚余 {result.Remaining} 行。"));
        if (result.Stuck > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"有 {result.Stuck} 行在处理时被同时改写且仍未使用当前密钥：请确认所有实例都已配置 PersonalData:CurrentKey={db.Protector.CurrentKeyId} 后再运行一次。"));
            return 1;
        }

        if (result.Remaining == 0)
        {
            await output.WriteLineAsync("全部完成。确认所有实例已使用新密钥后，可将旧密钥列入 PersonalData:RetiredKeys（见 README「密钥轮换」）。");
        }

        return 0;
    }

    /// <summary>Rotates up to <paramref name="limit"/> rows (all when null), <paramref name="batchSize"/> per transaction.</summary>
    public async Task<RotationResult> RotateAsync(int batchSize, long? limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        long rotated = 0;
        long stuck = 0;
        foreach (var table in Tables())
        {
            while (limit is null || rotated < limit)
            {
                var take = (int)Math.Min(batchSize, limit is null ? batchSize : limit.Value - rotated);
                var (read, updated) = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                    token => RotateBatchAsync(table, take, token), cancellationToken);
                rotated += updated;
                if (read == 0)
                {
                    break;
                }

                if (updated == 0)
                {
                    // Every row read was changed meanwhile and is still not current: an instance writes with an old key.
                    stuck += read;
                    break;
                }
            }
        }

        var remaining = await CountPendingAsync(cancellationToken);
        if (rotated > 0)
        {
            await audit.RecordNowAsync(AuditAction, null, null,
                string.Create(CultureInfo.InvariantCulture, $"改用密钥 {db.Protector.CurrentKeyId}：重新加密 {rotated} 行，尚余 {remaining} 行"), Operator);
        }

        return new RotationResult(rotated, remaining, stuck);
    }

    /// <summary>How many rows still hold a value that is not under the current key pair.</summary>
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        long total = 0;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var table in Tables())
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM {table.Name} WHERE {Pending(table, command)}";
                total += Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return total;
    }

    private async Task<(int Read, int Updated)> RotateBatchAsync(RotatedTable table, int take, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var rows = new List<(object[] Keys, string?[] Values)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction.GetDbTransaction();
            var columns = string.Join(", ", table.KeyColumns.Concat(table.Values.Select(v => v.Column)));
            var pending = Pending(table, select);
            select.CommandText = db.Database.IsSqlServer()
                ? $"SELECT TOP ({take}) {columns} FROM {table.Name} WHERE {pending}"
                : $"SELECT {columns} FROM {table.Name} WHERE {pending} LIMIT {take}";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var keys = Enumerable.Range(0, table.KeyColumns.Count).Select(reader.GetValue).ToArray();
                var values = Enumerable.Range(table.KeyColumns.Count, table.Values.Count)
                    .Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray();
                rows.Add((keys, values));
            }
        }

        var updated = 0;
        foreach (var (keys, values) in rows)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction.GetDbTransaction();
            var sets = new List<string>();
            var conditions = new List<string>();
            for (var k = 0; k < keys.Length; k++)
            {
                conditions.Add($"{table.KeyColumns[k]} = {Parameter(update, keys[k])}");
            }

            for (var v = 0; v < values.Length; v++)
            {
                if (values[v] is not { } stored)
                {
                    continue;
                }

                var plain = db.Protector.Decrypt(stored);
                var (column, hashColumn) = table.Values[v];
                sets.Add($"{column} = {Parameter(update, db.Protector.Encrypt(plain))}");
                if (hashColumn is not null)
                {
                    sets.Add($"{hashColumn} = {Parameter(update, db.Protector.PersonalDataHash(plain))}");
                }

                // Only if nobody rewrote the value meanwhile (a rewrite by the portal is under the current key already).
                conditions.Add($"{column} = {Parameter(update, stored)}");
            }

            update.CommandText = $"UPDATE {table.Name} SET {string.Join(", ", sets)} WHERE {string.Join(" AND ", conditions)}";
            updated += await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (rows.Count, updated);
    }

    private string Pending(RotatedTable table, DbCommand command)
    {
        var pattern = Parameter(command, db.Protector.CurrentPrefix + "%");
        return string.Join(" OR ", table.Values.Select(v => $"({v.Column} IS NOT NULL AND {v.Column} NOT LIKE {pattern})"));
    }

    private static string Parameter(DbCommand command, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }

    /// <summary>Every table with encrypted columns, from the model: its key columns, and each encrypted column with its hash column.</summary>
    private List<RotatedTable> Tables()
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = new List<RotatedTable>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } name)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var hashes = entity.LookupHashes().ToDictionary(h => h.Source, h => h.Hash.GetColumnName(store));
            var encrypted = entity.GetProperties()
                .Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
                .Where(p => p.FindAnnotation(PersonalDataModelExtensions.EncryptedAnnotation)?.Value is true)
                .Select(p => (Column: sql.DelimitIdentifier(p.GetColumnName(store)!),
                    Hash: hashes.GetValueOrDefault(p.Name) is { } hash ? sql.DelimitIdentifier(hash) : null))
                .ToList();
            if (encrypted.Count == 0)
            {
                continue;
            }

            var keys = entity.FindPrimaryKey()!.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)).ToList();
            tables.Add(new RotatedTable(sql.DelimitIdentifier(name, entity.GetSchema()), keys, encrypted));
        }

        return tables;
    }

    private sealed record RotatedTable(string Name, IReadOnlyList<string> KeyColumns, IReadOnlyList<(string Column, string? HashColumn)> Values);
}

/// <summary>What a rotation run did: rows rewritten, rows still under an older key, rows it could not rewrite.</summary>
public sealed record RotationResult(long Rotated, long Remaining, long Stuck);
