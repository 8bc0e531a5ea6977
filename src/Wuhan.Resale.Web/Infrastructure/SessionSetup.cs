using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure;

/// <summary>
/// Identity, the session cookie and its limits: 20 minutes idle, 8 hours at most, and a server-side
/// <see cref="UserSession"/> behind every cookie that sign-out, time or an administrator can end.
/// </summary>
public static class SessionSetup
{
    public static readonly TimeSpan IdleTimeout = UserSession.IdleTimeout;
    public static readonly TimeSpan AbsoluteTimeout = UserSession.AbsoluteTimeout;

    public static void AddPortalIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 10;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<ResaleDbContext>()
            .AddDefaultTokenProviders();
        services.AddMemoryCache();
        services.AddScoped<UserSessions>();
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName);
        services.AddSingleton<SessionEndWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<SessionEndWatcher>());
        services.AddSingleton<StaffTwoFactor>();

        // Identity's periodic security-stamp check rebuilds the principal from the account and would drop the portal's
        // own claims (session id, sign-in time, names). With a 20-minute sliding cookie renewed every ~10 minutes it
        // never reaches its 30-minute interval today; this keeps a shorter interval from silently ending sessions.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
            {
                identity.AddClaims(current.Claims
                    .Where(c => c.Type.StartsWith(PortalClaims.Prefix, StringComparison.Ordinal) && !identity.HasClaim(h => h.Type == c.Type))
                    .Select(c => new Claim(c.Type, c.Value)));
            }

            return Task.CompletedTask;
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "wuhan-resale";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/";
            options.AccessDeniedPath = "/status/403";

            var identityValidator = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                var signedIn = context.Principal?.FindFirst(PortalClaims.SignedInAt)?.Value;
                if (context.Principal is not { } principal
                    || !long.TryParse(signedIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                    || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > AbsoluteTimeout
                    || !await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().ValidateAsync(principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>().SignOutAsync();
                    return;
                }

                await identityValidator(context);
            };
            var accessDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (AuthorizationPolicies.MustEnrolTwoFactor(context.HttpContext.User))
                {
                    context.Response.Redirect(StaffTwoFactor.EnrolmentPath);
                    return Task.CompletedTask;
                }

                return accessDenied(context);
            };
            options.Events.OnRedirectToLogin = context =>
            {
                // Staff pages send people to the staff sign-in; everything else to the QR login page.
                var target = context.Request.Path.StartsWithSegments("/staff")
                    ? "/staff/login?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)
                    : "/?message=timeout";
                context.Response.Redirect(target);
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>Pages of this portal hold personal data: never let a browser or proxy cache them.</summary>
    public static IApplicationBuilder UseNoStoreForPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = "no-store, no-cache";
            context.Response.Headers.Pragma = "no-cache";
            return Task.CompletedTask;
        });
        await next();
    });
}
