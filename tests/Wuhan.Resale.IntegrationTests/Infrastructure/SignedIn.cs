using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Data.Seed;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// A citizen signed in without the 实名认证 journey, for tests about what comes after it: the portal's own
/// <see cref="SignInService"/> records the person and their account and starts a server session exactly as the end of
/// the QR sign-in does, and the cookie it sets is handed to a new client. What the journey itself leaves behind — the
/// login ticket, the SMS code, the <c>login.succeeded</c> audit row — is not there: a test that looks at those, or at
/// the journey, signs in with <see cref="CitizenLogin"/>.
/// </summary>
public static class SignedIn
{
    public static async Task<HttpClient> CitizenAsync(PortalFactory factory, DemoCitizen citizen, CookieContainer? jar = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(citizen);
        jar ??= new CookieContainer();
        var client = CookieJars.NewClient(factory, jar);

        await using var scope = factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().Context = context;
        var signIn = scope.ServiceProvider.GetRequiredService<SignInService>();
        var (person, user) = await signIn.EnsurePersonAndAccountAsync(
            citizen.Name, IdNumber.Parse(citizen.IdType, citizen.IdNumber), PhoneNumber.Parse(citizen.Phone), CancellationToken.None);
        await signIn.SignInCitizenAsync(user, person);

        var cookies = context.Response.Headers.SetCookie;
        if (cookies.Count == 0)
        {
            throw new InvalidOperationException("Signing in set no cookie.");
        }

        foreach (var cookie in cookies)
        {
            jar.SetCookies(client.BaseAddress!, cookie!);
        }

        return client;
    }
}
