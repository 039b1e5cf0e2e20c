using System.Text;
using BenchmarkDotNet.Attributes;
using Chorus.Invoicing.Validation;

namespace Chorus.Benchmarks.Invoicing;

/// <summary>
/// Read + validate (EN 16931) of invoices of 100, 1,000 and 10,000 lines: time and memory must grow in proportion to
/// the lines (issue 10: "a 10,000-line invoice validates with memory proportional to its lines"). The invoices are
/// CEN CII example 1 with its first line repeated (new line ids); their totals no longer add up, so BR-CO-10 and its
/// kin fire once each, which is part of what a real run does.
/// </summary>
[MemoryDiagnoser]
public class ValidateLargeInvoiceBenchmarks
{
    private byte[] _bytes = [];

    /// <summary>Invoice lines.</summary>
    [Params(100, 1_000, 10_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = WithLines(Lines);
        _ = InvoiceValidator.Default.Validate(_bytes, InvoiceRuleSets.En16931);
    }

    /// <summary>Read + validate with the EN 16931 rule set.</summary>
    [Benchmark]
    public int Validate() => InvoiceValidator.Default.Validate(_bytes, InvoiceRuleSets.En16931).Problems.Count;

    /// <summary>CII example 1 with its first line repeated <paramref name="lines"/> times.</summary>
    internal static byte[] WithLines(int lines)
    {
        var text = Encoding.UTF8.GetString(ReadInvoiceData.Load("cii/CII_example1.xml"));
        const string Open = "<ram:IncludedSupplyChainTradeLineItem>", Close = "</ram:IncludedSupplyChainTradeLineItem>";
        var first = text.IndexOf(Open, StringComparison.Ordinal);
        var last = text.LastIndexOf(Close, StringComparison.Ordinal) + Close.Length;
        var line = text[first..(text.IndexOf(Close, first, StringComparison.Ordinal) + Close.Length)];
        var idStart = line.IndexOf("<ram:LineID>", StringComparison.Ordinal) + "<ram:LineID>".Length;
        var idEnd = line.IndexOf("</ram:LineID>", StringComparison.Ordinal);
        var sb = new StringBuilder(text.Length + (line.Length * lines));
        sb.Append(text, 0, first);
        for (var i = 1; i <= lines; i++)
        {
            sb.Append(line, 0, idStart).Append(i).Append(line, idEnd, line.Length - idEnd);
        }

        sb.Append(text, last, text.Length - last);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
