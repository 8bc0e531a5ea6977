using Microsoft.AspNetCore.Mvc;

namespace Wuhan.Resale.Web.Features.Revocation;

/// <summary>合同网签撤销, reached from the login page without signing in.</summary>
public sealed class RevocationController : Controller
{
    [HttpGet("/revocation")]
    public IActionResult Index() => View();
}
