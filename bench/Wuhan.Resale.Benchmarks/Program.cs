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

BenchmarkSwitcher.FromAssembly(typeof(ContractPdfBenchmarks).Assembly).Run(args);
