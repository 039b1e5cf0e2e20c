using BenchmarkDotNet.Attributes;
using Chorus.Invoicing.FacturX;
using Chorus.Invoicing.Tests.Pdf;

namespace Chorus.Benchmarks.Pdf;

/// <summary>
/// Extracting the embedded invoice XML of a Factur-X file must cost about what reading the file costs (within 2x),
/// whatever the page count: trailer → catalog → EmbeddedFiles → file stream, no page parsed.
/// </summary>
[MemoryDiagnoser]
public class FacturXExtractBenchmarks
{
    private string _path = "";

    [Params(1, 100, 1000)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var xml = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "CII_example1.xml"));
        var pdf = FacturXCreator.Create(InvoicePdfs.Invoice(Pages).Pdf, xml).Pdf;
        _path = Path.Combine(Path.GetTempPath(), $"chorus-bench-fx-{Pages}.pdf");
        File.WriteAllBytes(_path, pdf);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>Reading the file's bytes: the floor any extraction pays.</summary>
    [Benchmark(Baseline = true)]
    public int ReadFileBytes() => File.ReadAllBytes(_path).Length;

    [Benchmark]
    public int ReadFileAndExtractXml() => FacturXDocument.Read(File.ReadAllBytes(_path)).Invoice!.Content.Length;
}
