using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Captcha;
using Wuhan.Resale.Web.Messaging;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.Revocation;

/// <summary>
/// 合同网签撤销 without signing in: contract number + the ID number of any party + image captcha; then an SMS code to
/// the phone that party filed with. A number/ID pair that does not match gets one generic answer, whether the
/// contract exists or not, and guesses are limited per address and per contract number.
/// </summary>
[EnableRateLimiting(RateLimits.AnonymousPages)]
public sealed class RevocationController(
    ResaleDbContext db,
    CaptchaService captcha,
    VerificationCodeService codes,
    RevocationService revocation,
    RevocationThrottle throttle,
    IDataProtectionProvider protection,
    IOptions<RevocationOptions> options,
    AuditTrail audit,
    TimeProvider clock) : Controller
{
    private const string NoMatch = "合同编号与身份证号码不匹配，或该合同不存在，请核对后重新输入。";

    [HttpGet("/revocation")]
    public IActionResult Index() =>
        View(new RevocationViewModel(new RevocationForm { CaptchaId = captcha.Create() }, null, 0, null, null));

    [HttpPost("/revocation")]
    public async Task<IActionResult> Post(RevocationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        form.ContractNumber = form.ContractNumber?.Trim();
        form.IdNumber = form.IdNumber?.Trim().ToUpperInvariant();
        return form.Intent switch
        {
            "send" => await SendAsync(form, cancellationToken),
            "revoke" => await RevokeAsync(form, cancellationToken),
            "lookup" => await LookupAsync(form, cancellationToken),
            _ => await RedisplayAsync(form, null, null, null, cancellationToken),
        };
    }

    private async Task<IActionResult> LookupAsync(RevocationForm form, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(form.ContractNumber) || form.ContractNumber.Length > 40)
        {
            ModelState.AddModelError(nameof(form.ContractNumber), "请输入合同编号（以“武房”开头）。");
        }

        if (string.IsNullOrEmpty(form.IdNumber) || form.IdNumber.Length > 64)
        {
            ModelState.AddModelError(nameof(form.IdNumber), "请输入您作为合同当事人的证件号码。");
        }

        if (string.IsNullOrWhiteSpace(form.CaptchaAnswer))
        {
            ModelState.AddModelError(nameof(form.CaptchaAnswer), "请输入图片中的字符。");
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(form, null, null, null, cancellationToken);
        }

        if (!await captcha.VerifyAsync(form.CaptchaId, form.CaptchaAnswer, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.CaptchaAnswer), "图片验证码不正确或已失效，请输入新图片中的字符。");
            return await RedisplayAsync(form, null, null, null, cancellationToken);
        }

        if (!await throttle.TryAcquireAsync(HttpContext.Connection.RemoteIpAddress?.ToString(), form.ContractNumber!, cancellationToken))
        {
            return await RedisplayAsync(form, null, null, "尝试次数过多，请稍后再试。", cancellationToken);
        }

        var hash = db.LookupHash(form.IdNumber!);
        var number = ContractNumber.TryParse(form.ContractNumber, out var parsed) ? parsed.Value : null;
        var contract = number is null ? null : await db.Contracts.AsNoTracking()
            .Where(c => c.ContractNumber == number && c.Status != ContractStatus.Draft)
            .FirstOrDefaultAsync(cancellationToken);
        var party = contract?.Parties.FirstOrDefault(p => db.LookupHash(p.IdNumber) == hash);
        if (contract is null || party is null)
        {
            await audit.RecordNowAsync("revocation.lookup-failed", null, null, "合同编号与证件号码不匹配");
            return await RedisplayAsync(form, null, null, NoMatch, cancellationToken);
        }

        if (contract.RevocationRefusal is { } refusal)
        {
            return await RedisplayAsync(form, null, null, refusal, cancellationToken);
        }

        form.Ticket = Protect(new RevocationState(contract.Id, party.Id, null));
        return await RedisplayAsync(form, Masking.MaskPhone(party.Phone), null, null, cancellationToken);
    }

    private async Task<IActionResult> SendAsync(RevocationForm form, CancellationToken cancellationToken)
    {
        if (Unprotect(form.Ticket) is not { } state || await PartyAsync(state, cancellationToken) is not { } found)
        {
            return await StartOverAsync(form, cancellationToken);
        }

        if (found.Contract.RevocationRefusal is { } refusal)
        {
            // Registered, revoked, or the transfer application accepted since the lookup: no code is sent for nothing.
            form.Ticket = null;
            return await RedisplayAsync(form, null, null, refusal, cancellationToken);
        }

        var now = clock.GetUtcNow();
        if (state.LastSentAt is { } last && now - last < options.Value.ResendAfter)
        {
            var wait = (int)Math.Ceiling((options.Value.ResendAfter - (now - last)).TotalSeconds);
            ModelState.AddModelError(nameof(form.Code), $"验证码发送过于频繁，请{wait}秒后再试。");
            return await RedisplayAsync(form, Masking.MaskPhone(found.Party.Phone), null, null, cancellationToken, wait);
        }

        var result = await codes.SendAsync(CodePurpose.Revocation, Subject(state), PhoneNumber.Parse(found.Party.Phone),
            code => $"【武汉房产网签】验证码{code}，用于撤销合同编号{found.Contract.ContractNumber}的网签，5分钟内有效。如非本人操作，请忽略。",
            cancellationToken);
        if (result.Status != SendCodeStatus.Sent)
        {
            ModelState.AddModelError(nameof(form.Code), result.Message);
            return await RedisplayAsync(form, Masking.MaskPhone(found.Party.Phone), null, null, cancellationToken);
        }

        form.Ticket = Protect(state with { LastSentAt = now });
        return await RedisplayAsync(form, Masking.MaskPhone(found.Party.Phone), "验证码已发送，5分钟内有效。", null, cancellationToken,
            (int)options.Value.ResendAfter.TotalSeconds);
    }

    private async Task<IActionResult> RevokeAsync(RevocationForm form, CancellationToken cancellationToken)
    {
        if (Unprotect(form.Ticket) is not { } state || await PartyAsync(state, cancellationToken) is not { } found)
        {
            return await StartOverAsync(form, cancellationToken);
        }

        var phone = Masking.MaskPhone(found.Party.Phone);
        if (string.IsNullOrWhiteSpace(form.Code))
        {
            ModelState.AddModelError(nameof(form.Code), "请输入短信验证码。");
            return await RedisplayAsync(form, phone, null, null, cancellationToken);
        }

        var check = await codes.VerifyAsync(CodePurpose.Revocation, Subject(state), PhoneNumber.Parse(found.Party.Phone), form.Code, cancellationToken);
        if (check != VerifyCodeStatus.Accepted)
        {
            await audit.RecordNowAsync("revocation.code-refused", "Contract", state.ContractId.ToString(), check.ToString());
            ModelState.AddModelError(nameof(form.Code), VerificationCodeService.Describe(check));
            return await RedisplayAsync(form, phone, null, null, cancellationToken);
        }

        var outcome = await revocation.RevokeAsync(state.ContractId, state.PartyId,
            new AuditActor(ActorKind.Anonymous, null, Masking.MaskName(found.Party.Name) + "（未登录撤销）"), cancellationToken);
        return outcome.Revoked
            ? View("Revoked", found.Contract.ContractNumber)
            : await RedisplayAsync(form, phone, null, outcome.Error, cancellationToken);
    }

    private async Task<(Contract Contract, ContractParty Party)?> PartyAsync(RevocationState state, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == state.ContractId, cancellationToken);
        var party = contract?.Parties.FirstOrDefault(p => p.Id == state.PartyId);
        return contract is null || party is null ? null : (contract, party);
    }

    private Task<ViewResult> StartOverAsync(RevocationForm form, CancellationToken cancellationToken)
    {
        form.Ticket = null;
        return RedisplayAsync(form, null, null, "页面已过期，请重新输入合同编号、证件号码和图片验证码。", cancellationToken);
    }

    private async Task<ViewResult> RedisplayAsync(
        RevocationForm form, string? maskedPhone, string? notice, string? error, CancellationToken cancellationToken, int wait = 0)
    {
        form.CaptchaId = captcha.Create();
        form.CaptchaAnswer = null;
        return View("Index", new RevocationViewModel(form, maskedPhone, wait, notice, error));
    }

    private static string Subject(RevocationState state) => $"{state.ContractId:N}:{state.PartyId:N}";

    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(15);

    private IDataProtector Protector => protection.CreateProtector("Wuhan.Resale.Revocation.v1");

    // The issue time rides inside the protected payload and is checked against the portal's clock.
    private string Protect(RevocationState state) => Protector.Protect(
        string.Join('|', state.ContractId.ToString("N"), state.PartyId.ToString("N"),
            state.LastSentAt?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? "-",
            clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

    private RevocationState? Unprotect(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 2000)
        {
            return null;
        }

        try
        {
            var parts = Protector.Unprotect(ticket).Split('|');
            var issued = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[3], CultureInfo.InvariantCulture));
            if (clock.GetUtcNow() - issued > TicketLifetime)
            {
                return null;
            }

            return new RevocationState(
                Guid.ParseExact(parts[0], "N"),
                Guid.ParseExact(parts[1], "N"),
                parts[2] == "-" ? null : DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[2], CultureInfo.InvariantCulture)));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private sealed record RevocationState(Guid ContractId, Guid PartyId, DateTimeOffset? LastSentAt);
}
