using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Serilog;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Data.Seed;
using Wuhan.Resale.Web.Features.ContractFiling;
using Wuhan.Resale.Web.Features.DevSms;
using Wuhan.Resale.Web.Features.ListingVerification;
using Wuhan.Resale.Web.Features.PartnerApi;
using Wuhan.Resale.Web.Features.RealNameAuth;
using Wuhan.Resale.Web.Features.Revocation;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Captcha;
using Wuhan.Resale.Web.Infrastructure.Hardening;
using Wuhan.Resale.Web.Infrastructure.Health;
using Wuhan.Resale.Web.Infrastructure.Retention;
using Wuhan.Resale.Web.Infrastructure.Telemetry;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Messaging;
using Wuhan.Resale.Web.Pdf;

var builder = WebApplication.CreateBuilder(PortalCommands.HostArguments(args));

// Settings only safe on a laptop stop the start here, each problem naming the setting to change.
PortalEnvironments.EnsureSafe(builder.Configuration, builder.Environment,
    DatabaseServiceCollectionExtensions.ResolveDataDirectory(builder.Configuration, builder.Environment));

builder.AddPortalLogging();
builder.Services.AddSingleton(TimeProvider.System);

// Razor would otherwise write every Chinese character as a numeric entity: valid, but four times the bytes.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddResaleDatabase(builder.Configuration, builder.Environment);
builder.Services.AddExternalSystems(builder.Configuration);
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddPortalDataProtection(builder.Configuration, builder.Environment,
    DatabaseServiceCollectionExtensions.ResolveDataDirectory(builder.Configuration, builder.Environment));
builder.Services.AddPortalIdentity(builder.Environment);
builder.Services.AddAuthorization(options => options.AddPortalPolicies());
builder.Services.AddHttpContextAccessor();
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddScoped<AuditTrail>();
builder.Services.AddSingleton<AuditAppender>();
builder.Services.AddScoped<VerificationCodeService>();
builder.Services.AddCaptcha(builder.Configuration, builder.Environment);
builder.Services.AddContractPdf(builder.Configuration, builder.Environment);

// The features, in the order a seller meets them.
builder.Services.AddRealNameAuth();
builder.Services.AddListingVerification(builder.Configuration);
builder.Services.AddContractFiling();
builder.Services.AddContractLifecycle();
builder.Services.AddRevocation(builder.Configuration);
builder.Services.AddPartnerApi();
builder.Services.AddDevSmsInbox(builder.Configuration);

// Metrics and traces for operators: off unless Telemetry:Enabled (after the features: it wraps the outside systems).
builder.Services.AddPortalTelemetry(builder.Configuration);

builder.Services.AddControllersWithViews(options =>
        options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()))
    .AddRazorOptions(options =>
    {
        // Feature folders: a step's controller, view models and views live together under Features/<Step>/.
        options.ViewLocationFormats.Clear();
        options.ViewLocationFormats.Add("/Features/{feature}/{0}.cshtml");
        options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        options.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
    });
builder.Services.AddPortalHealthChecks(builder.Configuration);
builder.Services.AddPortalRateLimits(builder.Configuration);
builder.Services.AddRetention(builder.Configuration);

// Behind the bureau's reverse proxy: trust X-Forwarded-For/Proto from the configured proxies only.
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
    {
        options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
});

var app = builder.Build();
app.UsePortalSecurityHeaders(app.Environment);
PortalEnvironments.WarnWhenDemo(app.Environment, app.Logger);

await app.Services.PrepareDatabaseAsync();

// verify-audit, backup <file>, migrate: operator commands instead of the web server (README).
if (PortalCommands.IsCommand(args))
{
    Environment.ExitCode = await PortalCommands.RunAsync(app.Services, args, Console.Out);
    return;
}

if (app.Configuration.GetValue<bool>("ForwardedHeaders:Enabled"))
{
    app.UseForwardedHeaders();
}

var chinese = new CultureInfo("zh-CN");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(chinese),
    SupportedCultures = [chinese],
    SupportedUICultures = [chinese],
});

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseUnreadableRequestPage();
app.UseSerilogRequestLogging(options =>
{
    options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();

    // A browser that goes away mid-request (a closed tab, a load generator stopping) is not a server error: logged
    // at Debug without a stack trace, not as a 500 at Error.
    options.GetLevel = (context, _, exception) =>
        context.RequestAborted.IsCancellationRequested && exception is null or OperationCanceledException
            ? Serilog.Events.LogEventLevel.Debug
            : exception is not null || context.Response.StatusCode >= 500
                ? Serilog.Events.LogEventLevel.Error
                : Serilog.Events.LogEventLevel.Information;
});
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseNoStoreForPages();

app.MapPortalHealthChecks();
app.MapPortalTelemetry();
app.MapOpenApi();
app.MapControllers();

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
