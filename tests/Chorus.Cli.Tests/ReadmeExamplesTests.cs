using Chorus.Directory.Identifiers;
using Chorus.Invoicing.Validation;
using Chorus.Tests.Shared;
using Chorus.Invoicing;
using Chorus.Invoicing.Conversion;
using Chorus.Invoicing.Model;

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

    [Fact]
    public void Invoicing_Example()
    {
        var invoice = new InvoiceBuilder("F-2026-001", new DateTime(2026, 1, 15))
            .Seller(new Party { Name = "Fournisseur SA", VatId = "FR44732829320", Address = new Address { CountryCode = "FR" } })
            .Buyer(new Party { Name = "Ministère", Identifiers = [new Identifier("11000201100044", IdentifierScheme.Siret)] })
            .BuyerReference("SERVICE-01")
            .PurchaseOrderReference("EJ-1234")
            .AddLine("1", "Conseil", 2m, UnitCode.Hour, 450m, VatCategoryCode.Standard, 20m)
            .ComputeTotals()
            .Build();
        byte[] ubl = InvoiceXml.Write(invoice, InvoiceSyntax.Ubl);
        byte[] cii = InvoiceXml.Write(invoice, InvoiceSyntax.Cii);
        Assert.True(InvoiceXml.Read(cii).Invoice == invoice);
        Assert.Equal(1080.00m, invoice.Totals!.AmountDue!.Value.Value);
        Assert.Equal("1080.00", invoice.Totals!.AmountDue!.Value.ToString());
        var converted = InvoiceConverter.Convert(new MemoryStream(ubl), InvoiceSyntax.Cii, new MemoryStream());
        Assert.Empty(converted.Warnings);
    }

    [Fact]
    public void Validation_Example()
    {
        var path = TestData.PathOf("ubl", "ubl-tc434-example1.xml");
        var pdfPath = TestData.PathOf("facturx", "MINIMUM_Rechnung_fx.pdf");
        var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(path), InvoiceRuleSets.Auto | InvoiceRuleSets.Chorus);
        var lines = new List<string> { $"{result.Syntax} {result.DocumentType} {result.Profile}: valid={result.IsValid}" };
        foreach (var p in result.Problems.Where(p => p.Severity == ValidationSeverity.Fatal))
        {
            lines.Add($"{p.Rule} at {p.Location}: {p.Message}");
        }

        var pdf = InvoiceValidator.Default.ValidatePdf(File.ReadAllBytes(pdfPath));

        Assert.Equal("ubl invoice EN 16931: valid=False", lines[0]);
        Assert.Contains(lines, static l => l.StartsWith("CHORUS-04 at /", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, static l => l.StartsWith("BR-", StringComparison.Ordinal));
        Assert.True(pdf.IsValid);
        Assert.Equal("MINIMUM", pdf.Profile);
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
