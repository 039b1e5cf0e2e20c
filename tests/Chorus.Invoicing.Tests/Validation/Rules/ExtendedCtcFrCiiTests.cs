using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The CII part of the EXTENDED-CTC-FR rules: which ids it declares (the verdicts themselves are compared with the
/// official stylesheet in <see cref="ExtendedCtcFrOracleTests"/>) and how a problem is reported.
/// </summary>
public class ExtendedCtcFrCiiTests
{
    // The assertions of EXTENDED-CTC-FR-CII.xslt whose (context, test, id) is not one of EN16931-CII-validation.xslt
    // v1.3.16, in the stylesheet's order: 75 assertions, 75 distinct ids. Counted with the briefing's parser of compiled
    // schematron XSLTs: len({a['id'] for a in parse(ext) if (a['ctx'], a['test'], a['id']) not in {(e['ctx'], e['test'],
    // e['id']) for e in parse(en)}}) with ext = EXTENDED-CTC-FR-CII.xslt and en = EN16931-CII-validation.xslt.
    private static readonly string[] NewAssertions =
    [
        "BR-FREXT-BR-38", "BR-FREXT-CO-10", "BR-FREXT-CO-11", "BR-FREXT-CO-12", "BR-FREXT-CO-13", "BR-FREXT-CO-15",
        "BR-CO-25", "BR-FREXT-S-01", "BR-FREXT-Z-01", "BR-FREXT-E-01", "BR-FREXT-AE-01", "BR-FREXT-IC-01",
        "BR-FREXT-G-01", "BR-FREXT-O-01", "BR-FREXT-AF-01", "BR-FREXT-AG-01", "BR-FREXT-BR-22", "BR-FREXT-BR-23",
        "BR-FREXT-BR-24", "BR-FREXT-BR-26", "BR-FREXT-CO-04", "BR-FREXT-BR-44", "BR-FREXT-54-1", "BR-FREXT-54-2",
        "BR-FXEXT-AE-08", "BR-FXEXT-AE-08ini", "BR-FXEXT-AE-08rev", "BR-FXEXT-AF-08", "BR-FXEXT-AF-08ini",
        "BR-FXEXT-AF-08rev", "BR-FXEXT-AG-08", "BR-FXEXT-AG-08ini", "BR-FXEXT-AG-08rev", "BR-FXEXT-E-08",
        "BR-FXEXT-E-08ini", "BR-FXEXT-E-08rev", "BR-FXEXT-G-08", "BR-FXEXT-G-08ini", "BR-FXEXT-G-08rev",
        "BR-FXEXT-IC-08", "BR-FXEXT-IC-08ini", "BR-FXEXT-IC-08rev", "BR-FXEXT-O-08", "BR-FXEXT-O-08ini",
        "BR-FXEXT-O-08rev", "BR-FXEXT-S-08", "BR-FXEXT-S-08ini", "BR-FXEXT-S-08rev", "BR-FXEXT-S-09", "BR-FXEXT-Z-08",
        "BR-FXEXT-Z-08ini", "BR-FXEXT-Z-08rev", "CII-FREXT-SR-106", "CII-FREXT-SR-439", "CII-SR-454",
        "CII-FREXT-SR-293", "CII-FREXT-SR-366", "CII-EXT-DT-018", "CII-FREXT-DT-024", "CII-FREXTDT-027",
        "BR-EXT-CL-07", "BR-FREXT-CL-10", "BR-FREXT-CL-19-GP", "BR-FREXT-CL-20", "BR-FREXT-CL-20-TAX",
        "BR-FREXT-CL-20-LISTID", "BR-FREXT-CL-24", "BR-FREXT-CL-27", "BR-FXEXT-04", "BR-FREXT-05", "BR-FREXT-06",
        "BR-FREXT-08", "BR-FREXT-11", "BR-FREXT-12", "BR-CO-27",
    ];

    [Fact]
    public void Ids_AreTheStylesheetsNewAssertions_75()
    {
        Assert.Equal(75, NewAssertions.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(NewAssertions, ExtendedCtcFrCii.Ids);
    }

    [Fact]
    public void Ids_DoNotOverlapTheDroppedEn16931Ids_ExceptTheRestatedCiiSr454()
    {
        var dropped = ExtendedCtcFrRules.DroppedIds("cii");
        Assert.Equal(["CII-SR-454"], ExtendedCtcFrCii.Ids.Where(dropped.Contains));
    }

    [Fact]
    public void Validate_DocumentChargeWithoutReason_ReportsBrFrext38OnTheChargeIndicator()
    {
        var text = File.ReadAllText(TestData.PathOf("extended-ctc-fr", "cii", "EXTENDED-CTC-FR_Warenrechnung_Unterpositionen.xml"));
        var mutant = ExtendedCtcFrMutations.Of(text, "cii").Single(static m => m.Name == "doc-charge-no-reason").Text;

        var valid = Problems(text, "BR-FREXT-BR-38");
        var problems = Problems(mutant, "BR-FREXT-BR-38");

        Assert.Empty(valid);
        var p = Assert.Single(problems);
        Assert.Equal(ValidationSeverity.Fatal, p.Severity);
        Assert.StartsWith("EXTENDED-CTC-FR: [BR-FREXT-BR-38/BR-FREXT-CO-22]-Each Document level charge (BG-21)", p.Message, StringComparison.Ordinal);
        Assert.EndsWith("ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeAllowanceCharge[5]/ram:ChargeIndicator", p.Location, StringComparison.Ordinal);
    }

    // Saxon-HE's svrl:text (whitespace normalised) for these mutants of the EXTENDED-CTC-FR invoice, from
    //   java -cp /usr/share/java/Saxon-HE.jar net.sf.saxon.Transform -s:<mutant> -xsl:EXTENDED-CTC-FR-CII.xslt -o:<svrl>
    // (the beginning of each text: its xsl:value-of parts).
    public static TheoryData<string, string, string> SaxonMessages() => new()
    {
        { "subline-parent-unknown", "BR-FREXT-11", "Num line : 1, ParentID : G9 - [BR-FREXT-11]-Each \"Identifier of parent line\" (EXT-FR-FE-162) must refer to an existing \"Invoice line Identifier\" (BT-126) of another invoice line (BG-25)." },
        { "subline-parent-unknown", "BR-FREXT-08", "Num line : G1, BT-131 : 280.00, SommeBT-131 : 180, Subline Code : GROUP - [BR-FREXT-08]-If the \"Subtype of invoice line item\"" },
        { "all-S-to-K-basis+1", "BR-FXEXT-IC-08ini", "[BR-FXEXT-IC-08ini] warning - Code : K, rate : 19, ExemptText : , Exemptcode : , basisAmount : 332.4, SumBT131ini : 326.5, NBlinesini : 3, sumAllowBT-92ini : 8.1, sumChargesBT-99ini : 10, NBAllowChargesini : 3, [BR-FXEXT-IC-08ini] - Without Exemption reason EN16931_2017" },
        { "all-S-to-K-basis+1", "BR-FXEXT-IC-08", "[BR-FXEXT-IC-08] warning - Code : K, rate : 19, ExemptText : , Exemptcode : , basisAmount : 332.4, SumBT131 : 326.5, NBlines : 3, sumAllowBT-92 : 8.1, sumChargesBT-99 : 10, NBAllowCharges : 3, SumBT131ini : 326.5, NBlinesini : 3, sumAllowBT-92ini : 8.1, sumChargesBT-99ini : 10, NBAllowChargesini : 3, [BR-FXEXT-IC-08]" },
    };

    [Theory]
    [MemberData(nameof(SaxonMessages))]
    public void Validate_Mutant_WritesTheStylesheetsMessageWithItsValues(string mutation, string id, string saxonText)
    {
        var text = File.ReadAllText(TestData.PathOf("extended-ctc-fr", "cii", "EXTENDED-CTC-FR_Warenrechnung_Unterpositionen.xml"));
        var mutant = ExtendedCtcFrMutations.Of(text, "cii").Single(m => m.Name == mutation).Text;

        var p = Assert.Single(Problems(mutant, id));

        Assert.StartsWith("EXTENDED-CTC-FR: " + saxonText, p.Message, StringComparison.Ordinal);
    }

    private static List<ValidationProblem> Problems(string text, string id) =>
        [.. InvoiceValidator.Default.Validate(System.Text.Encoding.UTF8.GetBytes(text), InvoiceRuleSets.FacturX, takeOutLargeBinaries: true, assumedProfile: ExtendedCtcFrRules.Profile)
            .Problems.Where(p => p.Rule == id)];
}
