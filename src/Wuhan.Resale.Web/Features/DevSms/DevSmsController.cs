using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.DevSms;

/// <summary>Configuration section "DevSmsInbox".</summary>
public sealed class DevSmsInboxOptions
{
    public const string SectionName = "DevSmsInbox";

    /// <summary>Shows the inbox outside Development too (for a demo server). Never set it in Production.</summary>
    public bool Enabled { get; set; }
}

/// <summary>
/// The embedded SMS gateway's inbox, like a mail catcher: lets a developer or a demo read the codes that would
/// have gone to phones. Exists only in Development with the embedded gateway; anywhere else it is a 404.
/// </summary>
public sealed class DevSmsController(
    ResaleDbContext db, IWebHostEnvironment environment, IOptions<IntegrationOptions> options, IOptions<DevSmsInboxOptions> inbox)
    : Controller
{
    public const int PageSize = 50;

    [HttpGet("/dev/sms")]
    public async Task<IActionResult> Index(string? phone, string? format, CancellationToken cancellationToken)
    {
        var enabled = environment.IsDevelopment() || (inbox.Value.Enabled && !environment.IsProduction());
        if (!enabled || options.Value.Sms.Mode != AdapterMode.Embedded)
        {
            return NotFound();
        }

        var query = db.SmsMessages.AsNoTracking();
        if (PhoneNumber.TryParse(phone, out var wanted, out _))
        {
            var hash = db.LookupHash(wanted.Value);
            query = query.Where(m => EF.Property<string>(m, "PhoneHash") == hash);
        }

        var messages = await query.OrderByDescending(m => m.CreatedAt).Take(PageSize).ToListAsync(cancellationToken);
        var rows = messages.Select(m => new DevSmsRow(
            Masking.MaskPhone(m.Phone), m.Text, m.Purpose, m.CreatedAt.ToOffset(Domain.Common.ShanghaiTime.Offset))).ToList();
        var wantsJson = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            || Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        return wantsJson ? Json(rows) : View(new DevSmsViewModel(phone, rows));
    }
}

public sealed record DevSmsViewModel(string? Phone, IReadOnlyList<DevSmsRow> Messages);

public sealed record DevSmsRow(string MaskedPhone, string Text, string Purpose, DateTimeOffset SentAt);
