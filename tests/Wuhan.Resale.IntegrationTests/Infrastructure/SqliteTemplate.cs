using Microsoft.Data.Sqlite;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// A migrated and seeded SQLite database, made once per test run, that each new test host starts from: copying two files
/// costs a few milliseconds where applying every migration and seeding the demo data costs a second or more per host
/// on a busy machine. The host still runs its migrations (none pending) and the idempotent seeder (nothing to add) on
/// the copy, so what it does on start-up is unchanged; only the work is already done.
/// <para>
/// The personal-data key file goes with the database (the seeded ID and phone numbers are encrypted and hashed with it),
/// so every host started from the template shares those keys. Nothing else is copied: the demo signing certificate and
/// the logs are made by each host as before. RESALE_TEST_TEMPLATE=0 turns the template off (each host migrates and seeds).
/// </para>
/// </summary>
internal static class SqliteTemplate
{
    private const string DatabaseFile = "resale.db";

    private static readonly Lazy<string> Folder = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool Enabled => System.Environment.GetEnvironmentVariable("RESALE_TEST_TEMPLATE") != "0";

    /// <summary>Copies the template into an empty data folder; false (nothing copied) when the folder already holds a database or keys.</summary>
    public static bool CopyInto(string dataDirectory)
    {
        var keyFile = PersonalDataKeys.KeyFilePath(dataDirectory);
        if (File.Exists(Path.Combine(dataDirectory, DatabaseFile)) || File.Exists(keyFile))
        {
            return false;
        }

        var template = Folder.Value;
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        CopyOnce(PersonalDataKeys.KeyFilePath(template), keyFile);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        CopyOnce(Path.Combine(template, DatabaseFile), Path.Combine(dataDirectory, DatabaseFile));
        return true;
    }

    /// <summary>Two hosts starting together on one fresh folder: the first copy wins, the other finds the same file there.</summary>
    private static void CopyOnce(string source, string target)
    {
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.Copy(source, temp);
        try
        {
            File.Move(temp, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temp);
        }
    }

    private static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wuhan-resale-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean with the rest of the temp folder.
            }
        };

        // The host the template comes from: the factory's defaults, its clock stopped long before any test's clock so
        // that nothing it might stamp on start-up (a worker's lease) is still running when a test's host reads it.
        using (var factory = new PortalFactory(folder)
        {
            Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            UseDatabaseTemplate = false,
        })
        {
            _ = factory.Services;
        }

        SqliteConnection.ClearAllPools();

        // One self-contained file: fold the write-ahead log in, and leave only what seeding wrote (each host makes its own
        // data-protection key, as before).
        var path = Path.Combine(folder, DatabaseFile);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM JobLeases; DELETE FROM DataProtectionKeys; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }

        foreach (var leftover in new[] { path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.Delete(leftover);
        }

        return folder;
    }
}
