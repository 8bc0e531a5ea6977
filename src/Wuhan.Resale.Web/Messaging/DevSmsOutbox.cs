using System.Text.RegularExpressions;

namespace Wuhan.Resale.Web.Messaging;

/// <summary>
/// The full texts of the latest messages the embedded gateway sent, in memory only and only in Development or Demo,
/// for the development inbox (/dev/sms): codes never reach the database in clear. An entry lives an hour; at most
/// <see cref="Capacity"/> are kept, and nothing survives a restart.
/// </summary>
public sealed class DevSmsOutbox(TimeProvider clock)
{
    public const int Capacity = 1000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly LinkedList<DevSmsEntry> _entries = new();

    public void Add(string phone, string text, string purpose)
    {
        lock (_gate)
        {
            _entries.AddFirst(new DevSmsEntry(phone, text, purpose, clock.GetUtcNow()));
            while (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }
        }
    }

    /// <summary>Newest first; only the given phone's when one is given.</summary>
    public IReadOnlyList<DevSmsEntry> Newest(string? phone = null, int take = int.MaxValue)
    {
        var oldest = clock.GetUtcNow() - Lifetime;
        lock (_gate)
        {
            while (_entries.Last is { } last && last.Value.SentAt < oldest)
            {
                _entries.RemoveLast();
            }

            return [.. _entries.Where(e => phone is null || e.Phone == phone).Take(take)];
        }
    }
}

public sealed record DevSmsEntry(string Phone, string Text, string Purpose, DateTimeOffset SentAt);

/// <summary>What of a message text may be stored: the verification code and the signing link's token are masked.</summary>
public static partial class SmsTextMasking
{
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = CodePattern().Replace(text, m => m.Groups[1].Value + new string('*', m.Groups[2].Value.Length));
        return SignLinkPattern().Replace(masked, "/sign/******");
    }

    // "验证码123456", "验证码：123456", "验证码 123456" — the code follows its label in every template.
    [GeneratedRegex(@"(验证码[：:\s]*)(\d{4,8})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"/sign/[A-Za-z0-9_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex SignLinkPattern();
}
