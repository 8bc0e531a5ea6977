using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.SignIn;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Captcha;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Messaging;

namespace Wuhan.Resale.Web.Features.RealNameAuth;

/// <summary>
/// 实名认证, phone side (what the original does in a WeChat mini-program): opened from the QR code, the person
/// proves who they are — name and ID checked against the citizen registry, phone proved by an SMS code — and
/// authorises the desktop to sign in.
/// </summary>
[Route("/m/{token}")]
[EnableRateLimiting(RateLimits.AnonymousPages)]
public sealed class MobileConfirmationController(
    LoginTicketService tickets,
    CaptchaService captcha,
    VerificationCodeService codes,
    LoginIdentityCheck identityCheck,
    SignInService signIn,
    IValidator<MobileConfirmationForm> validator,
    AuditTrail audit,
    ResaleDbContext db,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string token, CancellationToken cancellationToken)
    {
        var ticket = await tickets.FindByTokenAsync(token, cancellationToken);
        if (ticket is not null)
        {
            await DescribeDeviceAsync(ticket, cancellationToken);
        }

        if (ticket is null || !ticket.IsOpenForConfirmation(clock.GetUtcNow()))
        {
            return TicketClosed(ticket);
        }

        var form = new MobileConfirmationForm { CaptchaId = captcha.Create() };
        return View("Mobile", new MobileConfirmationViewModel(token, form, CodeSent: false, Notice: null, SameDevice: _sameDevice));
    }

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Post(string token, MobileConfirmationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var ticket = await tickets.FindByTokenAsync(token, cancellationToken);
        if (ticket is not null)
        {
            await DescribeDeviceAsync(ticket, cancellationToken);
        }

        if (ticket is null || !ticket.IsOpenForConfirmation(clock.GetUtcNow()))
        {
            return TicketClosed(ticket);
        }

        ModelState.Clear();
        var codeSent = form.Intent == MobileIntents.Authorise;
        if (form.Intent == MobileIntents.RefreshCaptcha)
        {
            return await RedisplayAsync(token, form, codeSent: !string.IsNullOrEmpty(form.Code), notice: null, cancellationToken);
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        if (!validation.IsValid)
        {
            return await RedisplayAsync(token, form, codeSent, notice: null, cancellationToken);
        }

        var idNumber = IdNumber.Parse(form.IdType, form.IdNumber);
        var phone = PhoneNumber.Parse(form.Phone);
        var name = form.Name!.Trim();

        return form.Intent == MobileIntents.Authorise
            ? await AuthoriseAsync(token, ticket, form, name, idNumber, phone, cancellationToken)
            : await SendCodeAsync(token, ticket, form, name, idNumber, phone, cancellationToken);
    }

    private async Task<IActionResult> SendCodeAsync(
        string token, LoginTicket ticket, MobileConfirmationForm form, string name, IdNumber idNumber, PhoneNumber phone,
        CancellationToken cancellationToken)
    {
        if (!await captcha.VerifyAsync(form.CaptchaId, form.CaptchaAnswer, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.CaptchaAnswer), "图片验证码不正确或已失效，请输入新图片中的字符。");
            return await RedisplayAsync(token, form, codeSent: false, notice: null, cancellationToken);
        }

        // In the browser that opened the login page (it holds the ticket's claim cookie) nobody else's screen is involved,
        // so there is no 配对码 to compare: a forwarded link opened elsewhere never has that cookie.
        if (!_sameDevice && form.PairingCode?.Trim() != tickets.PairingCode(ticket))
        {
            await audit.RecordNowAsync("login.pairing-failed", "LoginTicket", ticket.Id.ToString(), "配对码不一致");
            ModelState.AddModelError(nameof(form.PairingCode), PairingMismatchMessage);
            return await RedisplayAsync(token, form, codeSent: false, notice: null, cancellationToken);
        }

        if (await SendLimitAsync(ticket, cancellationToken) is { } limit)
        {
            ModelState.AddModelError(nameof(form.Code), limit);
            return await RedisplayAsync(token, form, codeSent: false, notice: null, cancellationToken);
        }

        // The registry is asked only after a solved captcha, so it cannot be used to test name/ID pairs in bulk.
        if (!await IdentityMatchesAsync(ticket, name, idNumber, phone, cancellationToken))
        {
            return await RedisplayAsync(token, form, codeSent: false, notice: null, cancellationToken);
        }

        var result = await codes.SendAsync(CodePurpose.Login, CodeSubject(ticket, idNumber), phone,
            code => _sameDevice
                ? $"【武汉房产网签】验证码{code}，用于登录存量房网签平台，5分钟内有效。请确认是您本人发起的登录，切勿告诉他人。"
                : $"【武汉房产网签】验证码{code}，用于登录存量房网签平台，5分钟内有效。请确认是您本人在电脑上发起的登录，切勿告诉他人。", cancellationToken);
        if (result.Status == SendCodeStatus.Sent)
        {
            await audit.RecordNowAsync("login.code-sent", "LoginTicket", ticket.Id.ToString(), "登录验证码已发送");
        }
        else
        {
            ModelState.AddModelError(nameof(form.Code), result.Message);
            return await RedisplayAsync(token, form, codeSent: result.Status == SendCodeStatus.TooSoon, notice: null, cancellationToken);
        }

        return await RedisplayAsync(token, form, codeSent: true, notice: $"验证码已发送至 {phone.Masked}，5分钟内有效。", cancellationToken);
    }

    private async Task<IActionResult> AuthoriseAsync(
        string token, LoginTicket ticket, MobileConfirmationForm form, string name, IdNumber idNumber, PhoneNumber phone,
        CancellationToken cancellationToken)
    {
        // The code first: it was only sent after the captcha and the registry check for exactly this ticket,
        // identity and phone, so nothing else is looked up for a post that cannot show one.
        var check = await codes.VerifyAsync(CodePurpose.Login, CodeSubject(ticket, idNumber), phone, form.Code, cancellationToken);
        if (check != VerifyCodeStatus.Accepted)
        {
            await audit.RecordNowAsync("login.failed", "LoginTicket", ticket.Id.ToString(), "短信验证码未通过：" + check);
            ModelState.AddModelError(nameof(form.Code), VerificationCodeService.Describe(check));
            return await RedisplayAsync(token, form, codeSent: check is VerifyCodeStatus.Wrong, notice: null, cancellationToken);
        }

        if (!await IdentityMatchesAsync(ticket, name, idNumber, phone, cancellationToken))
        {
            return await RedisplayAsync(token, form, codeSent: false, notice: null, cancellationToken);
        }

        var (person, account) = await signIn.EnsurePersonAndAccountAsync(name, idNumber, phone, cancellationToken);
        try
        {
            var fresh = await tickets.ForUpdateAsync(ticket, cancellationToken);
            fresh.Authorise(person.Id, clock.GetUtcNow());
            audit.Record("login.authorised", "LoginTicket", ticket.Id.ToString(), "手机端实名认证通过",
                new AuditActor(Domain.Auditing.ActorKind.Citizen, person.Id.ToString(), Masking.MaskName(person.Name)));
            if (_sameDevice)
            {
                fresh.Consume(clock.GetUtcNow());
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            return TicketClosed(ticket, _sameDevice ? null : ex.Message);
        }
        catch (DbUpdateException)
        {
            // Changed meanwhile, or (never stored before) authorised by another phone a moment ago.
            return TicketClosed(ticket, _sameDevice ? null : "该二维码已经使用过，请在电脑上刷新二维码后重新扫码。");
        }

        if (!_sameDevice)
        {
            return View("Authorised");
        }

        // Confirmed in the browser that asked: it signs in here and now, with nothing to go back to.
        await signIn.SignInCitizenAsync(account, person);
        Response.Cookies.Delete(LoginTicketService.ClaimCookie);
        audit.Record("login.succeeded", "LoginTicket", ticket.Id.ToString(), "本机登录",
            new AuditActor(Domain.Auditing.ActorKind.Citizen, account.Id, Masking.MaskName(person.Name)));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/me");
    }

    /// <summary>
    /// Name, ID number and phone must belong together in the registry. Any mismatch gets one answer that does not say
    /// which of the three is wrong, so the page cannot be used to test names, IDs or phones one at a time.
    /// </summary>
    private async Task<bool> IdentityMatchesAsync(
        LoginTicket ticket, string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken)
    {
        LoginIdentityResult result;
        try
        {
            result = await identityCheck.CheckAsync(ticket, name, idNumber, phone, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            ModelState.AddModelError(nameof(MobileConfirmationForm.IdNumber), "身份核验服务暂时不可用，请稍后再试。您填写的信息已保留。");
            return false;
        }

        if (result != LoginIdentityResult.Match)
        {
            ModelState.AddModelError(nameof(MobileConfirmationForm.IdNumber),
                result == LoginIdentityResult.Limited ? LoginIdentityCheck.LimitedMessage : LoginIdentityCheck.MismatchMessage);
        }

        return result == LoginIdentityResult.Match;
    }

    public const string PairingMismatchMessage = "配对码与电脑屏幕上显示的不一致。如果不是您本人刚刚在电脑上打开的登录页面，请不要继续。";

    private bool _sameDevice;

    /// <summary>
    /// Whether this browser is the one that opened the login page (it holds the ticket's claim cookie); if not, what the
    /// phone page shows of the computer that asked: when, which browser, from which network.
    /// </summary>
    private async Task DescribeDeviceAsync(LoginTicket ticket, CancellationToken cancellationToken)
    {
        var claimed = await tickets.FindByClaimAsync(Request.Cookies[LoginTicketService.ClaimCookie], cancellationToken);
        _sameDevice = claimed is not null && claimed.Id == ticket.Id;
        if (_sameDevice)
        {
            return;
        }

        ViewData["TicketCreatedAt"] = ticket.CreatedAt;
        ViewData["DesktopBrowser"] = ticket.DesktopBrowser ?? "未知浏览器";
        ViewData["DesktopAddress"] = ticket.DesktopAddress ?? "未知";
    }

    public const int SendsPerTicket = 3;
    public const int SendsPerAddressPerHour = 20;

    /// <summary>
    /// Anonymous login sends are limited per QR ticket (a ticket is one person's sign-in: a few tries, not a spray to
    /// many phones) and per client address per hour, counted in the database; null when a code may be sent.
    /// </summary>
    private async Task<string?> SendLimitAsync(LoginTicket ticket, CancellationToken cancellationToken)
    {
        var prefix = $"{ticket.Id:N}:";
        var forTicket = await db.VerificationCodes.AsNoTracking()
            .CountAsync(c => c.Purpose == CodePurpose.Login && c.Subject.StartsWith(prefix), cancellationToken);
        if (forTicket >= SendsPerTicket)
        {
            await audit.RecordNowAsync("login.code-limited", "LoginTicket", ticket.Id.ToString(), "同一二维码发送验证码次数已达上限");
            return _sameDevice
                ? "本次登录已发送过多次验证码，请回到登录页重新办理。"
                : "这个二维码已发送过多次验证码，请在电脑上刷新二维码后重新扫码。";
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (address is null)
        {
            return null;
        }

        var hourAgo = clock.GetUtcNow().AddHours(-1);
        var sent = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "login.code-sent" && e.IpAddress == address && e.OccurredAt >= hourAgo)
            .Select(e => e.OccurredAt)
            .ToListAsync(cancellationToken);
        if (sent.Count < SendsPerAddressPerHour)
        {
            return null;
        }

        var minutes = (int)Math.Ceiling((sent.Min() + TimeSpan.FromHours(1) - clock.GetUtcNow()).TotalMinutes);
        await audit.RecordNowAsync("login.code-limited", "LoginTicket", ticket.Id.ToString(), "同一网络地址一小时内发送验证码次数已达上限");
        return $"您所在的网络发送验证码过于频繁，请{Math.Max(minutes, 1)}分钟后再试。";
    }

    /// <summary>A login code belongs to one ticket and one identity: a code sent for one person cannot authorise another.</summary>
    private string CodeSubject(LoginTicket ticket, IdNumber idNumber) =>
        $"{ticket.Id:N}:{db.LookupHash(idNumber.Type + ":" + idNumber.Value)[..32]}";

    private async Task<IActionResult> RedisplayAsync(
        string token, MobileConfirmationForm form, bool codeSent, string? notice, CancellationToken cancellationToken)
    {
        // Every post gets a new captcha picture: the old one is used up or about to be.
        form.CaptchaId = captcha.Create();
        form.CaptchaAnswer = null;
        return View("Mobile", new MobileConfirmationViewModel(token, form, codeSent, notice, _sameDevice));
    }

    private ViewResult TicketClosed(LoginTicket? ticket, string? message = null)
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        if (_sameDevice && message is null)
        {
            return View("TicketClosed", "本次登录已过期或已完成，请回到登录页重新办理。");
        }

        return View("TicketClosed", message ?? (ticket is null
            ? "该二维码无效，请在电脑上打开登录页面重新扫码。"
            : ticket.Status == LoginTicketStatus.Pending
                ? "二维码已过期，请在电脑上刷新二维码后重新扫码。"
                : "该二维码已经使用过，请在电脑上刷新二维码后重新扫码。"));
    }
}
