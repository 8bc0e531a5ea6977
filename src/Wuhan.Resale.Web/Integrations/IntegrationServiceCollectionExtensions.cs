using Microsoft.Extensions.Options;
using Wuhan.Resale.Web.Integrations.Embedded;
using Wuhan.Resale.Web.Integrations.Http;

namespace Wuhan.Resale.Web.Integrations;

/// <summary>The one place that decides which adapter stands behind each external system.</summary>
public static class IntegrationServiceCollectionExtensions
{
    public static IServiceCollection AddExternalSystems(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(IntegrationOptions.SectionName);
        services.Configure<IntegrationOptions>(section);
        var options = section.Get<IntegrationOptions>() ?? new IntegrationOptions();

        Register<ICitizenRegistry, EmbeddedCitizenRegistry, HttpCitizenRegistry>(services, options.CitizenRegistry, o => o.CitizenRegistry);
        Register<IPropertyRegistry, EmbeddedPropertyRegistry, HttpPropertyRegistry>(services, options.PropertyRegistry, o => o.PropertyRegistry);
        Register<ISmsGateway, EmbeddedSmsGateway, HttpSmsGateway>(services, options.Sms, o => o.Sms);
        return services;
    }

    private static void Register<TService, TEmbedded, THttp>(
        IServiceCollection services, ExternalServiceOptions chosen, Func<IntegrationOptions, ExternalServiceOptions> select)
        where TService : class
        where TEmbedded : class, TService
        where THttp : class, TService
    {
        if (chosen.Mode == AdapterMode.Embedded)
        {
            services.AddScoped<TService, TEmbedded>();
            return;
        }

        if (chosen.BaseUrl is null)
        {
            throw new InvalidOperationException($"{typeof(TService).Name}: Mode is Http but BaseUrl is not configured.");
        }

        services.AddHttpClient<TService, THttp>((provider, client) =>
        {
            var current = select(provider.GetRequiredService<IOptions<IntegrationOptions>>().Value);
            client.BaseAddress = current.BaseUrl;
            client.Timeout = current.Timeout;
            if (!string.IsNullOrEmpty(current.ApiKey))
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", current.ApiKey);
            }
        });
    }
}
