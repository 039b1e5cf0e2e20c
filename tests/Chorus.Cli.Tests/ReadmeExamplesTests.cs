using Chorus.Directory.Identifiers;

namespace Chorus.Cli.Tests;

/// <summary>The code examples of the repository README, kept compiling and asserted. Update both together.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void Directory_Example()
    {
        var siret = Siret.Parse("732 829 320 00074");
        Assert.Equal("732829320", siret.Siren.ToString());
        Assert.Equal("FR44732829320", VatNumber.FromSiren(siret.Siren).ToString());
        var check = IdentifierClassifier.Check("73282932000075");
        Assert.Equal(IdentifierKind.Siret, check.Kind);
        Assert.False(check.IsValid);
        Assert.StartsWith("check digit mismatch", check.Reason, StringComparison.Ordinal);
    }
}

/// <summary>The PDF and Factur-X example of the repository README (section Chorus.Invoicing).</summary>
public class ReadmePdfExamplesTests
{
    [Fact]
    public void FacturX_Example()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"chorus-readme-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        var pdfPath = Path.Combine(dir, "facture.pdf");
        var xmlPath = Path.Combine(dir, "invoice.xml");
        File.WriteAllBytes(pdfPath, Chorus.Invoicing.Tests.Pdf.InvoicePdfs.Invoice(3).Pdf);
        File.Copy(Chorus.Tests.Shared.TestData.PathOf("facturx", "CII_example1.xml"), xmlPath);
        try
        {
            var inspection = Chorus.Invoicing.Pdf.PdfInspector.Inspect(File.ReadAllBytes(pdfPath));
            Assert.Equal(Chorus.Invoicing.Pdf.PdfFormat.Pdf, inspection.Format);
            Assert.Equal([1, 2, 3], inspection.PagesRead);
            Assert.Equal(Chorus.Invoicing.Tests.Pdf.InvoicePdfs.RecipientSiret, inspection.Fields.RecipientSiret?.Value.ToString());
            var factur = Chorus.Invoicing.FacturX.FacturXCreator.Create(File.ReadAllBytes(pdfPath), File.ReadAllBytes(xmlPath));
            var embedded = Chorus.Invoicing.FacturX.FacturXDocument.Read(factur.Pdf).Invoice!;
            Assert.Equal("factur-x.xml EN 16931", $"{embedded.FileName} {embedded.Profile}");
        }
        finally
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }
}
