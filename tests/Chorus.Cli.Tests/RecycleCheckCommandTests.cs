using System.Text.Json;
using Chorus.Invoicing;
using Chorus.Invoicing.Model;
using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

/// <summary>
/// <c>chorus lifecycle recycle-check</c> on the corpus: EN16931_Einfach as CII (tests/data/cii) and as Factur-X PDF
/// (tests/data/facturx) is one invoice; variants are made by editing the CII text in a temporary folder.
/// </summary>
public sealed class RecycleCheckCommandTests : IDisposable
{
    private static readonly string SentXml = TestData.PathOf("cii", "EN16931_Einfach.xml");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "chorus-recycle-" + Guid.NewGuid().ToString("N"));

    public RecycleCheckCommandTests() => System.IO.Directory.CreateDirectory(_dir);

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    private string Variant(string name, string find, string replace)
    {
        var text = File.ReadAllText(SentXml);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void SameInvoice_CiiAndItsFacturXPdf_Allowed_NothingChanged()
    {
        var r = CliRunner.Run("lifecycle", "recycle-check", SentXml, TestData.PathOf("facturx", "EN16931_Einfach_fx.pdf"), "--json");

        Assert.Equal(0, r.ExitCode);
        Assert.True(r.Json().GetProperty("allowed").GetBoolean());
        Assert.Empty(r.Json().GetProperty("changed").EnumerateArray());
    }

    [Fact]
    public void CodeServiceAdded_Allowed_ChangeListedWithNullBefore()
    {
        var resent = Variant("bt10.xml", "<ram:ApplicableHeaderTradeAgreement>", "<ram:ApplicableHeaderTradeAgreement><ram:BuyerReference>SERVICE-B</ram:BuyerReference>");
        var r = CliRunner.Run("lifecycle", "recycle-check", SentXml, resent, "--json");

        Assert.Equal(0, r.ExitCode);
        var change = Assert.Single(r.Json().GetProperty("changed").EnumerateArray());
        Assert.Equal("BT-10", change.GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, change.GetProperty("before").ValueKind);
        Assert.Equal("SERVICE-B", change.GetProperty("after").GetString());
        Assert.True(change.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public void InvoiceNumberChanged_NotAllowed_Exit1()
    {
        var resent = Variant("bt1.xml", "<ram:ID>471102</ram:ID>", "<ram:ID>471103</ram:ID>");
        var r = CliRunner.Run("lifecycle", "recycle-check", SentXml, resent, "--json");

        Assert.Equal(1, r.ExitCode);
        Assert.False(r.Json().GetProperty("allowed").GetBoolean());
        var change = Assert.Single(r.Json().GetProperty("changed").EnumerateArray());
        Assert.Equal("BT-1", change.GetProperty("field").GetString());
        Assert.Equal("471102", change.GetProperty("before").GetString());
        Assert.Equal("471103", change.GetProperty("after").GetString());
        Assert.False(change.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public void TotalChanged_NotAllowed_Bt112Listed()
    {
        var resent = Variant("bt112.xml", "<ram:GrandTotalAmount>529.87</ram:GrandTotalAmount>", "<ram:GrandTotalAmount>600.00</ram:GrandTotalAmount>");
        var r = CliRunner.Run("lifecycle", "recycle-check", SentXml, resent, "--json");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(r.Json().GetProperty("changed").EnumerateArray(), c => c.GetProperty("field").GetString() == "BT-112" && !c.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public void DifferentInvoice_Text_SaysNewInvoiceNeeded()
    {
        var r = CliRunner.Run("lifecycle", "recycle-check", SentXml, TestData.PathOf("cii", "CII_example1.xml"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("BT-1 Invoice number: 471102 -> ", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("new invoice with a new number", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_Exit2_JsonError()
    {
        var r = CliRunner.Run("lifecycle", "recycle-check", SentXml, Path.Combine(_dir, "absent.xml"), "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("absent.xml", r.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NotAnInvoice_Exit2_OneLineNoStackTrace()
    {
        var junk = Path.Combine(_dir, "junk.xml");
        File.WriteAllText(junk, "<html><body>not an invoice</body></html>");
        var r = CliRunner.Run("lifecycle", "recycle-check", SentXml, junk);

        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.Contains("junk.xml", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedPdf_Exit2()
    {
        var r = CliRunner.Run("lifecycle", "recycle-check", SentXml, TestData.PathOf("facturx", "corrupt-factur-x-waytoosmall.pdf"));
        Assert.Equal(2, r.ExitCode);
    }

    private static readonly string SentUbl = TestData.PathOf("ubl", "ubl-tc434-example1.xml");

    private string UblVariant(string name, params (string Find, string Replace)[] edits)
    {
        var text = File.ReadAllText(SentUbl);
        foreach (var (find, replace) in edits)
        {
            Assert.Contains(find, text, StringComparison.Ordinal);
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }

        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string AsCii(string ublPath, string name)
    {
        using var input = File.OpenRead(ublPath);
        var invoice = InvoiceXml.Read(input).Invoice;
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, InvoiceXml.Write(invoice, InvoiceSyntax.Cii));
        return path;
    }

    [Fact]
    public void UblSent_ResentAsCii_SameInvoice_Allowed_AmountsAndCodesComparedBySense()
    {
        // UBL repeats currencyID on every amount and CII does not: the same amounts must not count as changes.
        var r = CliRunner.Run("lifecycle", "recycle-check", SentUbl, AsCii(SentUbl, "example1.cii.xml"), "--json");

        Assert.Equal(0, r.ExitCode);
        Assert.Empty(r.Json().GetProperty("changed").EnumerateArray());
    }

    [Fact]
    public void UblRoutingDataCorrected_RecipientSiretCodeServiceEngagement_Allowed_AlsoAcrossSyntaxes()
    {
        var resent = UblVariant("routing.xml",
            ("<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>", "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:BuyerReference>SERVICE-B</cbc:BuyerReference><cac:OrderReference><cbc:ID>EJ-1000002</cbc:ID></cac:OrderReference>"),
            ("<cbc:ID>10202</cbc:ID>\n            </cac:PartyIdentification>", "<cbc:ID schemeID=\"0009\">21750001600019</cbc:ID>\n            </cac:PartyIdentification>"));

        foreach (var candidate in new[] { resent, AsCii(resent, "routing.cii.xml") })
        {
            var r = CliRunner.Run("lifecycle", "recycle-check", SentUbl, candidate, "--json");
            Assert.Equal(0, r.ExitCode);
            var changes = r.Json().GetProperty("changed").EnumerateArray().ToArray();
            Assert.Equal(["BT-10", "BT-13", "BT-46"], changes.Select(c => c.GetProperty("field").GetString()));
            Assert.All(changes, c => Assert.True(c.GetProperty("allowed").GetBoolean()));
            Assert.Equal("EJ-1000002", changes[1].GetProperty("after").GetString());
        }
    }
}
