namespace Wuhan.Resale.Web.Data.PersonalData;

/// <summary>
/// Encrypts ID and phone numbers at rest and computes the keyed hash stored beside them, so a record can be
/// found by its ID number without decrypting a table and without a plain hash that could be brute-forced.
/// </summary>
public interface IPersonalDataProtector
{
    /// <summary>Identifies the key set; part of EF's model cache key so two key sets never share converters.</summary>
    string KeyId { get; }

    /// <summary>The id of the key pair new values are written with.</summary>
    string CurrentKeyId { get; }

    /// <summary>How every value encrypted with the current key pair starts (<c>v2:{keyId}:</c>).</summary>
    string CurrentPrefix { get; }

    /// <summary>How many hash keys a look-up searches by: more than one while a rotation is under way.</summary>
    int LookupKeyCount { get; }

    string Encrypt(string plaintext);

    string Decrypt(string ciphertext);

    /// <summary>Whether a stored value is already encrypted with the current key pair.</summary>
    bool IsCurrent(string ciphertext);

    /// <summary>
    /// Deterministic keyed hash (HMAC-SHA256, hex) of a normalised value under the stable key (pair "1"), for codes,
    /// link tokens and other short-lived or high-entropy values; never rotated.
    /// </summary>
    string Hash(string plaintext);

    /// <summary>
    /// Keyed hash (HMAC-SHA256, hex) of a secret exactly as given — no trimming, no case folding — for API keys and
    /// link tokens, where another spelling is another secret. Stable key, never rotated.
    /// </summary>
    string HashExact(string secret);

    /// <summary>The keyed hash stored beside an encrypted ID or phone number: under the current key pair.</summary>
    string PersonalDataHash(string plaintext);

    /// <summary>The hashes to search stored ID or phone numbers by: one per key pair in use, the current one first.</summary>
    IReadOnlyList<string> PersonalDataHashes(string plaintext);
}
