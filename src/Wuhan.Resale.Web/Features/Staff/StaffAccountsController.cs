using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// 工作人员账号 for administrators: create counter clerks and administrators, disable or re-enable them, change their
/// role or reset their password. Disabling, a role change and a password reset end every session of the account at once.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Administrator)]
public sealed class StaffAccountsController(
    UserManager<ApplicationUser> users, ResaleDbContext db, AuditTrail audit, UserSessions sessions, TimeProvider clock) : Controller
{
    private const string WeakPassword = "密码至少10位，须包含大写字母、小写字母、数字和符号。";

    [HttpGet("/staff/accounts")]
    public async Task<IActionResult> Index(string? message, CancellationToken cancellationToken) =>
        View("Accounts", await ModelAsync(new NewStaffForm(), message switch
        {
            "created" => "账号已创建。",
            "updated" => "账号状态已更新。",
            "role" => "角色已修改，该账号的所有会话已结束。",
            "password" => "密码已重置，该账号的所有会话已结束。",
            _ => null,
        }, cancellationToken));

    [HttpPost("/staff/accounts")]
    public async Task<IActionResult> Create(NewStaffForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        var userName = form.UserName?.Trim() ?? string.Empty;
        if (userName.Length is < 3 or > 40 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            ModelState.AddModelError(nameof(form.UserName), "用户名为3～40位字母、数字或 - _ .");
        }

        if (string.IsNullOrWhiteSpace(form.DisplayName) || form.DisplayName.Trim().Length > 50)
        {
            ModelState.AddModelError(nameof(form.DisplayName), "请填写姓名（50字以内）。");
        }

        if (!IsRole(form.Role))
        {
            ModelState.AddModelError(nameof(form.Role), "请选择角色。");
        }

        if (!string.IsNullOrEmpty(form.DistrictCode) && !await db.Districts.AnyAsync(d => d.Code == form.DistrictCode, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.DistrictCode), "请从列表中选择所属区。");
        }

        if (ModelState.IsValid)
        {
            var user = new ApplicationUser
            {
                UserName = userName,
                DisplayName = form.DisplayName!.Trim(),
                DistrictCode = string.IsNullOrEmpty(form.DistrictCode) ? null : form.DistrictCode,
            };
            var created = await users.CreateAsync(user, form.Password ?? string.Empty);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, form.Role!);
                await audit.RecordNowAsync("staff.account-created", "User", user.Id, $"{Name(user)}，{RoleName(form.Role!)}");
                return Redirect("/staff/accounts?message=created");
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(form.Password) : nameof(form.UserName),
                    error.Code switch
                    {
                        "DuplicateUserName" => "该用户名已被使用。",
                        var c when c.Contains("Password", StringComparison.Ordinal) => WeakPassword,
                        _ => "账号未能创建，请检查填写的内容。",
                    });
            }
        }

        form.Password = null;
        return View("Accounts", await ModelAsync(form, null, cancellationToken));
    }

    /// <summary>Disables (locks indefinitely) or re-enables an account; an administrator cannot disable themselves.</summary>
    [HttpPost("/staff/accounts/{id}/enabled")]
    public async Task<IActionResult> SetEnabled(string id, bool enabled, CancellationToken cancellationToken)
    {
        if (await FindStaffAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (!enabled && user.Id == users.GetUserId(User))
        {
            return View("Accounts", await ModelAsync(new NewStaffForm(), null, cancellationToken, "不能停用自己的账号。"));
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, enabled ? null : DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordNowAsync(enabled ? "staff.account-enabled" : "staff.account-disabled", "User", user.Id, Name(user));
        if (!enabled)
        {
            await sessions.EndAllAsync(user.Id, SessionEndReason.AccountDisabled);
        }

        return Redirect("/staff/accounts?message=updated");
    }

    /// <summary>Gives the account another role; an administrator cannot change their own.</summary>
    [HttpPost("/staff/accounts/{id}/role")]
    public async Task<IActionResult> SetRole(string id, string? role, CancellationToken cancellationToken)
    {
        if (await FindStaffAsync(id) is not { } user)
        {
            return NotFound();
        }

        var problem = !IsRole(role) ? "请选择角色。" : user.Id == users.GetUserId(User) ? "不能修改自己的角色。" : null;
        if (problem is not null)
        {
            return View("Accounts", await ModelAsync(new NewStaffForm(), null, cancellationToken, problem));
        }

        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([role!]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role!);
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordNowAsync("staff.role-changed", "User", user.Id, $"{Name(user)}，{RoleName(role!)}");
            await sessions.EndAllAsync(user.Id, SessionEndReason.RoleChanged);
        }

        return Redirect("/staff/accounts?message=role");
    }

    /// <summary>Sets a new password chosen by the administrator, who hands it over in person.</summary>
    [HttpPost("/staff/accounts/{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, string? newPassword, CancellationToken cancellationToken)
    {
        if (await FindStaffAsync(id) is not { } user)
        {
            return NotFound();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword ?? string.Empty);
        if (!reset.Succeeded)
        {
            return View("Accounts", await ModelAsync(new NewStaffForm(), null, cancellationToken, "新" + WeakPassword));
        }

        await audit.RecordNowAsync("staff.password-reset", "User", user.Id, Name(user));
        await sessions.EndAllAsync(user.Id, SessionEndReason.PasswordReset);
        return Redirect("/staff/accounts?message=password");
    }

    private async Task<StaffAccountsViewModel> ModelAsync(NewStaffForm form, string? message, CancellationToken cancellationToken, string? error = null)
    {
        var staff = await users.Users.AsNoTracking().Where(u => u.PersonId == null).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var rows = new List<StaffAccountRow>();
        var now = clock.GetUtcNow();
        foreach (var u in staff)
        {
            var role = (await users.GetRolesAsync(u)).FirstOrDefault() ?? string.Empty;
            rows.Add(new StaffAccountRow(u.Id, u.UserName!, u.DisplayName, role, RoleName(role), u.DistrictCode, u.LockoutEnd is { } end && end > now && end.Year > 9000));
        }

        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DistrictOption(d.Code, d.Name)).ToListAsync(cancellationToken);
        return new StaffAccountsViewModel(rows, districts, form, message, error);
    }

    /// <summary>A staff account by id; citizens' accounts are not managed here.</summary>
    private async Task<ApplicationUser?> FindStaffAsync(string id) =>
        await users.FindByIdAsync(id) is { PersonId: null } user ? user : null;

    private static bool IsRole(string? role) => role is Roles.CounterClerk or Roles.Administrator;

    private static string Name(ApplicationUser user) => $"{user.DisplayName}（{user.UserName}）";

    private static string RoleName(string role) => role switch
    {
        Roles.CounterClerk => "窗口工作人员",
        Roles.Administrator => "管理员",
        _ => "未分配",
    };
}

public sealed class NewStaffForm
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; } = Roles.CounterClerk;

    public string? DistrictCode { get; set; }

    public string? Password { get; set; }
}

public sealed record StaffAccountRow(string Id, string UserName, string DisplayName, string Role, string RoleName, string? DistrictCode, bool Disabled);

public sealed record StaffAccountsViewModel(
    IReadOnlyList<StaffAccountRow> Rows, IReadOnlyList<DistrictOption> Districts, NewStaffForm Form, string? Message, string? Error);
