using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Hardening;
using Wuhan.Resale.Web.Messaging;

namespace Wuhan.Resale.Web.Integrations.Embedded;

/// <summary>
/// Keeps every message in the database with its code and signing link masked (limits are counted from these rows);
/// in Development and Demo the full text also goes to the in-memory <see cref="DevSmsOutbox"/> for the inbox page.
/// </summary>
public sealed class EmbeddedSmsGateway(ResaleDbContext db, TimeProvider clock, IHostEnvironment environment, DevSmsOutbox outbox) : ISmsGateway
{
    public async Task SendAsync(PhoneNumber recipient, string text, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(text);
        var now = clock.GetUtcNow();
        db.SmsMessages.Add(new SmsMessage(Guid.CreateVersion7(now), recipient.Value, SmsTextMasking.Mask(text), purpose, now));
        await db.SaveChangesAsync(cancellationToken);
        if (environment.AllowsDemoFeatures())
        {
            outbox.Add(recipient.Value, text, purpose);
        }
    }
}
