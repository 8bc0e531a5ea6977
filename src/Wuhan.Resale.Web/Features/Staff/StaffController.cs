using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>Sign-in for housing bureau staff (password, with lockout) and the staff area's front page.</summary>
public sealed class StaffController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    SignInService signIn,
    IValidator<StaffLoginForm> validator,
    AuditTrail audit) : Controller
{
    private const string Refused = "用户名或密码不正确。";

    [HttpGet("/staff/login")]
    public IActionResult Login(string? returnUrl) => View(new StaffLoginForm { ReturnUrl = returnUrl });

    [HttpPost("/staff/login")]
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

        var user = await users.FindByNameAsync(form.UserName!.Trim());
        var isStaff = user is not null
            && (await users.IsInRoleAsync(user, Roles.CounterClerk) || await users.IsInRoleAsync(user, Roles.Administrator));
        if (user is null || !isStaff)
        {
            await audit.RecordNowAsync("staff.login.failed", "User", null, "用户名不存在或不是工作人员");
            ModelState.AddModelError(string.Empty, Refused);
            return View(Blank(form));
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, form.Password!, lockoutOnFailure: true);
        var actor = new AuditActor(ActorKind.Staff, user.Id, $"{user.DisplayName}（{user.UserName}）");
        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync("staff.login.locked", "User", user.Id, "账户已锁定", actor);
            ModelState.AddModelError(string.Empty, "登录失败次数过多，账户已锁定，请5分钟后再试。");
            return View(Blank(form));
        }

        if (!result.Succeeded)
        {
            await audit.RecordNowAsync("staff.login.failed", "User", user.Id, "密码错误", actor);
            ModelState.AddModelError(string.Empty, Refused);
            return View(Blank(form));
        }

        await signIn.SignInStaffAsync(user);
        await audit.RecordNowAsync("staff.login.succeeded", "User", user.Id, null, actor);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) && form.ReturnUrl!.StartsWith("/staff", StringComparison.Ordinal) ? form.ReturnUrl : "/staff");
    }

    [HttpGet("/staff")]
    [Authorize(Policy = AuthorizationPolicies.Staff)]
    public IActionResult Index() => View(new StaffHomeViewModel(
        User.FindFirst(PortalClaims.DisplayName)?.Value ?? string.Empty,
        User.IsInRole(Roles.Administrator)));

    private static StaffLoginForm Blank(StaffLoginForm form) => new() { UserName = form.UserName, ReturnUrl = form.ReturnUrl };
}

public sealed record StaffHomeViewModel(string DisplayName, bool IsAdministrator);
