using Chorus.Invoicing.FacturX;
using Chorus.Invoicing.Pdf;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.FacturX;

public class FacturXDocumentTests
{
    public static TheoryData<string> WithInvoice => CorpusRow.Files(r => r.EmbeddedXml != "-");

    public static TheoryData<string> WithoutInvoice => CorpusRow.Files(r => r.EmbeddedXml == "-");

    [Theory]
    [MemberData(nameof(WithInvoice))]
    public void Read_CorpusFactorX_FindsTheEmbeddedFileTheCorpusLists(string file)
    {
        var row = CorpusRow.Get(file);
        var doc = FacturXDocument.Read(File.ReadAllBytes(row.Path));
        Assert.NotNull(doc.Invoice);
        Assert.Equal(row.EmbeddedXml, doc.Invoice!.FileName);
        Assert.Equal(row.Syntax == "zf1" ? EmbeddedInvoiceSyntax.Zugferd1 : EmbeddedInvoiceSyntax.Cii, doc.Invoice.Syntax);
    }

    [Theory]
    [MemberData(nameof(WithInvoice))]
    public void Read_CorpusFactorX_XmpLevelAndVersionAreTheCorpusOnes(string file)
    {
        var row = CorpusRow.Get(file);
        var doc = FacturXDocument.Read(File.ReadAllBytes(row.Path));
        if (row.XmpConformance == "-")
        {
            Assert.Null(doc.Metadata.ConformanceLevel);
            Assert.Contains(doc.Problems, p => p.Contains("no Factur-X/ZUGFeRD XMP", StringComparison.Ordinal));
            return;
        }

        var parts = row.XmpConformance.Split('/');
        Assert.Equal(parts[0], doc.Metadata.ConformanceLevel);
        Assert.Equal(parts[1], doc.Metadata.Version);
    }

    [Theory]
    [MemberData(nameof(WithInvoice))]
    public void Read_CorpusFactorX_BytesAreWhatQpdfExtracts(string file)
    {
        var qpdf = ExternalTool.RequireOrSkip("qpdf", "qpdf");
        var row = CorpusRow.Get(file);
        var doc = FacturXDocument.Read(File.OpenRead(row.Path));
        var expected = QpdfAttachment(qpdf, row.Path, row.EmbeddedXml);
        Assert.Equal(expected, doc.Invoice!.ToArray());
    }

    [Theory]
    [MemberData(nameof(WithoutInvoice))]
    public void Read_CorpusFileWithoutInvoice_ThrowsPdfFormatExceptionOrHasNoInvoice(string file)
    {
        var row = CorpusRow.Get(file);
        try
        {
            var doc = FacturXDocument.Read(File.ReadAllBytes(row.Path));
            Assert.Null(doc.Invoice);
            Assert.NotEmpty(doc.Problems);
        }
        catch (PdfFormatException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }
    }

    [Fact]
    public void Read_HeaderOnlyTruncatedPdf_HasNoInvoiceWhileInspectCannotReadIt()
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("facturx", "corrupt-factur-x-waytoosmall.pdf"));
        var doc = FacturXDocument.Read(bytes);
        Assert.Null(doc.Invoice);
        Assert.Contains(doc.Problems, p => p.Contains("no objects", StringComparison.Ordinal));
        Assert.Throws<PdfFormatException>(() => PdfInspector.Inspect(bytes));
    }

    [Fact]
    public void Read_PasswordProtectedPdf_SaysItIsEncrypted()
    {
        var doc = FacturXDocument.Read(File.ReadAllBytes(TestData.PathOf("facturx", "PDFWithPassword.pdf")));
        Assert.True(doc.IsEncrypted);
        Assert.Null(doc.Invoice);
        Assert.Contains(doc.Problems, p => p.Contains("encrypted", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_XmpLevelNoThing_ReportsUnknownLevelAndFallsBackToBt24()
    {
        var doc = FacturXDocument.Read(File.ReadAllBytes(TestData.PathOf("facturx", "invalidXMP.pdf")));
        Assert.Equal("no thing", doc.Metadata.ConformanceLevel);
        Assert.Null(doc.Metadata.Profile);
        Assert.Equal(FacturXProfiles.En16931, doc.Profile);
        Assert.Contains(doc.Problems, p => p.Contains("not a Factur-X/ZUGFeRD level", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MINIMUM_Rechnung_fx.pdf", "MINIMUM", AFRelationship.Data)]
    [InlineData("BASIC-WL_Einfach_fx.pdf", "BASIC WL", AFRelationship.Data)]
    [InlineData("EN16931_Einfach_fx.pdf", "EN 16931", AFRelationship.Alternative)]
    [InlineData("EXTENDED_Warenrechnung_fx.pdf", "EXTENDED", AFRelationship.Alternative)]
    public void Read_OfficialSample_ProfileAndRelationshipFollowTheSpecification(string file, string profile, AFRelationship relationship)
    {
        var doc = FacturXDocument.Read(File.ReadAllBytes(TestData.PathOf("facturx", file)));
        Assert.Equal(profile, doc.Profile);
        Assert.Equal(profile, doc.Invoice!.Profile);
        Assert.Equal(relationship, doc.Invoice.File.Relationship);
        Assert.Equal(3, doc.Metadata.PdfAPart);
        Assert.Empty(doc.Problems);
    }

    [Fact]
    public void Read_PdfA4Carrier_ReportsPart4()
    {
        var doc = FacturXDocument.Read(File.ReadAllBytes(TestData.PathOf("facturx", "EXTENDED_Fremdwaehrung_wdis_fx-pdfa4.pdf")));
        Assert.Equal(4, doc.Metadata.PdfAPart);
        Assert.Equal(FacturXProfiles.Extended, doc.Profile);
    }

    internal static byte[] QpdfAttachment(string qpdf, string pdf, string name)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(qpdf) { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("--show-attachment=" + name);
        psi.ArgumentList.Add(pdf);
        using var p = System.Diagnostics.Process.Start(psi)!;
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        return ms.ToArray();
    }
}
