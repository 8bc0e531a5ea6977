namespace Wuhan.Resale.Web.Features.Shared;

public static class SharedSetup
{
    /// <summary>
    /// The acts several features perform on a filed contract: revocation (parties, staff) and registration (the
    /// registration department's API, staff).
    /// </summary>
    public static IServiceCollection AddContractLifecycle(this IServiceCollection services)
    {
        services.AddScoped<RevocationService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<PartyIdentityCheck>();
        services.AddScoped<FilingParties>();
        services.AddScoped<Data.DistrictNames>();
        return services;
    }
}
