using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// SQLite lets one writer at a time. Without a busy timeout, a request that finds the write lock taken gets SQLITE_BUSY
/// at once and Microsoft.Data.Sqlite retries it in steps of 150 ms, so under load every waiting post loses 150 ms or
/// more. With <c>PRAGMA busy_timeout</c> SQLite itself waits, retrying after 1, 2, 5, 10 … ms, up to the same 30 s the
/// command would have waited anyway. Set on every connection the portal opens (pooled connections keep it).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 30_000;

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
