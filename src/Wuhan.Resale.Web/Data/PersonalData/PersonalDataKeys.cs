using System.Security.Cryptography;
using System.Text.Json;

namespace Wuhan.Resale.Web.Data.PersonalData;

/// <summary>Configuration section "PersonalData": base64 keys, set through the environment in production.</summary>
public sealed class PersonalDataOptions
{
    public const string SectionName = "PersonalData";

    public string? EncryptionKey { get; set; }

    public string? HashKey { get; set; }
}

public sealed class PersonalDataKeys
{
    public PersonalDataKeys(byte[] encryptionKey, byte[] hashKey)
    {
        EncryptionKey = encryptionKey;
        HashKey = hashKey;
    }

    public byte[] EncryptionKey { get; }

    public byte[] HashKey { get; }

    /// <summary>Where the generated key file of Development and tests lives (Production refuses to start while it exists).</summary>
    public static string KeyFilePath(string dataDirectory) => Path.Combine(dataDirectory, "keys", "personal-data-keys.json");

    /// <summary>
    /// Configured keys win. Without them (the embedded default on a fresh machine) a key file is created once in the
    /// data folder and reused on every start; Production refuses to start without configured keys, because a key
    /// file beside the database protects nothing if both are copied together.
    /// </summary>
    public static PersonalDataKeys Load(PersonalDataOptions options, string dataDirectory, bool isProduction)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey) && !string.IsNullOrWhiteSpace(options.HashKey))
        {
            return new PersonalDataKeys(Convert.FromBase64String(options.EncryptionKey), Convert.FromBase64String(options.HashKey));
        }

        if (isProduction)
        {
            throw new InvalidOperationException(
                "PersonalData:EncryptionKey and PersonalData:HashKey must be configured in Production " +
                "(environment variables PersonalData__EncryptionKey and PersonalData__HashKey, 32 random bytes in base64 each).");
        }

        var path = KeyFilePath(dataDirectory);
        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<PersonalDataOptions>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"The key file {path} is empty.");
            return Load(stored, dataDirectory, isProduction);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = new PersonalDataOptions
        {
            EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(created));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Two instances starting together on a fresh folder: the first rename wins and both read the winner.
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }

        return Load(options, dataDirectory, isProduction);
    }
}
