using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wuhan.Resale.Web.Infrastructure.Captcha;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.Captcha;

[EnableRateLimiting(RateLimits.CaptchaImages)]
public sealed class CaptchaController(CaptchaService captcha) : Controller
{
    /// <summary>The picture of a live challenge; a used or unknown one is a 404.</summary>
    [HttpGet("/captcha/{token}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Image(string token, CancellationToken cancellationToken)
    {
        var png = await captcha.GetImageAsync(token, cancellationToken);
        return png is null ? NotFound() : File(png, "image/png");
    }
}
