using System.Diagnostics;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Infrastructure.Telemetry;

/// <summary>
/// Wraps whichever adapter stands behind each outside system (embedded or HTTP) to time its calls and count SMS,
/// without the adapters or their callers knowing. Registered only while telemetry is enabled.
/// </summary>
internal static class MeasuredExternalSystems
{
    public static void Decorate(IServiceCollection services)
    {
        DecorateLast<ICitizenRegistry>(services, (inner, sp) => new MeasuredCitizenRegistry(inner, sp.GetRequiredService<PortalMetrics>()));
        DecorateLast<IPropertyRegistry>(services, (inner, sp) => new MeasuredPropertyRegistry(inner, sp.GetRequiredService<PortalMetrics>()));
        DecorateLast<ISmsGateway>(services, (inner, sp) => new MeasuredSmsGateway(inner, sp.GetRequiredService<PortalMetrics>()));
    }

    private static void DecorateLast<T>(IServiceCollection services, Func<T, IServiceProvider, T> wrap)
        where T : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(T) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return;
        }

        var original = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(T), sp => wrap(Create<T>(original, sp), sp), original.Lifetime);
    }

    private static T Create<T>(ServiceDescriptor original, IServiceProvider sp)
        where T : class
    {
        if (original.ImplementationInstance is T instance)
        {
            return instance;
        }

        if (original.ImplementationFactory is { } factory)
        {
            return (T)factory(sp);
        }

        return (T)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
    }

    /// <summary>Times <paramref name="call"/> and records it, whether it succeeds or throws.</summary>
    internal static async Task<TResult> MeasureAsync<TResult>(PortalMetrics metrics, string system, string operation, Func<Task<TResult>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var result = await call();
            succeeded = true;
            return result;
        }
        finally
        {
            metrics.ExternalCall(system, operation, succeeded, Stopwatch.GetElapsedTime(started));
        }
    }
}

internal sealed class MeasuredCitizenRegistry(ICitizenRegistry inner, PortalMetrics metrics) : ICitizenRegistry
{
    public Task<CitizenCheck> CheckAsync(string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken) =>
        MeasuredExternalSystems.MeasureAsync(metrics, "citizen_registry", "check", () => inner.CheckAsync(name, idNumber, phone, cancellationToken));
}

internal sealed class MeasuredPropertyRegistry(IPropertyRegistry inner, PortalMetrics metrics) : IPropertyRegistry
{
    public Task<IReadOnlyList<PropertyFacts>> FindHomesOfAsync(IdNumber owner, CancellationToken cancellationToken) =>
        MeasuredExternalSystems.MeasureAsync(metrics, "property_registry", "homes_by_owner", () => inner.FindHomesOfAsync(owner, cancellationToken));

    public Task<PropertyFacts?> FindByCertificateAsync(string certificateNumber, CancellationToken cancellationToken) =>
        MeasuredExternalSystems.MeasureAsync(metrics, "property_registry", "home_by_certificate", () => inner.FindByCertificateAsync(certificateNumber, cancellationToken));
}

internal sealed class MeasuredSmsGateway(ISmsGateway inner, PortalMetrics metrics) : ISmsGateway
{
    public async Task SendAsync(PhoneNumber recipient, string text, string purpose, CancellationToken cancellationToken)
    {
        var sent = false;
        try
        {
            await MeasuredExternalSystems.MeasureAsync(metrics, "sms_gateway", "send", async () =>
            {
                await inner.SendAsync(recipient, text, purpose, cancellationToken);
                return true;
            });
            sent = true;
        }
        finally
        {
            metrics.SmsHandedOver(purpose, sent);
        }
    }
}
