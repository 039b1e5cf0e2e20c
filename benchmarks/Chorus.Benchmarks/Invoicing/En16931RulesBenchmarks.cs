using System.Xml;
using BenchmarkDotNet.Attributes;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules;

namespace Chorus.Benchmarks.Invoicing;

/// <summary>
/// The EN 16931 rules on one invoice: the native rules (tree, model read, C# rules, tree tables) against the XmlReader
/// floor on the same bytes (the official schematron in Saxon, ~4 ms per invoice warm, is measured by the acceptance
/// check's batch run, not here: no JVM in BenchmarkDotNet). The goal of the issue: read + validate within 5x the floor.
/// </summary>
[MemoryDiagnoser]
public class En16931RulesBenchmarks
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
    private byte[] _bytes = [];
    private string _syntax = "";

    /// <summary>CEN CII example 1 (34 KB, 20 lines) and CEN UBL example 1 (21 KB).</summary>
    [Params("cii/CII_example1.xml", "ubl/ubl-tc434-example1.xml")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = ReadInvoiceData.Load(File);
        _syntax = File.StartsWith("cii", StringComparison.Ordinal) ? "cii" : "ubl";
    }

    /// <summary>The floor: every node read, every text value materialised.</summary>
    [Benchmark(Baseline = true)]
    public int XmlReaderFloor()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes), Settings);
        var n = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Text)
            {
                n += reader.Value.Length;
            }
        }

        return n;
    }

    /// <summary>The native rules: model read, C# rules on the model, code list and syntax tables on the tree.</summary>
    [Benchmark]
    public int NativeRules()
    {
        var doc = Tree();
        var problems = new List<ValidationProblem>();
        NativeEn16931.Check(new ArraySegment<byte>(_bytes), doc, _syntax, problems);
        return problems.Count;
    }

    private XNode Tree()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes), Settings);
        return XTreeBuilder.Build(reader);
    }
}
