using Chorus.Invoicing;
using Chorus.Invoicing.Model;
using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "chorus-convert-" + Guid.NewGuid().ToString("N"));

    public ConvertCommandTests() => System.IO.Directory.CreateDirectory(_dir);

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Convert_UblToCii_WritesACiiInvoiceWithTheSameAmounts()
    {
        var input = TestData.PathOf("ubl", "ubl-tc434-example1.xml");
        var output = Path.Combine(_dir, "out.xml");
        var r = CliRunner.Run("convert", input, "--to", "cii", "-o", output, "--json");
        Assert.Equal(0, r.ExitCode);
        var json = r.Json();
        Assert.Equal("ubl", json.GetProperty("from").GetString());
        Assert.Equal("cii", json.GetProperty("to").GetString());
        Assert.Equal("invoice", json.GetProperty("documentType").GetString());
        Assert.Equal("EN 16931", json.GetProperty("profile").GetString());
        Assert.Equal(0, json.GetProperty("warnings").GetArrayLength());

        var converted = InvoiceXml.Read(File.ReadAllBytes(output));
        Assert.Equal(InvoiceSyntax.Cii, converted.Syntax);
        Assert.Equal(250.33m, converted.Invoice.Totals!.AmountDue!.Value.Value);
        Assert.Equal("12115118", converted.Invoice.Number);
    }

    [Fact]
    public void Convert_CiiCreditNoteToUbl_WritesAUblCreditNote()
    {
        var output = Path.Combine(_dir, "credit.xml");
        var source = Path.Combine(_dir, "source.xml");
        var cn = InvoiceXml.Read(File.ReadAllBytes(TestData.PathOf("ubl", "ubl-tc434-creditnote1.xml"))).Invoice;
        File.WriteAllBytes(source, InvoiceXml.Write(cn, InvoiceSyntax.Cii));
        var r = CliRunner.Run("convert", source, "--to", "ubl", "-o", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("cii → ubl", r.Stdout, StringComparison.Ordinal);
        Assert.Equal("CreditNote", InvoiceXml.Read(File.ReadAllBytes(output)).RootName);
    }

    [Fact]
    public void Convert_MinimumToUbl_ListsWhatUblCannotCarry()
    {
        var output = Path.Combine(_dir, "min.xml");
        var r = CliRunner.Run("convert", TestData.PathOf("cii", "factur-x-minimum.xml"), "--to", "ubl", "-o", output, "--json");
        Assert.Equal(0, r.ExitCode);
        var warnings = r.Json().GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("businessTerm").GetString()).ToList();
        Assert.Contains("BG-25", warnings);
    }

    [Fact]
    public void Convert_NotXml_ExitsTwoWithOneLineAndJsonError()
    {
        var input = Path.Combine(_dir, "bad.xml");
        File.WriteAllText(input, "this is not xml");
        var r = CliRunner.Run("convert", input, "--to", "ubl", "-o", Path.Combine(_dir, "x.xml"), "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("convert: ", r.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "x.xml")));
    }

    [Fact]
    public void Convert_Dtd_ExitsTwo()
    {
        var input = Path.Combine(_dir, "xxe.xml");
        File.WriteAllText(input, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&e;</Invoice>");
        var r = CliRunner.Run("convert", input, "--to", "cii", "-o", Path.Combine(_dir, "x.xml"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("DTD", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_MissingFile_ExitsTwo()
    {
        var r = CliRunner.Run("convert", Path.Combine(_dir, "nope.xml"), "--to", "cii", "-o", Path.Combine(_dir, "x.xml"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not found", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_UnknownTarget_IsAUsageError()
    {
        var r = CliRunner.Run("convert", TestData.PathOf("ubl", "ubl-tc434-example1.xml"), "--to", "pdf", "-o", Path.Combine(_dir, "x.xml"));
        Assert.Equal(2, r.ExitCode);
    }
}
