using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>Clients whose cookies a test can see, and clients that replay a copy of them as an attacker would.</summary>
public static class CookieJars
{
    /// <summary>A browser-like client (cookies kept in <paramref name="jar"/>, redirects not followed).</summary>
    public static HttpClient NewClient(PortalFactory factory, CookieContainer jar)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateDefaultClient(new CookieContainerHandler(jar));
    }

    /// <summary>The cookies as they stand now, copied for a later replay.</summary>
    public static string Copy(CookieContainer jar)
    {
        ArgumentNullException.ThrowIfNull(jar);
        return jar.GetCookieHeader(new Uri("http://localhost/"));
    }

    /// <summary>A client that sends the copied cookies verbatim on every request and keeps nothing the portal sets.</summary>
    public static HttpClient Replay(PortalFactory factory, string cookieHeader)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }
}
