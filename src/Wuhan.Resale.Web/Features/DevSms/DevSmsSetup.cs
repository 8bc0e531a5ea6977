namespace Wuhan.Resale.Web.Features.DevSms;

public static class DevSmsSetup
{
    /// <summary>The development SMS inbox (/dev/sms): on in Development and Demo only, fed from memory.</summary>
    public static IServiceCollection AddDevSmsInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DevSmsInboxOptions>(configuration.GetSection(DevSmsInboxOptions.SectionName));
        services.AddSingleton<Messaging.DevSmsOutbox>();
        return services;
    }
}
