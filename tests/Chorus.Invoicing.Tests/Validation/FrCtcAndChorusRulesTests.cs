using Chorus.Invoicing.Validation;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// The reform's BR-FR rules against the official Flux 2 schematron's findings on the corpus (corpus cii/README.md,
/// column "BR-FR Flux 2", computed with Saxon-HE: number of failed BR-FR rules), and the Chorus Pro rules.
/// </summary>
public class FrCtcAndChorusRulesTests
{
    [Theory]
    [InlineData("CII_example1.xml", 9)]
    [InlineData("CII_example2.xml", 12)]
    [InlineData("CII_example3.xml", 11)]
    [InlineData("CII_example4.xml", 10)]
    [InlineData("CII_example5.xml", 9)]
    [InlineData("CII_example6.xml", 10)]
    [InlineData("CII_business_example_01.xml", 12)]
    [InlineData("huf_example_cii.xml", 12)]
    [InlineData("MINIMUM_Rechnung.xml", 7)]
    [InlineData("BASIC-WL_Einfach.xml", 7)]
    [InlineData("BASIC_Einfach.xml", 9)]
    [InlineData("EN16931_Gutschrift.xml", 9)]
    [InlineData("EXTENDED_Warenrechnung.xml", 9)]
    [InlineData("XRECHNUNG_Einfach.xml", 7)]
    [InlineData("factur-x-en16931.xml", 0)]
    [InlineData("factur-x-minimum.xml", 5)]
    [InlineData("facturFrMinimum.xml", 8)]
    [InlineData("invalidV2.xml", 10)]
    [InlineData("invalidArithmetics.xml", 9)]
    public void FrCtc_CiiCorpusInvoice_SameNumberOfFailedRulesAsTheOfficialSchematron(string file, int failedRules)
    {
        var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(TestData.PathOf("cii", file)), InvoiceRuleSets.FrCtc);

