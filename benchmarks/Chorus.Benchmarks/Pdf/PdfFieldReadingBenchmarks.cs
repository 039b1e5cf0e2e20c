using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Chorus.Invoicing.Pdf;
using Chorus.Invoicing.Pdf.Text;
using Chorus.Invoicing.Tests.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Chorus.Benchmarks.Pdf;

/// <summary>
/// Reading the deposit-form fields of a text invoice as Chorus Pro does (first, second-to-last and last pages). Guards:
/// flat in the page count (1,000 pages within 1.5x of 1 page); at 100 pages, at least 10x faster than PdfPig used
/// naively (open, every page's text, search) with at least 10x fewer allocations; pdftotext on the three pages as a
/// second baseline.
/// </summary>
[MemoryDiagnoser]
public class PdfFieldReadingBenchmarks
{
    private byte[] _pdf = [];
    private string _path = "";

    [Params(1, 3, 100, 1000)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pdf = InvoicePdfs.Invoice(Pages, 2).Pdf;
        _path = Path.Combine(Path.GetTempPath(), $"chorus-bench-{Pages}.pdf");
        File.WriteAllBytes(_path, _pdf);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>What a user would write with PdfPig: open, extract every page's text in reading order, search it.</summary>
    [Benchmark(Baseline = true)]
    public decimal? PdfPigNaive()
    {
        using var doc = PdfDocument.Open(_pdf);
        var pages = new List<(int, IReadOnlyList<string>)>();
        foreach (var page in doc.GetPages())
        {
            pages.Add((page.Number, ContentOrderTextExtractor.GetText(page).Split('\n')));
        }

        return FieldMatcher.Match(pages).TotalInclVat?.Value;
    }

    /// <summary>Our reader: the three pages Chorus Pro reads, nothing else.</summary>
    [Benchmark]
    public decimal? ChorusReadFields() => PdfInspector.ReadFields(_pdf).TotalInclVat?.Value;

    /// <summary>The whole inspection (format, Factur-X, signature, fields): what <c>chorus inspect</c> does.</summary>
    [Benchmark]
    public int ChorusInspect() => PdfInspector.Inspect(_pdf).PagesRead.Count;

    /// <summary>Two threads inspecting the same bytes at once (each call has its own parser state).</summary>
    [Benchmark]
    public int ChorusReadFieldsTwoThreads()
    {
        var a = Task.Run(() => PdfInspector.ReadFields(_pdf));
        var b = Task.Run(() => PdfInspector.ReadFields(_pdf));
        Task.WaitAll(a, b);
        return (a.Result.TotalInclVat is null ? 0 : 1) + (b.Result.TotalInclVat is null ? 0 : 1);
    }

    /// <summary>poppler's pdftotext on the pages Chorus Pro reads (one process for page 1, one for the last two).</summary>
    [Benchmark]
    public int PdftotextThreePages()
    {
        var n = 0;
        foreach (var (first, last) in new[] { (1, 1), (Math.Max(1, Pages - 1), Pages) })
        {
            var psi = new ProcessStartInfo("pdftotext", ["-f", first.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", last.ToString(System.Globalization.CultureInfo.InvariantCulture), "-layout", _path, "-"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi)!;
            n += p.StandardOutput.ReadToEnd().Length;
            p.WaitForExit();
        }

        return n;
    }
}
