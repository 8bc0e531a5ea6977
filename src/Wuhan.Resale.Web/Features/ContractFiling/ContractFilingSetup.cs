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
        services.AddSingleton(sp => Data.Seed.TaxPolicyFile.Load(
            sp.GetRequiredService<IConfiguration>()[Data.Seed.TaxPolicyFile.PathSetting] is { Length: > 0 } path ? path : Data.Seed.TaxPolicyFile.DefaultPath));
        return services;
    }
}
