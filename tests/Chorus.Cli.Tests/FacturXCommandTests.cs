using Chorus.Invoicing.Tests.Pdf;
using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

public class FacturXCommandTests
{
    [Fact]
    public void Extract_FacturXSample_WritesTheEmbeddedBytes()
    {
        var output = Path.Combine(Path.GetTempPath(), $"chorus-x-{Guid.NewGuid():N}.xml");
        try
        {
            var r = CliRunner.Run("facturx", "extract", TestData.PathOf("facturx", "BASIC_Einfach_fx.pdf"), "-o", output);
            Assert.Equal(0, r.ExitCode);
            var xml = File.ReadAllText(output);
            Assert.Contains("urn:factur-x.eu:1p0:basic", xml, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Extract_PlainPdf_Exit1()
    {
        var path = InspectCommandTests.Temp(InvoicePdfs.Invoice(1).Pdf);
        try
        {
            var r = CliRunner.Run("facturx", "extract", path, "-o", path + ".xml");
            Assert.Equal(1, r.ExitCode);
            Assert.False(File.Exists(path + ".xml"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Extract_HeaderOnlyTruncatedPdf_Exit1NoInvoice()
    {
        var r = CliRunner.Run("facturx", "extract", TestData.PathOf("facturx", "corrupt-factur-x-waytoosmall.pdf"), "-o", Path.Combine(Path.GetTempPath(), "never-written.xml"));
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void Extract_NotAPdf_Exit2()
    {
        var path = InspectCommandTests.Temp("hello"u8.ToArray());
        try
        {
            var r = CliRunner.Run("facturx", "extract", path, "-o", path + ".xml");
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.Stderr.Trim().Split('\n'));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Extract_WithoutOutput_IsAUsageError()
    {
        Assert.Equal(2, CliRunner.Run("facturx", "extract", TestData.PathOf("facturx", "BASIC_Einfach_fx.pdf")).ExitCode);
    }

    [Fact]
    public void Create_ThenInspect_RoundTripsTheProfileAndTheBytes()
    {
        var pdf = InspectCommandTests.Temp(InvoicePdfs.Invoice(2).Pdf);
        var xml = TestData.PathOf("facturx", "CII_example1.xml");
        var output = pdf + ".fx.pdf";
        var back = pdf + ".xml";
        try
        {
            var r = CliRunner.Run("facturx", "create", pdf, xml, "-o", output, "--json");
            Assert.Equal(0, r.ExitCode);
            var j = r.Json();
            Assert.Equal("EN 16931", j.GetProperty("profile").GetString());
            Assert.Equal("Alternative", j.GetProperty("relationship").GetString());
            Assert.NotEmpty(j.GetProperty("warnings").EnumerateArray());
            var inspect = CliRunner.Run("inspect", "--json", output).Json();
            Assert.Equal("facturx", inspect.GetProperty("format").GetString());
            Assert.Equal("EN 16931", inspect.GetProperty("facturx").GetProperty("profile").GetString());
            Assert.Equal(0, CliRunner.Run("facturx", "extract", output, "-o", back).ExitCode);
            Assert.Equal(File.ReadAllBytes(xml), File.ReadAllBytes(back));
        }
        finally
        {
            File.Delete(pdf);
            File.Delete(output);
            File.Delete(back);
        }
    }

    [Fact]
    public void Create_SourceRelationship_IsWritten()
    {
        var pdf = InspectCommandTests.Temp(InvoicePdfs.Invoice(1).Pdf);
        try
        {
            var r = CliRunner.Run("facturx", "create", pdf, TestData.PathOf("facturx", "CII_example1.xml"), "-o", pdf + ".fx.pdf", "--relationship", "Source", "--json");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("Source", r.Json().GetProperty("relationship").GetString());
        }
        finally
        {
            File.Delete(pdf);
            File.Delete(pdf + ".fx.pdf");
        }
    }

    [Fact]
    public void Create_XmlThatIsNotAnInvoice_Exit2()
    {
        var pdf = InspectCommandTests.Temp(InvoicePdfs.Invoice(1).Pdf);
        var xml = InspectCommandTests.Temp("<html/>"u8.ToArray(), ".xml");
        try
        {
            Assert.Equal(2, CliRunner.Run("facturx", "create", pdf, xml, "-o", pdf + ".fx.pdf").ExitCode);
        }
        finally
        {
            File.Delete(pdf);
            File.Delete(xml);
        }
    }
}
