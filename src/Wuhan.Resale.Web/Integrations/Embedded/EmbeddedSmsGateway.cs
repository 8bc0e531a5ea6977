using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Integrations.Embedded;

/// <summary>Keeps every message in the database, like a mail catcher; a development page lists them.</summary>
public sealed class EmbeddedSmsGateway(ResaleDbContext db, TimeProvider clock) : ISmsGateway
{
    public async Task SendAsync(PhoneNumber recipient, string text, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var now = clock.GetUtcNow();
        db.SmsMessages.Add(new SmsMessage(Guid.CreateVersion7(now), recipient.Value, text, purpose, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
