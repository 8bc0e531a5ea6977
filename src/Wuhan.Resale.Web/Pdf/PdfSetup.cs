namespace Wuhan.Resale.Web.Pdf;

public static class PdfSetup
{
    /// <summary>下载合同: the renderer (its font is loaded once) and the service that prints a filed contract.</summary>
    public static IServiceCollection AddContractPdf(this IServiceCollection services)
    {
        services.AddSingleton<ContractPdfRenderer>();
        services.AddScoped<ContractPdfs>();
        return services;
    }
}
