using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Features.PartnerApi;

/// <summary>
/// The Idempotency-Key of a bank's POST: the first successful answer is stored in the database with the change it
/// describes (one SaveChanges), so a retry with the same key and the same request gets that answer again from any
/// instance and changes nothing, and the same key with another request is refused with 422. Refusals (4xx) are not
/// stored: the bank may retry them with the same key once the cause is gone.
/// </summary>
public sealed class PartnerIdempotency(ResaleDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<JsonOptions> mvcJson)
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Set on a replayed answer, so a bank can tell a replay from a first answer.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The stored answer is written exactly as MVC writes the first one (its output formatter adds the relaxed encoder
    // when none is set), so a replay is byte for byte the same.
    private JsonSerializerOptions ResponseJson => mvcJson.Value.JsonSerializerOptions.Encoder is null
        ? new JsonSerializerOptions(mvcJson.Value.JsonSerializerOptions) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
        : mvcJson.Value.JsonSerializerOptions;

    /// <summary>
    /// Reads the key and looks it up. Returns either the answer to give at once (a replay, a key reused for another
    /// request, a missing key) or the ticket under which the operation runs.
    /// </summary>
    public async Task<IdempotencyStart> BeginAsync(ControllerBase controller, string operation, object? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var values = controller.Request.Headers[HeaderName];
        var key = values.Count == 1 ? values[0]?.Trim() : null;
        if (string.IsNullOrEmpty(key) || key.Length > IdempotencyRecord.MaxKeyLength || key.Any(c => c < '!' || c > '~'))
        {
            return new IdempotencyStart(controller.BadRequest(new PartnerError(
                $"请在请求头 {HeaderName} 中为每个业务请求提供唯一的幂等键（1至{IdempotencyRecord.MaxKeyLength}位可见 ASCII 字符，如 UUID）；重试同一请求时使用同一个键。",
                "IdempotencyKeyMissing")), null);
        }

        var partnerId = Guid.Parse(controller.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(body, Json))));
        var found = await FindAsync(partnerId, key, hash, cancellationToken);
        return found is not null ? new IdempotencyStart(found, null) : new IdempotencyStart(null, new IdempotencyTicket(partnerId, key, hash));
    }

    /// <summary>
    /// Stores the answer with the pending changes and saves both. When another instance stored the same key first, the
    /// changes are dropped and that instance's answer (or the 422 of a different request) is returned instead.
    /// </summary>
    public async Task<IActionResult> SaveAsync(IdempotencyTicket ticket, int statusCode, object response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        db.IdempotencyRecords.Add(new IdempotencyRecord(ticket.PartnerId, ticket.Key, ticket.RequestHash, statusCode,
            JsonSerializer.Serialize(response, response.GetType(), ResponseJson), clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ConflictObjectResult(new PartnerError("该记录刚刚被其他请求修改，请稍后使用同一幂等键重试。"));
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await FindAsync(ticket.PartnerId, ticket.Key, ticket.RequestHash, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }

        return new ObjectResult(response) { StatusCode = statusCode };
    }

    private async Task<IActionResult?> FindAsync(Guid partnerId, string key, string hash, CancellationToken cancellationToken)
    {
        var stored = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.PartnerId == partnerId && r.Key == key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        if (!string.Equals(stored.RequestHash, hash, StringComparison.Ordinal))
        {
            return new UnprocessableEntityObjectResult(new PartnerError(
                $"幂等键 {key} 已用于另一个不同内容的请求（{stored.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC）。重试时请求内容须与首次完全相同；新的业务请求请使用新的幂等键。",
                "IdempotencyKeyReused"));
        }

        return new ReplayedResult(stored.StatusCode, stored.ResponseJson);
    }

    /// <summary>The stored JSON, byte for byte, with its status and the replay header.</summary>
    private sealed class ReplayedResult(int statusCode, string json) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = "application/json; charset=utf-8";
            response.Headers[ReplayedHeader] = "true";
            await response.WriteAsync(json, context.HttpContext.RequestAborted);
        }
    }
}

/// <summary>Either an answer to give at once, or a ticket to run the operation under.</summary>
public sealed record IdempotencyStart(IActionResult? Answer, IdempotencyTicket? Ticket);

/// <summary>A key seen for the first time: the operation runs and its answer is stored under it.</summary>
public sealed record IdempotencyTicket(Guid PartnerId, string Key, string RequestHash);
