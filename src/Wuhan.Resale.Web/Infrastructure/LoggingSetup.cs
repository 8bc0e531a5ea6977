using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure;

public static class LoggingSetup
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Console and a daily rolling JSON file under the data folder, both through the redacting formatter.</summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logDirectory = Path.Combine(DatabaseServiceCollectionExtensions.ResolveDataDirectory(builder.Configuration, builder.Environment), "logs");
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(new RedactingFormatter(new MessageTemplateTextFormatter(ConsoleTemplate, System.Globalization.CultureInfo.InvariantCulture)))
            .WriteTo.File(
                new RedactingFormatter(new JsonFormatter(renderMessage: true)),
                Path.Combine(logDirectory, "portal-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 30,
                shared: true),
            // Each host keeps its own logger: the static Log.Logger would mix the logs of hosts in one process.
            preserveStaticLogger: true);
    }
}