        var fired = result.Problems.Where(static p => p.Severity == ValidationSeverity.Fatal && p.Rule.StartsWith("BR-FR", StringComparison.Ordinal)).Select(static p => p.Rule).Distinct().ToList();
        Assert.True(failedRules == fired.Count, string.Join(", ", fired));
        Assert.DoesNotContain(result.Problems, static p => p.Message.Contains("could not be evaluated", StringComparison.Ordinal));
    }

    [Fact]
    public void FrCtc_FrenchUblInvoices_AreValid()
    {
        foreach (var file in new[] { "ubl-21-en16931.xml", "ubl-21-extended-ctc-fr.xml" })
        {
            var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(TestData.PathOf("ubl", file)), InvoiceRuleSets.FrCtc);
            Assert.True(result.IsValid, file + ": " + string.Join(", ", result.Problems.Where(static p => p.Severity == ValidationSeverity.Fatal).Select(static p => p.Rule)));
        }
    }

    [Fact]
    public void Chorus_GermanInvoiceWithoutSiret_NeedsTheBuyerSiret()
    {
        var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(TestData.PathOf("cii", "CII_example1.xml")), InvoiceRuleSets.Chorus);

        Assert.Contains(result.Problems, static p => p.Rule == "CHORUS-04" && p.Severity == ValidationSeverity.Fatal);
        Assert.Equal(["chorus"], result.RuleSets);
    }

    [Fact]
    public void Chorus_LongInvoiceNumberAndThreeDecimals_AreRejected()
    {
        var text = File.ReadAllText(TestData.PathOf("ubl", "ubl-21-en16931.xml"));
        var id = System.Text.RegularExpressions.Regex.Match(text, "<cbc:ID>([^<]*)</cbc:ID>");
        text = text.Remove(id.Groups[1].Index, id.Groups[1].Length).Insert(id.Groups[1].Index, "FACTURE-2026-000000000001");
        var payable = System.Text.RegularExpressions.Regex.Match(text, "(<cbc:PayableAmount[^>]*>)([^<]*)<");
        text = text.Remove(payable.Groups[2].Index, payable.Groups[2].Length).Insert(payable.Groups[2].Index, payable.Groups[2].Value + "1");

        var result = InvoiceValidator.Default.Validate(System.Text.Encoding.UTF8.GetBytes(text), InvoiceRuleSets.Chorus);

        Assert.Contains(result.Problems, static p => p.Rule == "CHORUS-01");
        Assert.Contains(result.Problems, static p => p.Rule == "CHORUS-02" && p.Location.EndsWith("cbc:PayableAmount", StringComparison.Ordinal));
    }

    [Fact]
    public void Chorus_DirectoryRequiresServiceCodeAndEngagement_MissingOnesAreReported()
    {
        var text = File.ReadAllText(TestData.PathOf("ubl", "ubl-21-en16931.xml"));
        text = System.Text.RegularExpressions.Regex.Replace(text, "<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", string.Empty);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<cac:OrderReference>.*?</cac:OrderReference>", string.Empty, System.Text.RegularExpressions.RegexOptions.Singleline);
        var directory = new FakeDirectory(new BuyerRequirements(ServiceCodeRequired: true, EngagementRequired: true));

        var result = new InvoiceValidator(directory).Validate(System.Text.Encoding.UTF8.GetBytes(text), InvoiceRuleSets.Chorus);

        Assert.Equal("78787878400018", directory.Asked);
        Assert.Contains(result.Problems, static p => p.Rule == "CHORUS-07" && p.Severity == ValidationSeverity.Fatal);
        Assert.Contains(result.Problems, static p => p.Rule == "CHORUS-08" && p.Severity == ValidationSeverity.Fatal);
        Assert.DoesNotContain(result.Problems, static p => p.Rule is "CHORUS-04" or "CHORUS-05");
    }

    [Theory]
    [InlineData("73282932000074", "CHORUS-07")] // codeServiceObligatoire TRUE in the sample annuaire
    [InlineData("55210055400013", "CHORUS-08")] // engagementObligatoire true
    public void Chorus_AnnuaireThroughTheAdapter_ReportsOnlyWhatTheStructureRequires(string buyerSiret, string expected)
    {
        var text = File.ReadAllText(TestData.PathOf("ubl", "ubl-21-en16931.xml")).Replace("78787878400018", buyerSiret, StringComparison.Ordinal);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", string.Empty);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<cac:OrderReference>.*?</cac:OrderReference>", string.Empty, System.Text.RegularExpressions.RegexOptions.Singleline);
        var annuaire = Chorus.Directory.Annuaire.InMemoryPublicEntityDirectory.Load(TestData.PathOf("annuaire", "canonical-sample.csv"));

        var result = new InvoiceValidator(new PublicEntityBuyerDirectory(annuaire)).Validate(System.Text.Encoding.UTF8.GetBytes(text), InvoiceRuleSets.Chorus);

        Assert.Equal([expected], result.Problems.Where(static p => p.Rule is "CHORUS-07" or "CHORUS-08").Select(static p => p.Rule));
    }

    [Fact]
    public void Chorus_AdapterOnUnknownOrInvalidSiret_StatesNoRequirement()
    {
        var annuaire = Chorus.Directory.Annuaire.InMemoryPublicEntityDirectory.Load(TestData.PathOf("annuaire", "canonical-sample.csv"));
        var adapter = new PublicEntityBuyerDirectory(annuaire);

        Assert.Null(adapter.Find("12345678901234"));
        Assert.Null(adapter.Find("not a siret"));
        Assert.Equal(new BuyerRequirements(ServiceCodeRequired: true, EngagementRequired: false), adapter.Find("73282932000074"));
    }

    private sealed class FakeDirectory(BuyerRequirements requirements) : IBuyerDirectory
    {
        public string? Asked { get; private set; }

        public BuyerRequirements? Find(string siret)
        {
            Asked = siret;
            return requirements;
        }
    }
}
