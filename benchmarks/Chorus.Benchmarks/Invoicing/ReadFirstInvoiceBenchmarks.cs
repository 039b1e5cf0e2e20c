using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Chorus.Invoicing;

namespace Chorus.Benchmarks.Invoicing;

/// <summary>
/// The first invoice read in a new process (JIT and type loading included, no XmlSerializer generation): what a CLI
/// call or a serverless cold start pays. Each launch is a fresh process measured on its first call. Goal ≤ 40 ms.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 10, warmupCount: 0, iterationCount: 1)]
public class ReadFirstInvoiceBenchmarks
{
    private byte[] _cii = [];

    [GlobalSetup]
    public void Setup() => _cii = ReadInvoiceData.Load("cii/CII_example1.xml");

    /// <summary>Read CII_example1 into the model, first call in the process.</summary>
    [Benchmark]
    public int FirstReadInNewProcess() => InvoiceXml.Read(_cii).Invoice.Lines.Count;
}
