using Microsoft.AspNetCore.Mvc;

namespace Wuhan.Resale.Web.Features.Home;

/// <summary>The public entry page: how the service works, sign-in, and the way to revoke a filing.</summary>
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
