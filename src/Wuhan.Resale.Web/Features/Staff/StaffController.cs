using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// Sign-in for housing bureau staff (password, with lockout) and the staff area's front page. The page does not tell
/// whether a name exists: an unknown name, a wrong password, a locked or disabled account all get one message after
/// one password hash (a dummy hash when there is no account to check), and attempts are limited per client address.
/// </summary>
public sealed class StaffController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    SignInService signIn,
    IValidator<StaffLoginForm> validator,
    AuditTrail audit,
    ResaleDbContext db,
    StaffTwoFactor twoFactor,
    TimeProvider clock) : Controller
{
    public const string RefusedMessage = "用户名或密码不正确。连续输错5次的账户将被锁定5分钟。";
    public const string LimitedMessage = "登录尝试次数过多，请15分钟后再试。";
    public const int FailuresPerAddressPer15Minutes = 20;

    private static readonly string[] FailureActions = ["staff.login.failed", "staff.login.locked", StaffTwoFactorController.CodeFailedAction];
    private static string? dummyHash;

    [HttpGet("/staff/login")]
    public IActionResult Login(string? returnUrl, string? message)
    {
        var text = message switch
        {
            "expired" => StaffTwoFactorController.ExpiredMessage,
            "refused" => RefusedMessage,
            _ => null,
        };
        if (text is not null)
        {
            ModelState.AddModelError(string.Empty, text);
        }

        return View(new StaffLoginForm { ReturnUrl = returnUrl });
    }

    [HttpPost("/staff/login")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(StaffLoginForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        var validation = await validator.ValidateAsync(form, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        if (!validation.IsValid)
        {
            return View(Blank(form));
        }

        if (await TooManyFailuresFromHereAsync(cancellationToken))
        {
            await audit.RecordNowAsync("staff.login.limited", "User", null, "同一网络地址登录失败次数过多");
            ModelState.AddModelError(string.Empty, LimitedMessage);
            return View(Blank(form));
        }

        var user = await users.FindByNameAsync(form.UserName!.Trim());
        var isStaff = user is not null
            && (await users.IsInRoleAsync(user, Roles.CounterClerk) || await users.IsInRoleAsync(user, Roles.Administrator));
        if (user is null || !isStaff)
        {
            HashAsIfChecking(form.Password!);
            await audit.RecordNowAsync("staff.login.failed", "User", null, "用户名不存在或不是工作人员");
            ModelState.AddModelError(string.Empty, RefusedMessage);
            return View(Blank(form));
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, form.Password!, lockoutOnFailure: true);
        var actor = new AuditActor(ActorKind.Staff, user.Id, $"{user.DisplayName}（{user.UserName}）");
        if (!result.Succeeded)
        {
            if (result.IsLockedOut)
            {
                // Identity answers a locked account before hashing: hash anyway, so the answer takes as long.
                HashAsIfChecking(form.Password!);
            }

            await audit.RecordNowAsync(result.IsLockedOut ? "staff.login.locked" : "staff.login.failed", "User", user.Id,
                result.IsLockedOut ? "账户已锁定或已停用" : "密码错误", actor);
            ModelState.AddModelError(string.Empty, RefusedMessage);
            return View(Blank(form));
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            // Not signed in yet: the code page finishes the sign-in within five minutes.
            twoFactor.StartPending(HttpContext, user);
            await audit.RecordNowAsync("staff.login.password-accepted", "User", user.Id, "密码正确，待输入动态验证码", actor);
            return Redirect(StaffTwoFactor.CodePath + "?returnUrl=" + Uri.EscapeDataString(StaffHome(Url, form.ReturnUrl)));
        }

        var mustEnrol = twoFactor.Required;
        await signIn.SignInStaffAsync(user, mustEnrol);
        await audit.RecordNowAsync("staff.login.succeeded", "User", user.Id, mustEnrol ? "未启用动态验证码，须先绑定" : null, actor);
        return LocalRedirect(mustEnrol ? StaffTwoFactor.EnrolmentPath : StaffHome(Url, form.ReturnUrl));
    }

    /// <summary>Where a staff member lands after sign-in: the page they asked for if it is a staff page, else the home page.</summary>
    internal static string StaffHome(IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/staff", StringComparison.Ordinal) ? returnUrl : "/staff";

    [HttpGet("/staff")]
    [Authorize(Policy = AuthorizationPolicies.Staff)]
    public IActionResult Index() => View(new StaffHomeViewModel(
        User.FindFirst(PortalClaims.DisplayName)?.Value ?? string.Empty,
        User.IsInRole(Roles.Administrator)));

    /// <summary>One password verification against a hash no password matches, costing what a real check costs.</summary>
    private void HashAsIfChecking(string password)
    {
        var nobody = new ApplicationUser();
        dummyHash ??= users.PasswordHasher.HashPassword(nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        users.PasswordHasher.VerifyHashedPassword(nobody, dummyHash, password);
    }

    private async Task<bool> TooManyFailuresFromHereAsync(CancellationToken cancellationToken)
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (address is null)
        {
            return false;
        }

        var since = clock.GetUtcNow().AddMinutes(-15);
        var failures = await db.AuditEvents.AsNoTracking()
            .CountAsync(e => FailureActions.Contains(e.Action) && e.IpAddress == address && e.OccurredAt >= since, cancellationToken);
        return failures >= FailuresPerAddressPer15Minutes;
    }

    private static StaffLoginForm Blank(StaffLoginForm form) => new() { UserName = form.UserName, ReturnUrl = form.ReturnUrl };
}

public sealed record StaffHomeViewModel(string DisplayName, bool IsAdministrator);
