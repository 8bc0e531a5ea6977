using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Features.PartnerApi;

/// <summary>Authenticates partner departments by the X-Api-Key header, checked against the keyed hashes on file.</summary>
public sealed class PartnerApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ResaleDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PartnerApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string DepartmentClaim = "wr:partner_department";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0])
            || values[0]!.Length > 200)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = PartnerKeys.Hash(db, values[0]!);
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.KeyHash == hash && p.Active, Context.RequestAborted);
        if (partner is null)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, partner.Id.ToString()),
            new Claim(ClaimTypes.Name, partner.Name),
            new Claim(Infrastructure.PortalClaims.AuditName, partner.Name),
            new Claim(DepartmentClaim, partner.Department.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "缺少或无效的 API 密钥（请求头 X-Api-Key）。");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "该部门的 API 密钥无权执行此操作。");

    private Task WriteProblemAsync(int status, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(new { status, error = detail });
    }
}

public static class PartnerPolicies
{
    public const string Read = "PartnerRead";
    public const string RecordRegistration = "PartnerRecordRegistration";
    public const string Bank = "PartnerBank";
}
