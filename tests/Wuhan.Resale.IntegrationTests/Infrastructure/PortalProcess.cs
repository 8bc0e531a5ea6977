using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// The portal as a separate process on real Kestrel (the build's Wuhan.Resale.Web.dll, started with <c>dotnet</c> from
/// the project folder as <c>dotnet run</c> would), for what an in-memory test host cannot show: several instances on one
/// database. Its console output goes to <c>process.out</c> in its data folder.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _output;

    private PortalProcess(Process process, StreamWriter output, Uri address, string dataDirectory)
    {
        _process = process;
        _output = output;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    public string OutputPath => Path.Combine(DataDirectory, "process.out");

    /// <summary>Everything the process printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                _output.Flush();
            }

            using var stream = new FileStream(OutputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The folder of the portal project (content root: appsettings, wwwroot).</summary>
    public static string ProjectDirectory => Path.Combine(RepositoryRoot, "src", "Wuhan.Resale.Web");

    /// <summary>The build of the same configuration as this test assembly (Debug or Release).</summary>
    public static string Assembly(string project, string folder) =>
        Path.Combine(RepositoryRoot, folder, project, "bin", Configuration, "net10.0", project + ".dll");

    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>Starts an instance on a free loopback port and waits until <c>/healthz</c> answers.</summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = address.GetLeftPart(UriPartial.Authority),
            ["Storage__DataDirectory"] = dataDirectory,
        };
        var output = new StreamWriter(new FileStream(Path.Combine(dataDirectory, "process.out"), FileMode.Create, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8);
        var process = Launch(Assembly("Wuhan.Resale.Web", "src"), [], environment, output);
        var portal = new PortalProcess(process, output, address, dataDirectory);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            if (process.HasExited)
            {
                var printed = portal.Output;
                await portal.DisposeAsync();
                throw new InvalidOperationException($"The portal at {address} stopped while starting (exit {process.ExitCode}):\n{Tail(printed)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(address, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still migrating or seeding.
            }

            if (DateTime.UtcNow > deadline)
            {
                var printed = portal.Output;
                await portal.DisposeAsync();
                throw new InvalidOperationException($"The portal at {address} did not answer /healthz within two minutes:\n{Tail(printed)}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Runs a .NET program of the build to its end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string assembly, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var path = Path.Combine(Path.GetTempPath(), "wuhan-resale-tests", "run-" + Guid.NewGuid().ToString("N") + ".out");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var output = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8))
        {
            using var process = Launch(assembly, arguments, environment, output);
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }

            process.WaitForExit(); // the output events of a finished process
            lock (output)
            {
                output.Flush();
            }

            var text = await File.ReadAllTextAsync(path);
            File.Delete(path);
            return (cancel.IsCancellationRequested ? -1 : process.ExitCode, text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.WaitForExit();
        _process.Dispose();
        lock (_output)
        {
            _output.Dispose();
        }
    }

    private static Process Launch(string assembly, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, StreamWriter output)
    {
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: build the solution first (scripts/test.sh does).");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        start.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        void Write(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.WriteLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Write;
        process.ErrorDataReceived += Write;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Wuhan.Resale.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Wuhan.Resale.sln was not found above " + AppContext.BaseDirectory);
    }
}
