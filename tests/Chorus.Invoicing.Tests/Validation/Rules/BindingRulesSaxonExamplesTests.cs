using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Rules;
using Chorus.Invoicing.Validation.Rules.Bindings;
using Chorus.Invoicing.Validation.Rules.Cii;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The binding rules' subtle cases, one by one. Every expectation is the official schematron's verdict: Saxon-HE 9.9.1.5
/// running tests/data/schematron/EN16931-{CII,UBL}-validation.xslt on the mutant (the rows of
/// binding-rules-saxon-{cii,ubl}.tsv, written as "id flag × count").
/// </summary>
public class BindingRulesSaxonExamplesTests
{
    [Theory]
    // First rule wins: the document's TypeCode is claimed by //ram:TypeCode, so CII-DT-010..012 (listID, listAgencyID,
    // listVersionID on ExchangedDocument/TypeCode) never fire although every TypeCode carries those attributes.
    [InlineData("cii", "CII_example1.xml", "typecode-attributes", "CII-DT-008 fatal×25; CII-DT-009 fatal×25")]
    // The two identifiers listed by CII-DT-001..007 (document and guideline ids) are not checked again by CII-DT-101..104.
    [InlineData("cii", "CII_example1.xml", "id-attributes", "CII-DT-001 fatal×2; CII-DT-002 fatal×2; CII-DT-003 fatal×2; CII-DT-004 fatal×2; CII-DT-005 fatal×2; CII-DT-006 fatal×2; CII-DT-007 fatal×2; CII-DT-101 fatal×2; CII-DT-102 fatal×2; CII-DT-103 fatal×2; CII-DT-104 fatal×2")]
    // Split payment (B) on one line: the Dutch parties' country codes (not IT) break BR-B-01, the other lines' S BR-B-02.
    [InlineData("cii", "CII_example1.xml", "line-category-B", "BR-B-01 fatal×1; BR-B-02 fatal×1")]
    // A VAT accounting currency equal to the invoice currency breaks BR-53 in the CII binding.
    [InlineData("cii", "CII_example1.xml", "tax-currency-same", "BR-53 fatal×1")]
    // A payee named as the seller breaks BR-17 as the artefacts state it.
    [InlineData("cii", "CII_example1.xml", "payee-named-as-seller", "BR-17 fatal×1")]
    // Type code 50 twice: a warning (CII-SR-457); URIID, Name and ReferenceTypeCode are fatal outside their exceptions.
    [InlineData("cii", "CII_example1.xml", "documents-50-twice-clean", "CII-DT-015 fatal×1; CII-DT-021 fatal×1; CII-DT-024 fatal×1; CII-SR-457 warning×1")]
    // A 102 date surrounded by spaces and a line feed is still YYYYMMDD.
    [InlineData("cii", "CII_example1.xml", "date-102-padded", "")]
    // UBL: BR-61 normalizes the payment means code (" 30 " is still a credit transfer, and it has its account).
    [InlineData("ubl", "ubl-tc434-example1.xml", "pm-code-spaced", "")]
    [InlineData("ubl", "ubl-tc434-example1.xml", "breakdown-category-K", "BR-IC-11 fatal×1; BR-IC-12 fatal×1")]
    // BR-51 is a warning in the UBL binding (fatal in CII).
    [InlineData("ubl", "ubl-tc434-example1.xml", "card-full-number", "BR-51 warning×1")]
    public void Mutant_FailsTheBindingRulesAsTheOfficialSchematronDoes(string syntax, string file, string kind, string saxon)
    {
        var ids = new HashSet<string>(BindingBusinessRules.IdsFor(syntax == "ubl" ? RuleSyntax.Ubl : RuleSyntax.Cii), StringComparer.Ordinal);
        if (syntax == "cii")
        {
            ids.UnionWith(CiiConditionalRules.Ids);
        }

        var text = AimedMutations.All.Single(m => m.Syntax == syntax && m.Name == kind).Apply(File.ReadAllText(TestData.PathOf(syntax, file)))!;
        var result = InvoiceValidator.Default.Validate(System.Text.Encoding.UTF8.GetBytes(text), InvoiceRuleSets.En16931);

        var got = string.Join("; ", result.Problems.Where(p => ids.Contains(p.Rule))
            .GroupBy(static p => p.Rule + (p.Severity == ValidationSeverity.Fatal ? " fatal" : " warning"))
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g => $"{g.Key}×{g.Count()}"));
        Assert.Equal(saxon, got);
    }
}
