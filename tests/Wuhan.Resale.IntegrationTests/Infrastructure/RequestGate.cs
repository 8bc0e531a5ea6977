using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// An <see cref="ArrivalGate"/> at the door of a test host: while armed, the requests whose method and path match are held
/// before the portal sees them until all the expected ones are in, so racing requests are all inside the server at
/// once. Register it with <see cref="AddTo"/> from a factory's ConfigureServices; it does nothing until armed.
/// </summary>
public sealed class RequestGate
{
    private Func<PathString, bool> _matches = _ => false;
    private string _method = HttpMethods.Post;

    public ArrivalGate Gate { get; } = new();

    public void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new Filter(this));

    /// <summary>Holds the next <paramref name="requests"/> requests (POST unless told) whose path matches until all of them arrived.</summary>
    public void Arm(int requests, Func<PathString, bool> matches, string? method = null)
    {
        _method = method ?? HttpMethods.Post;
        _matches = matches;
        Gate.Arm(requests);
    }

    private sealed class Filter(RequestGate gate) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (HttpMethods.Equals(context.Request.Method, gate._method) && gate._matches(context.Request.Path))
                {
                    await gate.Gate.ArriveAsync();
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
