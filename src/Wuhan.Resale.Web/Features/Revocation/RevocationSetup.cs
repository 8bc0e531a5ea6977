namespace Wuhan.Resale.Web.Features.Revocation;

public static class RevocationSetup
{
    /// <summary>合同网签撤销 without signing in: its limits per client address and per contract number, counted in the database.</summary>
    public static IServiceCollection AddRevocation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RevocationOptions>(configuration.GetSection(RevocationOptions.SectionName));
        services.AddScoped<RevocationThrottle>();
        return services;
    }
}
