using System.Xml;
using BenchmarkDotNet.Attributes;
using Chorus.Invoicing;

namespace Chorus.Benchmarks.Invoicing;

/// <summary>
/// Reading an invoice into the EN 16931 model, against the floor (an <see cref="XmlReader"/> pass reading every node
/// and value of the same bytes) and what a user would otherwise write (<see cref="XmlDocument"/> + XPath for a handful
/// of fields). Goals: model ≤ 2× the floor, allocations ≤ 3× the file size; the large-attachment UBL within 1.5× of
/// the floor and ≤ 1.2× the decoded attachment size.
/// </summary>
[MemoryDiagnoser]
public class ReadInvoiceBenchmarks
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
    private byte[] _bytes = [];

    /// <summary>CEN CII example 1 (34 KB, 20 lines), CEN UBL example 1 (21 KB), a generated 3.3 MB UBL with a base64 attachment.</summary>
    [Params("cii/CII_example1.xml", "ubl/ubl-tc434-example1.xml", "ubl-3mb-attachment")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _bytes = ReadInvoiceData.Load(File);

    /// <summary>The floor: every node read, every text value materialised, nothing kept.</summary>
    [Benchmark]
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

            if (reader.HasAttributes)
            {
                while (reader.MoveToNextAttribute())
                {
                    n += reader.Value.Length;
                }
            }
        }

        return n;
    }

    /// <summary>What a user would otherwise write: load a DOM, then 11 XPath reads (number, date, parties, totals, lines).</summary>
    [Benchmark(Baseline = true)]
    public int XmlDocumentXPath()
    {
        var doc = new XmlDocument { XmlResolver = null };
        using (var reader = XmlReader.Create(new MemoryStream(_bytes), Settings))
        {
            doc.Load(reader);
        }

        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100");
        ns.AddNamespace("rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100");
        ns.AddNamespace("cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");
        ns.AddNamespace("cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2");
        string[] paths = doc.DocumentElement!.LocalName == "CrossIndustryInvoice"
            ? ["/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID", "//ram:IssueDateTime", "//ram:SellerTradeParty/ram:Name", "//ram:BuyerTradeParty/ram:Name", "//ram:InvoiceCurrencyCode", "//ram:LineTotalAmount", "//ram:TaxBasisTotalAmount", "//ram:TaxTotalAmount", "//ram:GrandTotalAmount", "//ram:DuePayableAmount", "//ram:IncludedSupplyChainTradeLineItem"]
            : ["/*/cbc:ID", "/*/cbc:IssueDate", "//cac:AccountingSupplierParty//cbc:RegistrationName", "//cac:AccountingCustomerParty//cbc:RegistrationName", "/*/cbc:DocumentCurrencyCode", "//cac:LegalMonetaryTotal/cbc:LineExtensionAmount", "//cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", "/*/cac:TaxTotal/cbc:TaxAmount", "//cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", "//cac:LegalMonetaryTotal/cbc:PayableAmount", "//cac:InvoiceLine"];
        var n = 0;
        foreach (var path in paths)
        {
            n += doc.SelectNodes(path, ns)!.Count;
        }

        return n;
    }

    /// <summary>The full EN 16931 model, with source locations, attachments decoded to bytes.</summary>
    [Benchmark]
    public int ReadModel() => InvoiceXml.Read(_bytes).Invoice.Lines.Count;
}
