using Microsoft.AspNetCore.Authentication;
using Wuhan.Resale.Domain.Partners;

namespace Wuhan.Resale.Web.Features.PartnerApi;

public static class PartnerApiSetup
{
    /// <summary>The partner departments' JSON API: API-key authentication, what each department may do, OpenAPI.</summary>
    public static IServiceCollection AddPartnerApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PartnerApiKeyHandler>(PartnerApiKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            // Banks see only their own escrow accounts and mortgage requests, never whole contracts with every party's ID.
            .AddPolicy(PartnerPolicies.Read, p => p
                .AddAuthenticationSchemes(PartnerApiKeyHandler.SchemeName)
                .RequireClaim(PartnerApiKeyHandler.DepartmentClaim,
                    nameof(PartnerDepartment.Registration), nameof(PartnerDepartment.Tax), nameof(PartnerDepartment.HousingFund)))
            .AddPolicy(PartnerPolicies.Bank, p => p
                .AddAuthenticationSchemes(PartnerApiKeyHandler.SchemeName)
                .RequireClaim(PartnerApiKeyHandler.DepartmentClaim, nameof(PartnerDepartment.Bank)))
            .AddPolicy(PartnerPolicies.RecordRegistration, p => p
                .AddAuthenticationSchemes(PartnerApiKeyHandler.SchemeName)
                .RequireClaim(PartnerApiKeyHandler.DepartmentClaim, nameof(PartnerDepartment.Registration)));
        services.AddScoped<PartnerIdempotency>();
        services.AddOpenApi(PartnerApiDocument.Configure);
        return services;
    }
}
