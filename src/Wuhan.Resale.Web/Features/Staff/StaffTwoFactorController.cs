using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// The staff second factor: the code page that finishes a password sign-in (a 6-digit 动态验证码 from an authenticator
/// app, or a one-time recovery code), and enrolment for a signed-in staff member. Wrong codes count toward the
/// account's lockout like wrong passwords; codes themselves are never written to the audit log.
/// </summary>
public sealed partial class StaffTwoFactorController(
    UserManager<ApplicationUser> users,
    SignInService signIn,
    StaffTwoFactor twoFactor,
    AuditTrail audit) : Controller
{
    public const string CodeFailedAction = "staff.login.code-failed";
    public const string WrongCodeMessage = "动态验证码不正确，请重新输入。";
    public const string ExpiredMessage = "登录已超时，请重新输入用户名和密码。";
    public const int RecoveryCodeCount = 10;

    [HttpGet(StaffTwoFactor.CodePath)]
    public IActionResult Code(string? returnUrl) => twoFactor.ReadPending(HttpContext) is null
        ? RedirectToLogin()
        : View("LoginCode", new StaffCodeForm { ReturnUrl = returnUrl });

    [HttpPost(StaffTwoFactor.CodePath)]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Code(StaffCodeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var pending = twoFactor.ReadPending(HttpContext);
        var user = pending is { } p ? await users.FindByIdAsync(p.UserId) : null;
        if (user is null || user.SecurityStamp != pending!.Value.Stamp || await users.IsLockedOutAsync(user))
        {
            StaffTwoFactor.EndPending(HttpContext);
            await audit.RecordNowAsync("staff.login.code-expired", "User", user?.Id, "待验证登录已失效、账户已锁定或已停用");
            return RedirectToLogin();
        }

        var actor = new AuditActor(ActorKind.Staff, user.Id, $"{user.DisplayName}（{user.UserName}）");
        var code = Normalize(form.Code);
        var viaRecovery = code.Length > 0 && !SixDigits().IsMatch(code);
        var accepted = code.Length > 0 && (viaRecovery
            ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code));
        if (!accepted)
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await audit.RecordNowAsync(CodeFailedAction, "User", user.Id,
                locked ? "动态验证码错误，账户已锁定" : viaRecovery ? "恢复码错误" : "动态验证码错误", actor);
            if (locked)
            {
                StaffTwoFactor.EndPending(HttpContext);
                return Redirect("/staff/login?message=refused");
            }

            ModelState.AddModelError(nameof(StaffCodeForm.Code), code.Length == 0 ? "请输入动态验证码。" : WrongCodeMessage);
            return View("LoginCode", new StaffCodeForm { ReturnUrl = form.ReturnUrl });
        }

        await users.ResetAccessFailedCountAsync(user);
        StaffTwoFactor.EndPending(HttpContext);
        await signIn.SignInStaffAsync(user);
        await audit.RecordNowAsync("staff.login.succeeded", "User", user.Id, viaRecovery ? "使用恢复码登录" : "动态验证码正确", actor);
        return LocalRedirect(StaffController.StaffHome(Url, form.ReturnUrl));
    }

    [HttpGet(StaffTwoFactor.EnrolmentPath)]
    [Authorize(Policy = AuthorizationPolicies.StaffEnrolment)]
    public async Task<IActionResult> Enrol()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("No account behind a signed-in staff member.");
        return await users.GetTwoFactorEnabledAsync(user)
            ? View("TwoFactor", new StaffTwoFactorViewModel(true, null, null, null))
            : View("TwoFactor", await EnrolmentAsync(user, resetKey: false));
    }

    [HttpPost(StaffTwoFactor.EnrolmentPath)]
    [Authorize(Policy = AuthorizationPolicies.StaffEnrolment)]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Enrol(StaffCodeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("No account behind a signed-in staff member.");
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToAction(nameof(Enrol));
        }

        var code = Normalize(form.Code);
        if (!SixDigits().IsMatch(code)
            || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            await audit.RecordNowAsync("staff.two-factor.enrol-failed", "User", user.Id, "绑定时动态验证码错误");
            ModelState.AddModelError(nameof(StaffCodeForm.Code), code.Length == 0 ? "请输入动态验证码。" : WrongCodeMessage);
            return View("TwoFactor", await EnrolmentAsync(user, resetKey: false));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await audit.RecordNowAsync("staff.two-factor.enrolled", "User", user.Id, $"已启用动态验证码，生成{RecoveryCodeCount}个恢复码");

        // Enabling changed the security stamp; a fresh session also drops the "must enrol first" mark.
        await signIn.SignInStaffAsync(user);
        return View("TwoFactor", new StaffTwoFactorViewModel(true, null, null, recoveryCodes));
    }

    private async Task<StaffTwoFactorViewModel> EnrolmentAsync(ApplicationUser user, bool resetKey)
    {
        var key = resetKey ? null : await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        }

        var qr = SvgQrCode.Render(StaffTwoFactor.AuthenticatorUri(user.UserName ?? user.Id, key), "动态验证码绑定二维码");
        return new StaffTwoFactorViewModel(false, FormatKey(key), qr, null);
    }

    private static string FormatKey(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));

    private static string Normalize(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();

    private RedirectResult RedirectToLogin() => Redirect("/staff/login?message=expired");

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();
}

public sealed class StaffCodeForm
{
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The enrolment page: the key and its QR code before enrolment, the recovery codes once right after it.</summary>
public sealed record StaffTwoFactorViewModel(bool Enabled, string? Key, string? QrSvg, IReadOnlyList<string>? RecoveryCodes);
