using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Wuhan.Resale.Web.Infrastructure;

/// <summary>Requests a minute per client (or per partner key); configuration section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Anonymous pages (login, phone confirmation, revocation, 合同验真, party links) per client address.</summary>
    public int AnonymousPagesPerMinute { get; set; } = 300;

    /// <summary>Captcha pictures per client address.</summary>
    public int CaptchaImagesPerMinute { get; set; } = 30;

    /// <summary>Sign-in posts (staff password, phone confirmation) per client address.</summary>
    public int SignInPostsPerMinute { get; set; } = 20;

    /// <summary>Partner API calls per API key (per address when no key is sent).</summary>
    public int PartnerRequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Count sign-in posts and partner calls in the database, so that several instances enforce one limit (on by
    /// default). Anonymous page views and captcha pictures stay counted per instance: writing a row per anonymous view
    /// is the cost the portal avoids on purpose; across instances the reverse proxy limits them (docker-compose's nginx).
    /// </summary>
    public bool SharedAcrossInstances { get; set; } = true;
}

/// <summary>
/// The framework's rate limiter in front of the pages anyone can reach: over the limit a person gets 429 with
/// <c>Retry-After</c> and a page in Chinese, a partner a problem+json body. Sign-in posts and partner calls are counted
/// in the database (<see cref="Scaling.SharedFixedWindowLimiter"/>), so every instance enforces one limit; anonymous
/// pages and captcha pictures per instance, in memory (see <see cref="RateLimitOptions.SharedAcrossInstances"/>). The
/// limits that guard people (SMS, registry checks, sign-in failures, revocation look-ups) are counted in the database
/// where they are enforced.
/// </summary>
public static class RateLimits
{
    public const string AnonymousPages = "anonymous-pages";
    public const string CaptchaImages = "captcha-images";
    public const string SignIn = "sign-in";
    public const string Partner = "partner-api";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.SectionName));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(AnonymousPages, context => PerMinute(context, "page:" + ClientOf(context), o => o.AnonymousPagesPerMinute));
            options.AddPolicy(CaptchaImages, context => PerMinute(context, "captcha:" + ClientOf(context), o => o.CaptchaImagesPerMinute));
            options.AddPolicy(SignIn, context => SharedPerMinute(context, "sign-in", ClientOf(context), o => o.SignInPostsPerMinute));
            options.AddPolicy(Partner, context => SharedPerMinute(context, "partner", PartnerOf(context), o => o.PartnerRequestsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(HttpContext context, string key, Func<RateLimitOptions, int> limit)
    {
        var permits = Math.Max(1, limit(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value));
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static RateLimitPartition<string> SharedPerMinute(
        HttpContext context, string limit, string client, Func<RateLimitOptions, int> permits)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!options.SharedAcrossInstances)
        {
            return PerMinute(context, limit + ":" + client, permits);
        }

        var permitLimit = Math.Max(1, permits(options));
        var key = Scaling.SharedRateCounters.KeyFor(limit, client);
        return RateLimitPartition.Get(key + "/" + permitLimit.ToString(CultureInfo.InvariantCulture), _ => new Scaling.SharedFixedWindowLimiter(
            key, permitLimit, TimeSpan.FromMinutes(1),
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))));
    }

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>A partner is counted by a hash of its key (the key itself is never kept in memory as a partition name).</summary>
    private static string PartnerOf(HttpContext context) =>
        context.Request.Headers.TryGetValue("X-Api-Key", out var key) && !string.IsNullOrEmpty(key)
            ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..32]
            : "address:" + ClientOf(context);

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            response.ContentType = "application/problem+json; charset=utf-8";
            await response.WriteAsync(
                $$"""{"type":"about:blank","title":"请求过于频繁","status":429,"detail":"请{{seconds}}秒后再试。"}""", cancellationToken);
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>访问过于频繁</title></head>
            <body style="font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em;line-height:1.6">
            <h1>访问过于频繁</h1>
            <p>您所在的网络在短时间内访问次数过多，请{WebUtility.HtmlEncode(seconds.ToString(CultureInfo.InvariantCulture))}秒后再试。已填写的内容请勿关闭页面，稍后返回重新提交即可。</p>
            <p><a href="/">返回首页</a></p>
            </body></html>
            """, cancellationToken);
    }
}
