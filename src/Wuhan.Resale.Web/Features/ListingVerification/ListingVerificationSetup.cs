namespace Wuhan.Resale.Web.Features.ListingVerification;

public static class ListingVerificationSetup
{
    /// <summary>房源核验: the background worker that answers property queries, and the signal that wakes it.</summary>
    public static IServiceCollection AddListingVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PropertyQueryOptions>(configuration.GetSection(PropertyQueryOptions.SectionName));
        services.AddSingleton<PropertyQuerySignal>();
        services.AddHostedService<PropertyQueryWorker>();

        // The host waits for the worker's grace period (and a little more) before it gives up on a stop.
        services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<PropertyQueryOptions>>((host, queries) =>
            host.ShutdownTimeout = queries.Value.HostShutdownTimeout);
        return services;
    }
}
