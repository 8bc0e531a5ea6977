using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Infrastructure.Hardening;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Messaging;

namespace Wuhan.Resale.Web.Features.DevSms;

/// <summary>Configuration section "DevSmsInbox".</summary>
public sealed class DevSmsInboxOptions
{
    public const string SectionName = "DevSmsInbox";

    /// <summary>
    /// No longer needed: the inbox is on in Development and Demo and nowhere else; any other environment refuses to
    /// start when this is set (see PortalEnvironments).
    /// </summary>
    public bool Enabled { get; set; }
}

/// <summary>
/// The embedded SMS gateway's inbox, like a mail catcher: lets a developer or a demo read the codes that would
/// have gone to phones. Exists only in Development or Demo with the embedded gateway; anywhere else it is a 404.
/// The texts come from the in-memory <see cref="DevSmsOutbox"/> (the database keeps them with the codes masked).
/// </summary>
public sealed class DevSmsController(IWebHostEnvironment environment, IOptions<IntegrationOptions> options, DevSmsOutbox outbox)
    : Controller
{
    public const int PageSize = 50;

    [HttpGet("/dev/sms")]
    public IActionResult Index(string? phone, string? format)
    {
        if (!environment.AllowsDemoFeatures() || options.Value.Sms.Mode != AdapterMode.Embedded)
        {
            return NotFound();
        }

        var wanted = PhoneNumber.TryParse(phone, out var parsed, out _) ? parsed.Value : null;
        var rows = outbox.Newest(wanted, PageSize).Select(m => new DevSmsRow(
            Masking.MaskPhone(m.Phone), m.Text, m.Purpose, m.SentAt.ToOffset(Domain.Common.ShanghaiTime.Offset))).ToList();
        var wantsJson = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            || Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        return wantsJson ? Json(rows) : View(new DevSmsViewModel(phone, rows));
    }
}

public sealed record DevSmsViewModel(string? Phone, IReadOnlyList<DevSmsRow> Messages);

public sealed record DevSmsRow(string MaskedPhone, string Text, string Purpose, DateTimeOffset SentAt);
