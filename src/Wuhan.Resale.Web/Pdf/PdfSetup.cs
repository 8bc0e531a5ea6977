using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Pdf.Signing;

namespace Wuhan.Resale.Web.Pdf;

public static class PdfSetup
{
    /// <summary>The rate limit policy of 合同验真 uploads (per client address, <see cref="ContractSigningOptions.UploadsPerMinute"/>).</summary>
    public const string VerifyUploads = "verify-uploads";

    /// <summary>
    /// 下载合同: the renderer (its font is loaded once), the service that prints a filed contract, and the bureau's
    /// signing certificate, loaded now so that Production stops at start-up when it is missing or is the demo one.
    /// </summary>
    public static IServiceCollection AddContractPdf(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(ContractSigningOptions.SectionName);
        services.Configure<ContractSigningOptions>(section);
        var certificate = BureauCertificate.Load(
            section.Get<ContractSigningOptions>() ?? new ContractSigningOptions(),
            DatabaseServiceCollectionExtensions.ResolveDataDirectory(configuration, environment),
            environment.IsProduction(),
            TimeProvider.System);
        services.AddSingleton(certificate);
        services.AddSingleton<ContractSigner>();
        services.AddSingleton<ContractSignatureVerifier>();
        services.AddMemoryCache();
        services.AddSingleton<SignedContractPdfCache>();
        services.AddSingleton<ContractPdfRenderer>();
        services.AddScoped<ContractPdfs>();
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(VerifyUploads, context =>
        {
            var permits = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<ContractSigningOptions>>().Value.UploadsPerMinute);
            return RateLimitPartition.GetFixedWindowLimiter(
                "verify-upload:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true });
        }));
        return services;
    }
}
