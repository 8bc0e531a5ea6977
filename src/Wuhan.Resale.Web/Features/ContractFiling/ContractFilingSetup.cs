using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Features.ContractFiling;

public static class ContractFilingSetup
{
    /// <summary>网签申报: contract numbers are taken from the year's counter inside the filing's transaction; code sends are limited per person.</summary>
    public static IServiceCollection AddContractFiling(this IServiceCollection services)
    {
        services.AddScoped<NumberSequences>();
        services.AddScoped<ContractNumbering>();
        services.AddScoped<FilingSendLimit>();
        return services;
    }
}
