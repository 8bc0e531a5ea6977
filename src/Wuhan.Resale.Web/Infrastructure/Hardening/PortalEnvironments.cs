using System.Net;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Infrastructure.Hardening;

/// <summary>
/// Which environment may use the conveniences for developers and demos (the SMS inbox, a fixed captcha answer, the
/// demo staff accounts and partner keys): Development, and an explicit <c>Demo</c> environment that says so loudly
/// and stays on the loopback address unless <c>Demo:PublicDemoServer</c> is set. Every other environment is treated
/// like production for these; Production also refuses to start with settings that are only safe on a laptop.
/// </summary>
public static partial class PortalEnvironments
{
    public const string Demo = "Demo";

    public const string PublicDemoServerKey = "Demo:PublicDemoServer";

    public static bool AllowsDemoFeatures(this IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment() || environment.IsEnvironment(Demo);
    }

    /// <summary>Every setting that makes this start unsafe, each naming the setting to change; empty when it is safe.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        if (!environment.AllowsDemoFeatures() && !string.IsNullOrEmpty(configuration["Captcha:FixedAnswer"]))
        {
            problems.Add($"Captcha:FixedAnswer is for tests and demos only and must not be set in {environment.EnvironmentName} (remove the setting).");
        }

        if (!environment.AllowsDemoFeatures() && configuration.GetValue<bool>("DevSmsInbox:Enabled"))
        {
            problems.Add($"DevSmsInbox:Enabled shows every SMS code to anyone; it works only in Development or Demo (remove it from {environment.EnvironmentName}).");
        }

        if (environment.IsEnvironment(Demo) && !configuration.GetValue<bool>(PublicDemoServerKey))
        {
            foreach (var url in ListenUrls(configuration).Where(url => !IsLoopback(url)))
            {
                problems.Add($"The Demo environment listens on {url}, which is not a loopback address: bind it to localhost (urls / ASPNETCORE_URLS) or set {PublicDemoServerKey}=true if this really is a public demo server with invented data only.");
            }
        }

        if (environment.IsProduction())
        {
            AddProductionProblems(configuration, dataDirectory, problems);
        }

        return problems;
    }

    /// <summary>Says loudly, at every start, that this is a demo with published passwords and a readable SMS inbox.</summary>
    public static void WarnWhenDemo(IHostEnvironment environment, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsEnvironment(Demo))
        {
            LogDemo(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEMO ENVIRONMENT: the SMS inbox, the fixed captcha answer and the published demo staff accounts and partner keys are ON. Invented data only, never real people.")]
    private static partial void LogDemo(ILogger logger);

    /// <summary>Throws with every problem at once, so one start tells the operator everything to fix.</summary>
    public static void EnsureSafe(IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        var problems = Problems(configuration, environment, dataDirectory);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The portal refuses to start in {environment.EnvironmentName}:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)));
        }
    }

    private static void AddProductionProblems(IConfiguration configuration, string dataDirectory, List<string> problems)
    {
        var integrations = configuration.GetSection(IntegrationOptions.SectionName).Get<IntegrationOptions>() ?? new IntegrationOptions();
        foreach (var (name, options) in new (string, ExternalServiceOptions)[]
                 {
                     ("CitizenRegistry", integrations.CitizenRegistry),
                     ("PropertyRegistry", integrations.PropertyRegistry),
                     ("Sms", integrations.Sms),
                 })
        {
            if (options.Mode == AdapterMode.Embedded)
            {
                problems.Add($"Integrations:{name}:Mode is Embedded (demo data) — set Integrations:{name}:Mode=Http and Integrations:{name}:BaseUrl.");
            }
        }

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.SeedDemoData)
        {
            problems.Add("Database:SeedDemoData would load the demo registries and the demo 限购 policy table — set Database:SeedDemoData=false.");
        }

        var publicBase = configuration[Features.Shared.PortalAddress.PublicBaseUrlKey];
        if (!Uri.TryCreate(publicBase, UriKind.Absolute, out var publicUri) || publicUri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{Features.Shared.PortalAddress.PublicBaseUrlKey} must be the portal's public https address (e.g. https://wsqy.example.gov.cn); without it QR codes and PDFs would carry whatever Host a request names.");
        }

        var allowedHosts = configuration["AllowedHosts"];
        if (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';').Any(h => h.Trim() == "*"))
        {
            problems.Add("AllowedHosts is * — set AllowedHosts to the portal's host names, separated by ';'.");
        }

        var keyFile = Data.PersonalData.PersonalDataKeys.KeyFilePath(dataDirectory);
        if (File.Exists(keyFile))
        {
            problems.Add($"A personal-data key file lies inside the data folder ({keyFile}): a copy of the folder would carry the keys with the data. Move the keys to PersonalData:EncryptionKey and PersonalData:HashKey (environment or secret store) and delete the file.");
        }

        var retention = configuration.GetSection(LogRetentionOptions.SectionName).Get<LogRetentionOptions>() ?? new LogRetentionOptions();
        if (retention.RetainedDays < LogRetentionOptions.MinimumDays)
        {
            problems.Add($"LogRetention:RetainedDays is {retention.RetainedDays}: network logs must be kept at least {LogRetentionOptions.MinimumDays} days (Cybersecurity Law art. 21).");
        }

        if (!DataProtectionSetup.IsConfigured(configuration))
        {
            problems.Add($"{DataProtectionSetup.CertificatePathKey} (with {DataProtectionSetup.CertificatePasswordKey}) or {DataProtectionSetup.CertificateKey} is not set: the data-protection keys in the database would be readable by anyone with a copy of it.");
        }

        foreach (var key in new[] { DataProtectionSetup.CertificatePathKey })
        {
            if (configuration[key] is { Length: > 0 } path && IsInside(path, dataDirectory))
            {
                problems.Add($"{key} points inside the data folder ({path}): keep the certificate that protects the keys away from the data it protects.");
            }
        }
    }

    private static IEnumerable<string> ListenUrls(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>();
        return urls.Concat(endpoints);
    }

    private static bool IsLoopback(string url)
    {
        var host = url.Replace("://+", "://any-address", StringComparison.Ordinal).Replace("://*", "://any-address", StringComparison.Ordinal);
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static bool IsInside(string path, string directory)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(folder, StringComparison.Ordinal);
    }
}
