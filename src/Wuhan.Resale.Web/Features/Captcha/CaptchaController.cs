using Microsoft.AspNetCore.Mvc;
using Wuhan.Resale.Web.Infrastructure.Captcha;

namespace Wuhan.Resale.Web.Features.Captcha;

public sealed class CaptchaController(CaptchaService captcha) : Controller
{
    /// <summary>The picture of a live challenge; a used or unknown one is a 404.</summary>
    [HttpGet("/captcha/{id:guid}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Image(Guid id, CancellationToken cancellationToken)
    {
        var png = await captcha.GetImageAsync(id, cancellationToken);
        return png is null ? NotFound() : File(png, "image/png");
    }
}
