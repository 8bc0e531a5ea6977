using System.Security.Cryptography;
using System.Text;

namespace Wuhan.Resale.Web.Data.PersonalData;

/// <summary>AES-256-GCM with a random nonce per value; HMAC-SHA256 with a separate key for look-up hashes.</summary>
public sealed class AesGcmPersonalDataProtector : IPersonalDataProtector
{
    private const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public AesGcmPersonalDataProtector(PersonalDataKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _encryptionKey = keys.EncryptionKey;
        _hashKey = keys.HashKey;
        if (_encryptionKey.Length != 32 || _hashKey.Length < 32)
        {
            throw new ArgumentException("Personal data keys must be 32 bytes (256 bits) each.", nameof(keys));
        }

        KeyId = Convert.ToHexString(SHA256.HashData([.. _encryptionKey, .. _hashKey]))[..16];
    }

    public string KeyId { get; }

    public string Encrypt(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[NonceSize + plain.Length + TagSize];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, buffer.AsSpan(NonceSize, plain.Length), buffer.AsSpan(NonceSize + plain.Length, TagSize));
        return Prefix + Convert.ToBase64String(buffer);
    }

    public string Decrypt(string ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        if (!ciphertext.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Stored personal data is not in a known encrypted format.");
        }

        var buffer = Convert.FromBase64String(ciphertext[Prefix.Length..]);
        if (buffer.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Stored personal data is truncated.");
        }

        var length = buffer.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize, length), buffer.AsSpan(NonceSize + length, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    public string Hash(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var normalized = plaintext.Trim().ToUpperInvariant();
        return Convert.ToHexString(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalized)));
    }

    public string HashExact(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexString(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(secret)));
    }
}
