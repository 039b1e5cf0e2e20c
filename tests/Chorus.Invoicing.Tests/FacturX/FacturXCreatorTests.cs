using System.Text;
using Chorus.Invoicing.FacturX;
using Chorus.Invoicing.Pdf;
using Chorus.Invoicing.Tests.Pdf;
using Chorus.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Chorus.Invoicing.Tests.FacturX;

public class FacturXCreatorTests
{
    private static readonly byte[] Xml = File.ReadAllBytes(TestData.PathOf("facturx", "CII_example1.xml"));

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 7, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Create_PlainPdf_QpdfChecksItAndShowsTheSameXmlBytes()
    {
        var qpdf = ExternalTool.RequireOrSkip("qpdf", "qpdf");
        var (pdf, _) = InvoicePdfs.Invoice(2);
        var result = FacturXCreator.Create(pdf, Xml, new FacturXCreateOptions { TimeProvider = Clock });
        var path = Temp(result.Pdf);
        try
        {
            var check = ExternalTool.Run(qpdf, ["--check", path]);
            Assert.True(check.ExitCode is 0 or 3, check.Stdout + check.Stderr);
            Assert.Contains("No syntax or stream encoding errors", check.Stdout, StringComparison.Ordinal);
            Assert.Equal(Xml, FacturXDocumentTests.QpdfAttachment(qpdf, path, "factur-x.xml"));
            var list = ExternalTool.Run(qpdf, ["--list-attachments", "--verbose", path]);
            Assert.Contains("factur-x.xml", list.Stdout, StringComparison.Ordinal);
            Assert.Contains("text/xml", list.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_PlainPdf_IsAnIncrementalUpdateOfTheOriginalBytes()
    {
        var (pdf, _) = InvoicePdfs.Invoice(3);
        var result = FacturXCreator.Create(pdf, Xml, new FacturXCreateOptions { TimeProvider = Clock });
        Assert.True(result.Pdf.AsSpan(0, pdf.Length).SequenceEqual(pdf));
        Assert.Contains("/Prev", Encoding.ASCII.GetString(result.Pdf, pdf.Length, result.Pdf.Length - pdf.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_En16931Invoice_ReadsBackWithXmpProfileAlternativeAndPdfA3()
    {
        var (pdf, want) = InvoicePdfs.Invoice(4);
        var result = FacturXCreator.Create(pdf, Xml, new FacturXCreateOptions { TimeProvider = Clock });
        Assert.Equal(FacturXProfiles.En16931, result.Profile);
        Assert.Equal(AFRelationship.Alternative, result.Relationship);
        var doc = FacturXDocument.Read(result.Pdf);
        Assert.Equal(Xml, doc.Invoice!.ToArray());
        Assert.Equal("factur-x.xml", doc.Invoice.FileName);
        Assert.Equal(AFRelationship.Alternative, doc.Invoice.File.Relationship);
        Assert.True(doc.Invoice.File.InAssociatedFiles);
        Assert.Equal("EN 16931", doc.Metadata.ConformanceLevel);
        Assert.Equal("1.0", doc.Metadata.Version);
        Assert.Equal("INVOICE", doc.Metadata.DocumentType);
        Assert.Equal(3, doc.Metadata.PdfAPart);
        Assert.Equal("B", doc.Metadata.PdfAConformance);
        Assert.Empty(doc.Problems);
        var inspection = PdfInspector.Inspect(result.Pdf);
        Assert.Equal(PdfFormat.FacturX, inspection.Format);
        Assert.Equal(want.InvoiceNumber, inspection.Fields.InvoiceNumber?.Value);
    }

    [Fact]
    public void Create_WithFakeClock_ParamsAndXmpCarryItsTime()
    {
        var (pdf, _) = InvoicePdfs.Invoice(1);
        var text = Encoding.Latin1.GetString(FacturXCreator.Create(pdf, Xml, new FacturXCreateOptions { TimeProvider = Clock }).Pdf);
        Assert.Contains("/ModDate (D:20261126073000+00'00')", text, StringComparison.Ordinal);
        Assert.Contains("<xmp:ModifyDate>2026-11-26T07:30:00+00:00</xmp:ModifyDate>", text, StringComparison.Ordinal);
        Assert.Contains($"/Size {Xml.Length}", text, StringComparison.Ordinal);
        Assert.Contains("/Subtype /text#2Fxml", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MinimumProfile_UsesRelationshipDataPerTheSpecification()
    {
        var minimum = FacturXDocument.Read(File.ReadAllBytes(TestData.PathOf("facturx", "MINIMUM_Rechnung_fx.pdf"))).Invoice!.ToArray();
        var (pdf, _) = InvoicePdfs.Invoice(1);
        var result = FacturXCreator.Create(pdf, minimum, new FacturXCreateOptions { TimeProvider = Clock });
        Assert.Equal(FacturXProfiles.Minimum, result.Profile);
        Assert.Equal(AFRelationship.Data, FacturXDocument.Read(result.Pdf).Invoice!.File.Relationship);
    }

    [Fact]
    public void Create_HelveticaNotEmbedded_WarnsThatThePdfAClaimIsNotTrue()
    {
        var (pdf, _) = InvoicePdfs.Invoice(1);
        var result = FacturXCreator.Create(pdf, Xml, new FacturXCreateOptions { TimeProvider = Clock });
        Assert.Contains(result.Warnings, w => w.Contains("Helvetica", StringComparison.Ordinal) && w.Contains("PDF/A-3", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_OnExistingFacturX_ReplacesTheInvoiceAndKeepsTheOtherAttachments()
    {
        var qpdf = ExternalTool.RequireOrSkip("qpdf", "qpdf");
        var original = File.ReadAllBytes(TestData.PathOf("facturx", "invoice_EN16931.pdf"));
        var result = FacturXCreator.Create(original, Xml, new FacturXCreateOptions { TimeProvider = Clock });
        var path = Temp(result.Pdf);
        try
        {
            var list = ExternalTool.Run(qpdf, ["--list-attachments", path]).Stdout;
            Assert.Contains("Bon_de_livraison.pdf", list, StringComparison.Ordinal);
            Assert.Equal(Xml, FacturXDocumentTests.QpdfAttachment(qpdf, path, "factur-x.xml"));
            Assert.True(ExternalTool.Run(qpdf, ["--check", path]).ExitCode is 0 or 3);
            var doc = FacturXDocument.Read(result.Pdf);
            Assert.Single(doc.EmbeddedFiles, f => f.Name == "factur-x.xml");
            Assert.Single(doc.EmbeddedFiles, f => f.Name == "Bon_de_livraison.pdf");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_OnXrefStreamPdfWithObjectStreams_WritesAnXrefStreamQpdfAccepts()
    {
        var qpdf = ExternalTool.RequireOrSkip("qpdf", "qpdf");
        var (plain, want) = InvoicePdfs.Invoice(5, 1);
        var plainPath = Temp(plain);
        var compressed = plainPath + ".objstm.pdf";
        try
        {
            Assert.Equal(0, ExternalTool.Run(qpdf, ["--object-streams=generate", plainPath, compressed]).ExitCode);
            var source = File.ReadAllBytes(compressed);
            // our reader on cross-reference and object streams first
            Assert.Equal(want.SiretDestinataire, PdfInspector.Inspect(source).Fields.RecipientSiret?.Value.ToString());
            var result = FacturXCreator.Create(source, Xml, new FacturXCreateOptions { TimeProvider = Clock });
            var tail = Encoding.ASCII.GetString(result.Pdf, source.Length, result.Pdf.Length - source.Length);
            Assert.Contains("/Type /XRef", tail, StringComparison.Ordinal);
            Assert.DoesNotContain("\nxref\n", tail, StringComparison.Ordinal);
            var outPath = Temp(result.Pdf);
            try
            {
                Assert.True(ExternalTool.Run(qpdf, ["--check", outPath]).ExitCode is 0 or 3);
                Assert.Equal(Xml, FacturXDocumentTests.QpdfAttachment(qpdf, outPath, "factur-x.xml"));
            }
            finally
            {
                File.Delete(outPath);
            }

            Assert.Equal(Xml, FacturXDocument.Read(result.Pdf).Invoice!.ToArray());
        }
        finally
        {
            File.Delete(plainPath);
            File.Delete(compressed);
        }
    }

    [Fact]
    public void Create_SignedPdf_KeepsTheSignedBytesAndWarns()
    {
        var signed = File.ReadAllBytes(TestData.PathOf("facturx", "signed-tail-uncovered.pdf"));
        var result = FacturXCreator.Create(signed, Xml, new FacturXCreateOptions { TimeProvider = Clock });
        Assert.True(result.Pdf.AsSpan(0, signed.Length).SequenceEqual(signed)); // what the /ByteRange covers is untouched
        Assert.Contains(result.Warnings, w => w.Contains("signed", StringComparison.Ordinal));
        Assert.True(PdfInspector.Inspect(result.Pdf).Signed);
        Assert.Equal(Xml, FacturXDocument.Read(result.Pdf).Invoice!.ToArray());
    }

    [Fact]
    public void Create_EncryptedPdf_IsRefused()
    {
        var pdf = File.ReadAllBytes(TestData.PathOf("facturx", "PDFWithPassword.pdf"));
        var ex = Assert.Throws<PdfFormatException>(() => FacturXCreator.Create(pdf, Xml));
        Assert.Contains("encrypted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NotAnInvoiceXml_IsRefused()
    {
        var (pdf, _) = InvoicePdfs.Invoice(1);
        Assert.Throws<ArgumentException>(() => FacturXCreator.Create(pdf, Encoding.UTF8.GetBytes("<html/>")));
    }

    [Fact]
    public void SrgbProfile_HeaderDeclaresItsSizeAndTheIccSignature()
    {
        var icc = Chorus.Invoicing.FacturX.Internal.SrgbProfile.Bytes;
        Assert.Equal(icc.Length, (icc[0] << 24) | (icc[1] << 16) | (icc[2] << 8) | icc[3]);
        Assert.Equal("acsp", Encoding.ASCII.GetString(icc, 36, 4));
        Assert.Equal("RGB ", Encoding.ASCII.GetString(icc, 16, 4));
    }

    private static string Temp(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chorus-fx-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
