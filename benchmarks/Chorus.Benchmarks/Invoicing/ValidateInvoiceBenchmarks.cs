using System.Xml;
using BenchmarkDotNet.Attributes;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;

namespace Chorus.Benchmarks.Invoicing;

/// <summary>
/// Read + validate one invoice with the EN 16931 rules (XML Schema and every rule of the CEN artefacts v1.3.16), against
/// the floor (an <see cref="XmlReader"/> pass reading every node and value) and what a user would otherwise run in .NET
/// (XML Schema validation alone, <see cref="XmlReader"/> with the compiled <see cref="System.Xml.Schema.XmlSchemaSet"/>).
/// Goal: ≤ 5× the floor; the official schematron in a warm Saxon JVM takes ~4 ms per invoice (issue 10).
/// </summary>
[MemoryDiagnoser]
public class ValidateInvoiceBenchmarks
{
    private static readonly XmlReaderSettings FloorSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
    private byte[] _bytes = [];
    private XmlReaderSettings _schemaSettings = new();

    /// <summary>CEN CII example 1 (34 KB, 20 lines), CEN UBL example 1 (21 KB), a generated 3.3 MB UBL with a base64 attachment.</summary>
    [Params("cii/CII_example1.xml", "ubl/ubl-tc434-example1.xml", "ubl-3mb-attachment")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = ReadInvoiceData.Load(File);
        _schemaSettings = InvoiceValidator.SafeSettings(File.StartsWith("cii", StringComparison.Ordinal) ? SchemaCatalog.Cii : SchemaCatalog.Ubl);
        _ = InvoiceValidator.Default.Validate(_bytes, InvoiceRuleSets.En16931);
    }

    /// <summary>The floor: every node read, every text value materialised, nothing kept.</summary>
    [Benchmark(Baseline = true)]
    public int XmlReaderFloor()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes), FloorSettings);
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

    /// <summary>XML Schema validation only (the usual .NET answer), schema set compiled once.</summary>
    [Benchmark]
    public int XsdOnly()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes), _schemaSettings);
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    /// <summary>Read + validate: XSD and every EN 16931 rule (all native), every problem listed.</summary>
    [Benchmark]
    public int ValidateEn16931() => InvoiceValidator.Default.Validate(_bytes, InvoiceRuleSets.En16931).Problems.Count;
}
