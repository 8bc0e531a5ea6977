using System.Security.Cryptography;
using System.Text;

namespace Wuhan.Resale.Web.Data.PersonalData;

/// <summary>
/// AES-256-GCM with a random nonce per value, written as <c>v2:{keyId}:{base64}</c> so each value names the key pair it
/// was encrypted with (values from before key ids, <c>v1:{base64}</c>, are under pair "1"); HMAC-SHA256 with a separate
/// key for look-up hashes. Several pairs may be configured during a rotation: any of them reads, the current one writes.
/// </summary>
public sealed class AesGcmPersonalDataProtector : IPersonalDataProtector
{
    private const string OriginalPrefix = "v1:";
    private const string VersionedPrefix = "v2:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly PersonalDataKeys _keys;
    private readonly Dictionary<string, PersonalDataKey> _byId;

    public AesGcmPersonalDataProtector(PersonalDataKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
        _byId = keys.All.ToDictionary(k => k.Id, StringComparer.Ordinal);
        CurrentPrefix = VersionedPrefix + keys.Current.Id + ":";
        var material = keys.All.SelectMany(k => Encoding.ASCII.GetBytes(k.Id).Concat(k.EncryptionKey).Concat(k.HashKey))
            .Concat(Encoding.ASCII.GetBytes("|" + keys.Current.Id + "|" + string.Join(',', keys.Lookup.Select(k => k.Id))));
        KeyId = Convert.ToHexString(SHA256.HashData([.. material]))[..16];
    }

    public string KeyId { get; }

    public string CurrentKeyId => _keys.Current.Id;

    public string CurrentPrefix { get; }

    public int LookupKeyCount => _keys.Lookup.Count;

    public string Encrypt(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[NonceSize + plain.Length + TagSize];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys.Current.EncryptionKey, TagSize);
        aes.Encrypt(nonce, plain, buffer.AsSpan(NonceSize, plain.Length), buffer.AsSpan(NonceSize + plain.Length, TagSize));
        return CurrentPrefix + Convert.ToBase64String(buffer);
    }

    public string Decrypt(string ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        PersonalDataKey key;
        string body;
        if (ciphertext.StartsWith(OriginalPrefix, StringComparison.Ordinal))
        {
            key = _keys.Original;
            body = ciphertext[OriginalPrefix.Length..];
        }
        else if (ciphertext.StartsWith(VersionedPrefix, StringComparison.Ordinal) && ciphertext.IndexOf(':', VersionedPrefix.Length) is var end and > 0)
        {
            var id = ciphertext[VersionedPrefix.Length..end];
            key = _byId.GetValueOrDefault(id)
                ?? throw new CryptographicException($"Stored personal data is encrypted with key '{id}', which is not configured (PersonalData:Keys).");
            body = ciphertext[(end + 1)..];
        }
        else
        {
            throw new CryptographicException("Stored personal data is not in a known encrypted format.");
        }

        var buffer = Convert.FromBase64String(body);
        if (buffer.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Stored personal data is truncated.");
        }

        var length = buffer.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key.EncryptionKey, TagSize);
        aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize, length), buffer.AsSpan(NonceSize + length, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    public bool IsCurrent(string ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        return ciphertext.StartsWith(CurrentPrefix, StringComparison.Ordinal);
    }

    public string Hash(string plaintext) => HashWith(_keys.Original, plaintext);

    public string HashExact(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexString(HMACSHA256.HashData(_keys.Original.HashKey, Encoding.UTF8.GetBytes(secret)));
    }

    public string PersonalDataHash(string plaintext) => HashWith(_keys.Current, plaintext);

    public IReadOnlyList<string> PersonalDataHashes(string plaintext) => [.. _keys.Lookup.Select(k => HashWith(k, plaintext))];

    private static string HashWith(PersonalDataKey key, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var normalized = plaintext.Trim().ToUpperInvariant();
        return Convert.ToHexString(HMACSHA256.HashData(key.HashKey, Encoding.UTF8.GetBytes(normalized)));
    }
}
