namespace Wuhan.Resale.Web.Data.PersonalData;

/// <summary>
/// Encrypts ID and phone numbers at rest and computes the keyed hash stored beside them, so a record can be
/// found by its ID number without decrypting a table and without a plain hash that could be brute-forced.
/// </summary>
public interface IPersonalDataProtector
{
    /// <summary>Identifies the key pair; part of EF's model cache key so two key sets never share converters.</summary>
    string KeyId { get; }

    string Encrypt(string plaintext);

    string Decrypt(string ciphertext);

    /// <summary>Deterministic keyed hash (HMAC-SHA256, hex) of a normalised value, for equality look-ups.</summary>
    string Hash(string plaintext);

    /// <summary>
    /// Keyed hash (HMAC-SHA256, hex) of a secret exactly as given — no trimming, no case folding — for API keys and
    /// link tokens, where another spelling is another secret.
    /// </summary>
    string HashExact(string secret);
}
