using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.SignIn;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.RealNameAuth;

/// <summary>
/// 实名认证, desktop side: the login page with the QR code, the status the page polls, and the sign-in once the
/// phone has confirmed. Works without script too (a button posts the completion).
/// </summary>
public sealed class LoginController(
    LoginTicketService tickets,
    SignInService signIn,
    ResaleDbContext db,
    UserManager<ApplicationUser> users,
    AuditTrail audit,
    IConfiguration configuration,
    TimeProvider clock) : Controller
{
    [HttpGet("/")]
    [EnableRateLimiting(RateLimits.AnonymousPages)]
    public IActionResult Index(string? message)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return Redirect(User.IsInRole(Roles.CounterClerk) || User.IsInRole(Roles.Administrator) ? "/staff" : "/me");
        }

        var issued = Issue();
        return View(new LoginPageViewModel(issued.Svg, issued.Link, issued.PairingCode, (int)LoginTicket.Lifetime.TotalSeconds, Messages.For(message)));
    }

    /// <summary>Polled by the login page: has the phone confirmed yet?</summary>
    [HttpGet("/login/status")]
    public async Task<IActionResult> Status(CancellationToken cancellationToken)
    {
        var ticket = await tickets.FindByClaimAsync(Request.Cookies[LoginTicketService.ClaimCookie], cancellationToken);
        var now = clock.GetUtcNow();
        var status = ticket switch
        {
            // Signed in meanwhile in another window of this browser (在本机办理): this page just moves on.
            _ when User.Identity?.IsAuthenticated == true => "signed-in",
            null => "unknown",
            { Status: LoginTicketStatus.Authorised } => "authorised",
            { Status: LoginTicketStatus.Consumed } => "consumed",
            _ when !ticket.IsOpenForConfirmation(now) => "expired",
            _ => "pending",
        };
        var secondsLeft = ticket is null ? 0 : Math.Max(0, (int)(ticket.ExpiresAt - now).TotalSeconds);
        return Json(new { status, secondsLeft });
    }

    /// <summary>A fresh QR code for a page whose ticket expired, without reloading it.</summary>
    [HttpPost("/login/ticket")]
    [EnableRateLimiting(RateLimits.AnonymousPages)]
    public IActionResult NewTicket()
    {
        var issued = Issue();
        return Json(new { svg = issued.Svg, link = issued.Link, pairingCode = issued.PairingCode, secondsLeft = (int)LoginTicket.Lifetime.TotalSeconds });
    }

    [HttpPost("/login/complete")]
    public async Task<IActionResult> Complete(CancellationToken cancellationToken)
    {
        var ticket = await tickets.FindByClaimAsync(Request.Cookies[LoginTicketService.ClaimCookie], cancellationToken);
        if (ticket is null)
        {
            return RedirectToAction(nameof(Index), new { message = Messages.Unknown });
        }

        Guid personId;
        try
        {
            personId = ticket.Consume(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            await audit.RecordNowAsync("login.refused", "LoginTicket", ticket.Id.ToString(), ex.Message);
            return RedirectToAction(nameof(Index), new { message = ticket.Status == LoginTicketStatus.Pending ? Messages.NotYet : Messages.Used });
        }
        catch (DbUpdateConcurrencyException)
        {
            return RedirectToAction(nameof(Index), new { message = Messages.Used });
        }

        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        var user = await users.Users.FirstOrDefaultAsync(u => u.PersonId == personId, cancellationToken);
        if (user is null)
        {
            return RedirectToAction(nameof(Index), new { message = Messages.Unknown });
        }

        await signIn.SignInCitizenAsync(user, person);
        Response.Cookies.Delete(LoginTicketService.ClaimCookie);
        audit.Record("login.succeeded", "LoginTicket", ticket.Id.ToString(), "扫码登录",
            new AuditActor(Domain.Auditing.ActorKind.Citizen, user.Id, Domain.ValueObjects.Masking.MaskName(person.Name)));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/me");
    }

    [HttpPost("/logout")]
    public async Task<IActionResult> Logout([FromServices] SignInManager<ApplicationUser> signInManager, [FromServices] UserSessions sessions)
    {
        // Ends the server-side session too (and audits it), so a copy of the cookie is worth nothing afterwards.
        if (User.Identity?.IsAuthenticated == true)
        {
            await sessions.EndCurrentAsync(User);
        }

        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Index), new { message = Messages.SignedOut });
    }

    private (string Svg, string Link, string PairingCode) Issue()
    {
        var issued = tickets.Issue(
            ClientDescriptions.Browser(Request.Headers.UserAgent.ToString()),
            ClientDescriptions.MaskedAddress(HttpContext.Connection.RemoteIpAddress?.ToString()));
        Response.Cookies.Append(LoginTicketService.ClaimCookie, issued.ClaimCookieValue, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            IsEssential = true,
            MaxAge = LoginTicket.Lifetime + LoginTicket.ConsumeGrace,
        });
        var link = $"{PortalAddress.PublicBase(Request, configuration)}/m/{issued.Token}";
        return (SvgQrCode.Render(link, "登录二维码"), link, tickets.PairingCode(issued.Ticket));
    }

    private static class Messages
    {
        public const string Unknown = "unknown";
        public const string NotYet = "not-yet";
        public const string Used = "used";
        public const string SignedOut = "signed-out";
        public const string Timeout = "timeout";

        public static string? For(string? key) => key switch
        {
            Unknown => "登录二维码已失效，请重新扫码。",
            NotYet => "还没有在手机上确认授权，请扫码后在手机上完成实名认证。",
            Used => "该二维码已经使用过，请用新的二维码重新扫码。",
            SignedOut => "您已安全退出。",
            Timeout => "登录已超时，请重新扫码登录。",
            _ => null,
        };
    }
}

public sealed record LoginPageViewModel(string QrSvg, string SameDeviceLink, string PairingCode, int SecondsLeft, string? Message);
