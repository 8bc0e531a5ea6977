namespace Wuhan.Resale.Domain.Messaging;

/// <summary>One text message handed to the SMS gateway. The embedded gateway keeps them as its outbox.</summary>
public sealed class SmsMessage
{
    public const int MaxTextLength = 500;

    private SmsMessage() { Phone = Text = Purpose = string.Empty; }

    public SmsMessage(Guid id, string phone, string text, string purpose, DateTimeOffset createdAt)
    {
        Id = id;
        Phone = phone;
        Text = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        Purpose = purpose;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Phone { get; private set; }

    /// <summary>Never contains an ID number; may contain a one-time code (that is its job).</summary>
    public string Text { get; private set; }

    public string Purpose { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
