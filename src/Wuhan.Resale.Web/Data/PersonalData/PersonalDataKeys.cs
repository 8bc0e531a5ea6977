using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wuhan.Resale.Web.Data.PersonalData;

/// <summary>
/// Configuration section "PersonalData": base64 keys, set through the environment in production. The first pair
/// (<see cref="EncryptionKey"/>, <see cref="HashKey"/>) is key "1"; later pairs are added under <see cref="Keys"/> with an
/// id of their own, and <see cref="CurrentKey"/> names the one new values are written with (README, 密钥轮换).
/// </summary>
public sealed partial class PersonalDataOptions
{
    public const string SectionName = "PersonalData";

    public string? EncryptionKey { get; set; }

    public string? HashKey { get; set; }

    /// <summary>Further key pairs by id (letters and digits, at most 16), e.g. PersonalData__Keys__2027__EncryptionKey.</summary>
    public Dictionary<string, PersonalDataKeyOptions> Keys { get; set; } = [];

    /// <summary>The id of the pair new values are encrypted and hashed with; "1" (the first pair) when not set.</summary>
    public string? CurrentKey { get; set; }

    /// <summary>
    /// Comma-separated ids whose rotation has finished: look-ups no longer search by their hash key. Their encryption key
    /// still reads a stray old value; key "1" also keeps keying codes, links and the audit chain, which are not rotated.
    /// </summary>
    public string? RetiredKeys { get; set; }

    [GeneratedRegex("^[A-Za-z0-9]{1,16}$")]
    internal static partial Regex KeyIdPattern();
}

public sealed class PersonalDataKeyOptions
{
    public string? EncryptionKey { get; set; }

    public string? HashKey { get; set; }
}

/// <summary>One key pair and the id written into every value it encrypts.</summary>
public sealed record PersonalDataKey(string Id, byte[] EncryptionKey, byte[] HashKey);

public sealed class PersonalDataKeys
{
    /// <summary>The id of the first pair: values written before key ids existed ("v1:") are under it.</summary>
    public const string OriginalKeyId = "1";

    public PersonalDataKeys(byte[] encryptionKey, byte[] hashKey)
        : this([new PersonalDataKey(OriginalKeyId, encryptionKey, hashKey)], OriginalKeyId, [])
    {
    }

    public PersonalDataKeys(IReadOnlyList<PersonalDataKey> keys, string currentKeyId, IReadOnlyCollection<string> retiredKeyIds)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(retiredKeyIds);
        foreach (var key in keys)
        {
            if (key.EncryptionKey.Length != 32 || key.HashKey.Length < 32)
            {
                throw new ArgumentException($"Personal data key pair '{key.Id}': each key must be 32 bytes (256 bits).", nameof(keys));
            }
        }

        All = keys;
        Original = keys.SingleOrDefault(k => k.Id == OriginalKeyId)
            ?? throw new ArgumentException("The first personal data key pair (id 1) is required.", nameof(keys));
        Current = keys.SingleOrDefault(k => k.Id == currentKeyId)
            ?? throw new InvalidOperationException($"PersonalData:CurrentKey '{currentKeyId}' names no configured key pair.");
        if (retiredKeyIds.Contains(Current.Id))
        {
            throw new InvalidOperationException($"PersonalData:CurrentKey '{currentKeyId}' cannot also be retired.");
        }

        Lookup = [Current, .. keys.Where(k => k != Current && !retiredKeyIds.Contains(k.Id))];
        RetiredKeyIds = retiredKeyIds;
    }

    /// <summary>Every configured pair, by which any stored value can be read.</summary>
    public IReadOnlyList<PersonalDataKey> All { get; }

    /// <summary>Key "1": besides personal data of its time, it keys codes, link tokens, API keys and the audit chain.</summary>
    public PersonalDataKey Original { get; }

    /// <summary>New values are encrypted and hashed with this pair.</summary>
    public PersonalDataKey Current { get; }

    /// <summary>The pairs whose hashes look-ups search by: the current one first, then any not yet retired.</summary>
    public IReadOnlyList<PersonalDataKey> Lookup { get; }

    public IReadOnlyCollection<string> RetiredKeyIds { get; }

    public byte[] EncryptionKey => Original.EncryptionKey;

    /// <summary>The stable hash key (of pair "1"): secrets, codes and the audit chain are keyed with it and never move.</summary>
    public byte[] HashKey => Original.HashKey;

    /// <summary>Where the generated key file of Development and tests lives (Production refuses to start while it exists).</summary>
    public static string KeyFilePath(string dataDirectory) => Path.Combine(dataDirectory, "keys", "personal-data-keys.json");

    /// <summary>
    /// Configured keys win. Without them (the embedded default on a fresh machine) a key file is created once in the
    /// data folder and reused on every start; Production refuses to start without configured keys, because a key
    /// file beside the database protects nothing if both are copied together. Further pairs come from configuration only.
    /// </summary>
    public static PersonalDataKeys Load(PersonalDataOptions options, string dataDirectory, bool isProduction)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (encryptionKey, hashKey) = LoadOriginal(options, dataDirectory, isProduction);
        var keys = new List<PersonalDataKey> { new(OriginalKeyId, encryptionKey, hashKey) };
        foreach (var (id, pair) in options.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (!PersonalDataOptions.KeyIdPattern().IsMatch(id) || id == OriginalKeyId)
            {
                throw new InvalidOperationException($"PersonalData:Keys:{id}: a key id is 1 to 16 letters or digits, and \"1\" is the first pair (PersonalData:EncryptionKey/HashKey).");
            }

            if (string.IsNullOrWhiteSpace(pair.EncryptionKey) || string.IsNullOrWhiteSpace(pair.HashKey))
            {
                throw new InvalidOperationException($"PersonalData:Keys:{id} needs both EncryptionKey and HashKey (32 random bytes in base64 each).");
            }

            keys.Add(new PersonalDataKey(id, Convert.FromBase64String(pair.EncryptionKey), Convert.FromBase64String(pair.HashKey)));
        }

        var retired = (options.RetiredKeys ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = retired.Where(id => keys.All(k => k.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"PersonalData:RetiredKeys names keys that are not configured: {string.Join(", ", unknown)}.");
        }

        return new PersonalDataKeys(keys, string.IsNullOrWhiteSpace(options.CurrentKey) ? OriginalKeyId : options.CurrentKey.Trim(), retired);
    }

    private static (byte[] EncryptionKey, byte[] HashKey) LoadOriginal(PersonalDataOptions options, string dataDirectory, bool isProduction)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey) && !string.IsNullOrWhiteSpace(options.HashKey))
        {
            return (Convert.FromBase64String(options.EncryptionKey), Convert.FromBase64String(options.HashKey));
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
            var stored = JsonSerializer.Deserialize<PersonalDataKeyOptions>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"The key file {path} is empty.");
            return LoadOriginal(new PersonalDataOptions { EncryptionKey = stored.EncryptionKey, HashKey = stored.HashKey }, dataDirectory, isProduction);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = new PersonalDataKeyOptions
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

        return LoadOriginal(options, dataDirectory, isProduction);
    }
}
