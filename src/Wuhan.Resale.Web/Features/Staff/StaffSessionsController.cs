using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>登录会话: a staff member sees where their account is signed in and ends the sessions that are not this one.</summary>
[Authorize(Policy = AuthorizationPolicies.Staff)]
public sealed class StaffSessionsController(UserManager<ApplicationUser> users, UserSessions sessions) : Controller
{
    [HttpGet("/staff/sessions")]
    public async Task<IActionResult> Index(string? message)
    {
        UserSessions.TryGetSessionId(User, out var current);
        var rows = (await sessions.ActiveAsync(users.GetUserId(User)!))
            .Select(s => new StaffSessionRow(
                s.Id,
                ShanghaiTime.ToShanghai(s.CreatedAt),
                ShanghaiTime.ToShanghai(s.LastSeenAt),
                ClientDescriptions.Browser(s.UserAgent),
                ClientDescriptions.MaskedAddress(s.ClientAddress),
                s.Id == current))
            .ToList();
        return View("Sessions", new StaffSessionsViewModel(rows, message == "ended" ? "该会话已结束，使用它的浏览器需要重新登录。" : null));
    }

    /// <summary>Ends another session of the signed-in account; someone else's session or this one is not found.</summary>
    [HttpPost("/staff/sessions/{id:guid}/end")]
    public async Task<IActionResult> End(Guid id)
    {
        if (UserSessions.TryGetSessionId(User, out var current) && current == id)
        {
            return NotFound();
        }

        return await sessions.EndOwnAsync(users.GetUserId(User)!, id) ? Redirect("/staff/sessions?message=ended") : NotFound();
    }
}

public sealed record StaffSessionRow(Guid Id, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, string Browser, string Address, bool IsCurrent);

public sealed record StaffSessionsViewModel(IReadOnlyList<StaffSessionRow> Rows, string? Message);
