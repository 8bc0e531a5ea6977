using BenchmarkDotNet.Attributes;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Benchmarks;

/// <summary>The typical filed contract of the PDF tests (two co-owners, two buyers, a long 第十一条: three pages).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ContractPdfBenchmarks
{
    private readonly ContractPdfRenderer _renderer = new();
    private readonly ContractDocument _document = ContractDocumentSamples.Typical();

    [GlobalSetup]
    public void ReportSize()
    {
        // The first render loads the 10 MB font and PDFsharp's font tables; it is setup, not the measured work.
        var pdf = _renderer.Render(_document);
        Console.WriteLine($"// PDF size: {pdf.Length} bytes ({pdf.Length / 1024.0:0.0} KB)");
    }

    [Benchmark]
    public byte[] RenderTypicalContract() => _renderer.Render(_document);
}
