namespace Wuhan.Resale.Web.Infrastructure.Hardening;

/// <summary>
/// The headers every response carries, pages, files, API answers and error pages alike: a strict content security
/// policy (scripts and styles only from our own files, no frames around us, forms only to us), no MIME sniffing,
/// no full addresses sent to other sites, no device features, and HSTS on HTTPS outside Development.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var policies = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddCrossOriginResourcePolicy(policy => policy.SameOrigin())
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFrameSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            })
            .AddPermissionsPolicy(permissions =>
            {
                permissions.AddAccelerometer().None();
                permissions.AddCamera().None();
                permissions.AddGeolocation().None();
                permissions.AddGyroscope().None();
                permissions.AddMagnetometer().None();
                permissions.AddMicrophone().None();
                permissions.AddPayment().None();
                permissions.AddUsb().None();
            });
        if (!environment.IsDevelopment())
        {
            // Sent on HTTPS responses only; a year, subdomains included.
            policies.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
        }

        app.UseSecurityHeaders(policies);

        // same-origin unless a page asked for less (the party's /sign/ link sends no referrer at all).
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.TryAdd("Referrer-Policy", "same-origin");
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
