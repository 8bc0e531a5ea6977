using System.Security.Claims;
using System.Text.Json;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.BuyerConfirmation;

/// <summary>
/// Who a buyer is, checked rather than typed: every new buyer row whose document the registry can check is put to the
/// citizen registry as name + ID number + mobile together (三要素, as at login). Without it a seller could name a real
/// person with the seller's own second phone and read that buyer's filing code. The answer never says which of the
/// three is wrong, and the checks are limited per signed-in person and Shanghai day, so the page is no registry oracle.
/// </summary>
public sealed class BuyerIdentityCheck(ResaleDbContext db, PartyIdentityCheck parties)
{
    /// <summary>The audit action of one check (shared with co-owner checks on the filing page).</summary>
    public const string AuditAction = PartyIdentityCheck.AuditAction;

    public const string MismatchMessage = PartyIdentityCheck.MismatchMessage;

    public const string MismatchSummary = "有购房人未通过实名核验，请核对标出的购房人信息。购房人信息未保存。";

    /// <summary>
    /// Checks the new, checkable rows of a form that already passed its format validation. Saved buyers (rows sent back
    /// by id only) were accepted before and are not checked again. Every answered check is audited and saved at once,
    /// so a save refused later (a duplicate, the owner as buyer, a stale page) still counts them.
    /// </summary>
    public async Task<BuyerIdentityOutcome> CheckAsync(
        ClaimsPrincipal user, Guid listingId, IReadOnlyList<BuyerRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var toCheck = Enumerable.Range(0, rows.Count)
            .Where(i => rows[i] is { ExistingId: null, IsBlank: false } row && PartyIdentityCheck.CanCheck(row.IdType))
            .ToList();
        if (toCheck.Count == 0)
        {
            return BuyerIdentityOutcome.Passed;
        }

        var actor = AuditActor.From(user);
        var left = await parties.ChecksLeftTodayAsync(actor, cancellationToken);
        if (toCheck.Count > left)
        {
            return BuyerIdentityOutcome.Refused(PartyIdentityCheck.LimitMessage(toCheck.Count, left));
        }

        var mismatched = new List<int>();
        string? refusal = null;
        try
        {
            foreach (var i in toCheck)
            {
                var row = rows[i];
                if (!await parties.MatchesAsync(actor, "Listing", listingId, $"第{i + 1}位购房人",
                        row.Name!.Trim(), IdNumber.Parse(row.IdType, row.IdNumber), PhoneNumber.Parse(row.Phone), cancellationToken))
                {
                    mismatched.Add(i);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or NotSupportedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            // The real registry is down or slow: nothing is known, so nothing is saved and the attempt is not counted.
            refusal = PartyIdentityCheck.UnavailableMessage;
        }

        // The checks already answered are counted even if the request is abandoned now.
        await db.SaveChangesAsync(CancellationToken.None);
        if (refusal is null && mismatched.Count > 0)
        {
            refusal = MismatchSummary;
        }

        return refusal is null ? BuyerIdentityOutcome.Passed : BuyerIdentityOutcome.Refused(refusal, mismatched);
    }
}

/// <summary>Whether the buyers may be saved; if not, the message for the page and the rows whose check failed.</summary>
public sealed record BuyerIdentityOutcome(string? Refusal, IReadOnlyList<int> MismatchedRows)
{
    public static readonly BuyerIdentityOutcome Passed = new(null, []);

    public static BuyerIdentityOutcome Refused(string message, IReadOnlyList<int>? rows = null) => new(message, rows ?? []);
}
