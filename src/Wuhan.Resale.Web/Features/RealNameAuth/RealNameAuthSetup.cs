using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.RealNameAuth;

public static class RealNameAuthSetup
{
    /// <summary>实名认证: one-time login tickets and the sign-in that follows a phone's confirmation.</summary>
    public static IServiceCollection AddRealNameAuth(this IServiceCollection services)
    {
        services.AddScoped<LoginTicketService>();
        services.AddScoped<SignInService>();
        services.AddScoped<LoginIdentityCheck>();
        return services;
    }
}
