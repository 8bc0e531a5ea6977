namespace Wuhan.Resale.Web.Features.ListingVerification;

public static class ListingVerificationSetup
{
    /// <summary>房源核验: the background worker that answers property queries, and the signal that wakes it.</summary>
    public static IServiceCollection AddListingVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PropertyQueryOptions>(configuration.GetSection(PropertyQueryOptions.SectionName));
        services.AddSingleton<PropertyQuerySignal>();
        services.AddHostedService<PropertyQueryWorker>();
        return services;
    }
}
