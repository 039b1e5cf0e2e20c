using Chorus.Invoicing.Pdf;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Pdf;

public class PdfInspectorTests
{
    public static TheoryData<int, int> Layouts => new() { { 1, 0 }, { 2, 1 }, { 3, 0 }, { 5, 2 }, { 7, 1 }, { 9, 2 }, { 40, 0 }, { 1000, 2 } };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Inspect_GeneratedInvoice_FindsEveryFieldOnTheChorusProPages(int pages, int variant)
    {
        var (pdf, want) = InvoicePdfs.Invoice(pages, variant);
        var r = PdfInspector.Inspect(pdf);
        Assert.Equal(pages, r.Pages);
        Assert.Equal(new[] { 1, pages - 1, pages }.Where(p => p >= 1).Distinct().Order(), r.PagesRead);
        Assert.True(r.TextLayer);
        Assert.Equal(PdfFormat.Pdf, r.Format);
        var f = r.Fields;
        Assert.Equal(want.SiretDestinataire, f.RecipientSiret?.Value.ToString());
        Assert.Equal(want.SiretEmetteur, f.SupplierSiret?.Value.ToString());
        Assert.Equal(want.CodeService, f.ServiceCode?.Value);
        Assert.Equal(want.NumeroEngagement, f.EngagementNumber?.Value);
        Assert.Equal(want.InvoiceNumber, f.InvoiceNumber?.Value);
        Assert.Equal(want.InvoiceDate, f.InvoiceDate?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(want.TotalExclVat, f.TotalExclVat?.Value);
        Assert.Equal(want.TotalVat, f.TotalVat?.Value);
        Assert.Equal(want.TotalInclVat, f.TotalInclVat?.Value);
    }

    [Fact]
    public void Inspect_RecipientSiretOnlyOnRecapPage_ProvenanceNamesThatPageAndLabel()
    {
        var (pdf, _) = InvoicePdfs.Invoice(9, 2);
        var siret = PdfInspector.Inspect(pdf).Fields.RecipientSiret!;
        Assert.Equal(8, siret.Page);
        Assert.Equal("SIRET client", siret.Label);
        Assert.StartsWith("SIRET client : ", siret.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_DecoysOnUnreadPages_AreNeverRead()
    {
        // the decoys sit on pages 2..n-2; a naive reader that scans every page would find "Total TTC : 9 999 999,99"
        var (pdf, _) = InvoicePdfs.Invoice(10, 0);
        var r = PdfInspector.Inspect(pdf);
        Assert.Equal([1, 9, 10], r.PagesRead);
        Assert.Equal(1500m, r.Fields.TotalInclVat!.Value);
        Assert.Equal(10, r.Fields.TotalInclVat.Page);
    }

    [Fact]
    public void PageText_GeneratedPage_SameLinesAsPdftotext()
    {
        var pdftotext = ExternalTool.RequireOrSkip("pdftotext", "poppler-utils");
        var (pdf, _) = InvoicePdfs.Invoice(1, 0);
        var path = Path.Combine(Path.GetTempPath(), $"chorus-text-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var (code, stdout, _) = ExternalTool.Run(pdftotext, ["-raw", "-enc", "UTF-8", path, "-"]);
            Assert.Equal(0, code);
            var expected = stdout.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l != "\f").ToList();
            var file = Chorus.Invoicing.Pdf.Internal.PdfFile.Open(pdf);
            var ours = Chorus.Invoicing.Pdf.Text.PageText.Lines(file, Chorus.Invoicing.Pdf.Internal.PageTree.Find(file, 1)!);
            Assert.Equal(expected.Select(Squash), ours.Select(Squash));
        }
        finally
        {
            File.Delete(path);
        }

        static string Squash(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("1 250,00 €", 1250.00)]
    [InlineData("1.250,50", 1250.50)]
    [InlineData("20 % : 250,00 €", 250.00)]
    [InlineData("12 345 678,9", 12345678.9)]
    [InlineData("1250.75 EUR", 1250.75)]
    public void ParseAmount_FrenchNumberFormats_AreNormalised(string text, double expected) =>
        Assert.Equal((decimal)expected, Chorus.Invoicing.Pdf.Text.FieldMatcher.ParseAmount(text));

    [Theory]
    [InlineData(": 15/11/2026", "2026-11-15")]
    [InlineData("du 3 février 2026", "2026-02-03")]
    [InlineData("2026-01-31", "2026-01-31")]
    [InlineData("31.12.2025", "2025-12-31")]
    public void ParseDate_FrenchDates_AreIso(string text, string iso) =>
        Assert.Equal(iso, Chorus.Invoicing.Pdf.Text.FieldMatcher.ParseDate(text)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void ParseDate_ImpossibleDate_IsNull() => Assert.Null(Chorus.Invoicing.Pdf.Text.FieldMatcher.ParseDate("31/02/2026"));

    [Theory]
    [MemberData(nameof(CorpusPdfs))]
    public void Inspect_CorpusFacturX_IsFacturXWithATextLayer(string file)
    {
        var r = PdfInspector.Inspect(File.ReadAllBytes(TestData.PathOf("facturx", file)));
        Assert.Equal(PdfFormat.FacturX, r.Format);
        Assert.NotNull(r.FacturX);
        Assert.True(r.TextLayer, string.Join("; ", r.Problems));
        Assert.True(r.Pages >= 1);
    }

    [Fact]
    public void Inspect_FnfeSample_ReadsTheFieldsItsTextAnnounces()
    {
        // FNFE-MPE sample: the text (checked with pdftotext -layout) says "FACTURE N° : F20220025", "Date : 31/01/2022",
        // "SERVICE EXECUTANT : SERVEXEC", "N° BON DE COMMANDE : PO201925478"; the embedded XML carries the same BT-1,
        // BT-2, BT-13 values. It gives a SIREN, not a SIRET: no SIRET must be invented.
        var r = PdfInspector.Inspect(File.ReadAllBytes(TestData.PathOf("facturx", "Facture_F20220025-LE_FOURNISSEUR-POUR-LE_CLIENT_MINIMUM.pdf")));
        Assert.Equal("F20220025", r.Fields.InvoiceNumber?.Value);
        Assert.Equal(new DateTime(2022, 1, 31), r.Fields.InvoiceDate?.Value);
        Assert.Equal("SERVEXEC", r.Fields.ServiceCode?.Value);
        Assert.Equal("PO201925478", r.Fields.EngagementNumber?.Value);
        Assert.Null(r.Fields.RecipientSiret);
        Assert.Null(r.Fields.SupplierSiret);
        var xml = System.Text.Encoding.UTF8.GetString(r.FacturX!.Invoice!.ToArray());
        Assert.Contains(">F20220025<", xml, StringComparison.Ordinal);
        Assert.Contains(">PO201925478<", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_SignedPdf_IsSigned()
    {
        Assert.True(PdfInspector.Inspect(File.ReadAllBytes(TestData.PathOf("facturx", "signed-tail-uncovered.pdf"))).Signed);
        Assert.False(PdfInspector.Inspect(InvoicePdfs.Invoice(1).Pdf).Signed);
    }

    public static TheoryData<string> CorpusPdfs => Chorus.Invoicing.Tests.FacturX.FacturXDocumentTests.WithInvoice;
}
