namespace Wuhan.Resale.Web.Infrastructure.Captcha;

public static class CaptchaSetup
{
    /// <summary>The image captcha before any SMS is sent without login. A fixed answer is refused in Production.</summary>
    public static IServiceCollection AddCaptcha(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsProduction() && !string.IsNullOrEmpty(configuration[$"{CaptchaOptions.SectionName}:FixedAnswer"]))
        {
            throw new InvalidOperationException("Captcha:FixedAnswer is for tests and demos only and must not be set in Production.");
        }

        services.Configure<CaptchaOptions>(configuration.GetSection(CaptchaOptions.SectionName));
        services.AddScoped<CaptchaService>();
        services.AddSingleton<CaptchaTokens>();
        return services;
    }
}
