using System.Globalization;

namespace Wuhan.Resale.LoadRun;

/// <summary>The command line: <c>--base-url</c>, <c>--duration</c>, <c>--concurrency</c>, <c>--journeys</c>, <c>--first</c>, <c>--population</c>, <c>--revoke-every</c>.</summary>
internal sealed record LoadRunOptions
{
    /// <summary>
    /// The portal's instances; with more than one, every request goes to the next in turn (a round-robin balancer
    /// without sticky sessions), so each journey crosses instances between any two steps.
    /// </summary>
    public IReadOnlyList<Uri> BaseUrls { get; init; } = [new("http://127.0.0.1:5391")];

    /// <summary>How long new journeys are started; journeys under way then are finished and counted.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Journeys running at once (each a seller's desktop browser and phone).</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Stop after this many journeys instead of after <see cref="Duration"/> (smoke mode: <c>--journeys 1</c>).</summary>
    public int? Journeys { get; init; }

    /// <summary>The first journey number to use: another run against the same data starts where the last one stopped.</summary>
    public int First { get; init; }

    /// <summary>How many journeys the portal was seeded with (<c>seed-load-population</c>); the run stops before running out.</summary>
    public int Population { get; init; } = 20_000;

    /// <summary>Every n-th journey revokes its filed contract (10 → 10 %); 0 never.</summary>
    public int RevokeEvery { get; init; } = 10;

    /// <summary>Journeys run before the measured run (numbers taken from the population too), so JIT and caches are warm.</summary>
    public int Warmup { get; init; } = 4;

    public const string Usage = """
        Wuhan.Resale.LoadRun — whole seller journeys against a running portal (Demo or Development environment).
          --base-url <url>       portal address (default http://127.0.0.1:5391); repeat it for several instances:
                                 requests then go to each in turn
          --duration <seconds>   start journeys for this long (default 60)
          --concurrency <n>      journeys at once (default 16)
          --journeys <n>         run exactly n journeys instead (smoke: --journeys 1)
          --first <n>            first journey number of the seeded population (default 0)
          --population <n>       journeys seeded with seed-load-population (default 20000)
          --revoke-every <n>     every n-th journey revokes its contract (default 10; 0 = never)
          --warmup <n>           unmeasured journeys first (default 4; 0 = none)
        Exit code 0 only when every journey completed without an error or a 5xx.
        """;

    public static LoadRunOptions? Parse(string[] args, TextWriter error)
    {
        var options = new LoadRunOptions();
        var baseUrls = new List<Uri>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help" || i + 1 >= args.Length)
            {
                error.WriteLine(Usage);
                return null;
            }

            var value = args[++i];
            try
            {
                options = name switch
                {
                    "--base-url" => options with
                    {
                        BaseUrls = [.. baseUrls, new Uri(value.TrimEnd('/') + "/", UriKind.Absolute)],
                    },
                    "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(value)) },
                    "--concurrency" => options with { Concurrency = Positive(value) },
                    "--journeys" => options with { Journeys = Positive(value) },
                    "--first" => options with { First = NonNegative(value) },
                    "--population" => options with { Population = Positive(value) },
                    "--revoke-every" => options with { RevokeEvery = NonNegative(value) },
                    "--warmup" => options with { Warmup = NonNegative(value) },
                    _ => throw new FormatException($"unknown option {name}"),
                };
                if (name == "--base-url")
                {
                    baseUrls = [.. options.BaseUrls];
                }
            }
            catch (UriFormatException ex)
            {
                error.WriteLine($"{name} {value}: {ex.Message}");
                error.WriteLine(Usage);
                return null;
            }
            catch (FormatException ex)
            {
                error.WriteLine($"{name} {value}: {ex.Message}");
                error.WriteLine(Usage);
                return null;
            }
        }

        return options;
    }

    private static int Positive(string value) =>
        NonNegative(value) is > 0 and var n ? n : throw new FormatException("must be at least 1");

    private static int NonNegative(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException("not a whole number");
}
