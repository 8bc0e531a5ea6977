using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.Account;

/// <summary>The signed-in citizen's home: who is signed in and where the filing flow continues.</summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class AccountController(ResaleDbContext db) : Controller
{
    [HttpGet("/me")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        return View(new AccountViewModel(person.Name, person.IdType.DisplayName(), Masking.MaskIdNumber(person.IdNumber), Masking.MaskPhone(person.Phone)));
    }
}

public sealed record AccountViewModel(string Name, string IdTypeName, string MaskedIdNumber, string MaskedPhone);
