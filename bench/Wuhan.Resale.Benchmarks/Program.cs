using BenchmarkDotNet.Running;
using Wuhan.Resale.Benchmarks;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Pdf;

// `-- --write-sample <folder>` writes the benchmarked contract (valid, revoked and as a draft) for a look; anything else runs BenchmarkDotNet.
if (args is ["--write-sample", var folder])
{
    var renderer = new ContractPdfRenderer();
    Directory.CreateDirectory(folder);
    File.WriteAllBytes(Path.Combine(folder, "contract-bench.pdf"), renderer.Render(ContractDocumentSamples.Typical()));
    File.WriteAllBytes(Path.Combine(folder, "contract-bench-revoked.pdf"), renderer.Render(ContractDocumentSamples.Typical(), revokedWatermark: true));
    File.WriteAllBytes(Path.Combine(folder, "contract-bench-draft.pdf"), renderer.RenderDraft(ContractDocumentSamples.Draft()));
    return;
}

// `-- --loop <count>` renders the benchmarked contract that many times in a plain loop (for dotnet-trace) and prints the
// mean and the bytes allocated per render.
if (args is ["--loop", var countText])
{
    var renderer = new ContractPdfRenderer();
    var document = ContractDocumentSamples.Typical();
    renderer.Render(document);
    var count = int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var watch = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        renderer.Render(document);
    }

    watch.Stop();
    var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    Console.WriteLine(
        $"{count} renders: {watch.Elapsed.TotalMilliseconds / count:0.00} ms wall, {cpu.TotalMilliseconds / count:0.00} ms CPU " +
        $"(all threads) and {allocated / count / 1024.0:0} KB allocated per render");
    return;
}

// `-- --parallel`: renders on 4 threads at once, 50 times each, and checks every file has the single-threaded length.
if (args is ["--parallel"])
{
    var renderer = new ContractPdfRenderer();
    var document = ContractDocumentSamples.Typical();
    var reference = renderer.Render(document).Length;
    var lengths = new System.Collections.Concurrent.ConcurrentBag<int>();
    Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => lengths.Add(renderer.Render(document).Length));
    var odd = lengths.Count(l => l != reference);
    Console.WriteLine($"{lengths.Count} parallel renders, {odd} of another length than {reference} bytes");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ContractPdfBenchmarks).Assembly).Run(args);
