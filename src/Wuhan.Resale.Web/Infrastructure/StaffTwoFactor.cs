using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure;

/// <summary>
/// The staff second factor (TOTP through Identity's authenticator provider): whether it is required, and the
/// half-finished sign-in between the password and the code. That sign-in is a data-protected ticket naming the account
/// and its security stamp, in a cookie scoped to the sign-in pages, valid for five minutes; it grants nothing else.
/// </summary>
public sealed class StaffTwoFactor(IDataProtectionProvider protection, IConfiguration configuration, IHostEnvironment environment)
{
    public const string EnrolmentPath = "/staff/two-factor";
    public const string CodePath = "/staff/login/code";
    public const string Issuer = "武汉存量房网签";
    public const string PendingCookie = "wuhan-resale-2fa";
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Wuhan.Resale.Staff.TwoFactorSignIn").ToTimeLimitedDataProtector();

    /// <summary>Staff:RequireTwoFactor; on by default in Production only.</summary>
    public bool Required => configuration.GetValue("Staff:RequireTwoFactor", environment.IsProduction());

    public void StartPending(HttpContext context, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        // The data protector's expiry runs on the real clock, as Identity's TOTP check does.
        var ticket = _protector.Protect($"{user.Id}|{user.SecurityStamp}", PendingLifetime);
        context.Response.Cookies.Append(PendingCookie, ticket, new CookieOptions
        {
            HttpOnly = true,
            Secure = !environment.IsDevelopment() || context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/staff/login",
            MaxAge = PendingLifetime,
        });
    }

    /// <summary>The account id and security stamp of a pending sign-in, or null when there is none or it expired.</summary>
    public (string UserId, string? Stamp)? ReadPending(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[PendingCookie] is not { Length: > 0 } ticket)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(ticket).Split('|', 2);
            return (parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void EndPending(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(PendingCookie, new CookieOptions { Path = "/staff/login" });
    }

    /// <summary>The otpauth URI authenticator apps read from the QR code.</summary>
    public static string AuthenticatorUri(string userName, string key) => string.Format(
        CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6&period=30",
        Uri.EscapeDataString(Issuer), Uri.EscapeDataString(userName), key);
}
