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

    /// <summary>Console and a daily rolling JSON file (kept <see cref="LogRetentionOptions.RetainedDays"/> days, a new file
    /// past <see cref="LogRetentionOptions.FileSizeLimitMegabytes"/>) under the data folder, both through the redacting formatter.</summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var retention = builder.Configuration.GetSection(LogRetentionOptions.SectionName).Get<LogRetentionOptions>() ?? new LogRetentionOptions();
        var logDirectory = Path.Combine(DatabaseServiceCollectionExtensions.ResolveDataDirectory(builder.Configuration, builder.Environment), "logs");
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            // Formatting, redaction and writing happen on one background thread per sink, not under a lock on the
            // request's thread; a full buffer makes requests wait rather than lose a line. Flushed when the host stops.
            .WriteTo.Async(sink => sink.Console(new RedactingFormatter(new MessageTemplateTextFormatter(ConsoleTemplate, System.Globalization.CultureInfo.InvariantCulture))),
                blockWhenFull: true)
            .WriteTo.Async(sink => sink.File(
                    new RedactingFormatter(new JsonFormatter(renderMessage: true)),
                    Path.Combine(logDirectory, retention.FilePattern),
                    rollingInterval: RollingInterval.Day,
                    fileSizeLimitBytes: retention.FileSizeLimitMegabytes * 1024L * 1024L,
                    rollOnFileSizeLimit: true,
                    retainedFileCountLimit: null,
                    retainedFileTimeLimit: TimeSpan.FromDays(retention.RetainedDays)),
                blockWhenFull: true),
            // Each host keeps its own logger: the static Log.Logger would mix the logs of hosts in one process.
            preserveStaticLogger: true);
    }
}

/// <summary>
/// Configuration section "LogRetention". The Cybersecurity Law (art. 21) asks for network logs to be kept at least six
/// months: 180 days by default, and Production refuses fewer.
/// </summary>
public sealed class LogRetentionOptions
{
    public const string SectionName = "LogRetention";

    public const int MinimumDays = 180;

    public int RetainedDays { get; set; } = MinimumDays;

    /// <summary>Past this size a day's log continues in a new file (portal-20261126_001.log …).</summary>
    public int FileSizeLimitMegabytes { get; set; } = 100;

    /// <summary>
    /// Name the files after the machine (portal-&lt;host&gt;-20261126.log), for instances that share one log folder
    /// (docker-compose's replicas): two processes never write one file.
    /// </summary>
    public bool FilePerInstance { get; set; }

    public string FilePattern =>
        FilePerInstance ? $"portal-{SafeName(Environment.MachineName)}-.log" : "portal-.log";

    private static string SafeName(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')]);
}
