using System.Text.Json;
using Chorus.Invoicing.Tests.Pdf;
using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

public class InspectCommandTests
{
    [Fact]
    public void Inspect_GeneratedInvoice_JsonHasEveryContractFieldAndValue()
    {
        var (pdf, want) = InvoicePdfs.Invoice(7, 1);
        var path = Temp(pdf);
        try
        {
            var r = CliRunner.Run("inspect", "--json", path);
            Assert.Equal(0, r.ExitCode);
            var j = r.Json();
            Assert.Equal(path, j.GetProperty("file").GetString());
            Assert.Equal(7, j.GetProperty("pages").GetInt32());
            Assert.Equal("pdf", j.GetProperty("format").GetString());
            Assert.Equal(JsonValueKind.Null, j.GetProperty("facturx").ValueKind);
            Assert.False(j.GetProperty("signed").GetBoolean());
            Assert.True(j.GetProperty("textLayer").GetBoolean());
            Assert.Equal([1, 6, 7], j.GetProperty("pagesRead").EnumerateArray().Select(e => e.GetInt32()));
            var f = j.GetProperty("fields");
            Assert.Equal(want.SiretDestinataire, f.GetProperty("siretDestinataire").GetString());
            Assert.Equal(want.SiretEmetteur, f.GetProperty("siretEmetteur").GetString());
            Assert.Equal(want.CodeService, f.GetProperty("codeService").GetString());
            Assert.Equal(want.NumeroEngagement, f.GetProperty("numeroEngagement").GetString());
            Assert.Equal(want.InvoiceNumber, f.GetProperty("invoiceNumber").GetString());
            Assert.Equal(want.InvoiceDate, f.GetProperty("invoiceDate").GetString());
            Assert.Equal(1250.00m, f.GetProperty("totalExclVat").GetDecimal());
            Assert.Equal(250.00m, f.GetProperty("totalVat").GetDecimal());
            Assert.Equal(1500.00m, f.GetProperty("totalInclVat").GetDecimal());
            Assert.Equal(1, j.GetProperty("provenance").GetProperty("siretDestinataire").GetProperty("page").GetInt32());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Inspect_FacturXSample_ReportsProfileVersionEmbeddedFileAndSyntax()
    {
        var r = CliRunner.Run("inspect", "--json", TestData.PathOf("facturx", "EN16931_Einfach_fx.pdf"));
        Assert.Equal(0, r.ExitCode);
        var j = r.Json();
        Assert.Equal("facturx", j.GetProperty("format").GetString());
        var fx = j.GetProperty("facturx");
        Assert.Equal("EN 16931", fx.GetProperty("profile").GetString());
        Assert.Equal("1.0", fx.GetProperty("version").GetString());
        Assert.Equal("factur-x.xml", fx.GetProperty("embeddedFile").GetString());
        Assert.Equal("cii", fx.GetProperty("syntax").GetString());
    }

    [Fact]
    public void Inspect_ZugferdOne_SyntaxIsZugferd1()
    {
        var j = CliRunner.Run("inspect", "--json", TestData.PathOf("facturx", "ZUGFeRD_1p0_BASIC_Einfach.pdf")).Json();
        Assert.Equal("zugferd1", j.GetProperty("facturx").GetProperty("syntax").GetString());
        Assert.Equal("BASIC", j.GetProperty("facturx").GetProperty("profile").GetString());
    }

    [Fact]
    public void Inspect_TruncatedPdf_Exit2WithOneLineAndJsonError()
    {
        var r = CliRunner.Run("inspect", "--json", TestData.PathOf("facturx", "corrupt-factur-x-waytoosmall.pdf"));
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.True(r.Json().TryGetProperty("error", out _));
    }

    [Fact]
    public void Inspect_MissingFile_Exit2()
    {
        var r = CliRunner.Run("inspect", Path.Combine(Path.GetTempPath(), "does-not-exist.pdf"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not found", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_EncryptedPdf_Exit0AndSaysEncrypted()
    {
        var r = CliRunner.Run("inspect", "--json", TestData.PathOf("facturx", "PDFWithPassword.pdf"));
        Assert.Equal(0, r.ExitCode);
        var j = r.Json();
        Assert.True(j.GetProperty("encrypted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, j.GetProperty("facturx").ValueKind);
    }

    [Fact]
    public void Inspect_WithoutJson_PrintsReadableText()
    {
        var r = CliRunner.Run("inspect", TestData.PathOf("facturx", "EN16931_Einfach_fx.pdf"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("factur-x.xml", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("pages read", r.Stdout, StringComparison.Ordinal);
    }

    internal static string Temp(byte[] bytes, string extension = ".pdf")
    {
        var path = Path.Combine(Path.GetTempPath(), $"chorus-cli-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
