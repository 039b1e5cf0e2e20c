using System.Text.RegularExpressions;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal.XPath;
using Chorus.Invoicing.Validation.Rules;
using Chorus.Invoicing.Validation.Rules.Ubl;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The native UBL syntax rules on fragments that break the conditional ones (tests/data/ubl/syntax-rules): for every
/// UBL-* id, the same flag, number of failures and locations as the official stylesheet run by Saxon-HE gave
/// (expected.tsv, generated with the command in that folder's README).
/// </summary>
public partial class UblConditionalRulesTests
{
    public static TheoryData<string> Fragments() =>
        [.. Expected().Select(static r => r.File).Distinct().Where(static f => !Expected().Any(r => r.File == f && r.Flag == "aborted"))];

    [Theory]
    [MemberData(nameof(Fragments))]
    public void SyntaxRules_Fragment_FailAsTheOfficialStylesheet(string file)
    {
        var expected = Expected().Where(r => r.File == file).Select(static r => $"{r.Rule} {r.Flag} {r.Count} {r.Locations}").Order(StringComparer.Ordinal).ToList();

        var got = Run(file)
            .GroupBy(static p => (p.Rule, Flag: p.Severity == ValidationSeverity.Fatal ? "fatal" : "warning"))
            .Select(static g => $"{g.Key.Rule} {g.Key.Flag} {g.Count()} {string.Join(" ", g.Select(static p => Normalize(p.Location)).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, got);
    }

    [Fact]
    public void SyntaxRules_TaxSchemeWithTwoIds_FailsWhereTheStylesheetAborts()
    {
        // Saxon stops on upper-case(("TAX", "VAT")) (expected.tsv: aborted); we report the two rules whose test cannot be
        // evaluated as failed, and still check the others.
        Assert.Contains(Expected(), static r => r.File == "creditnote-tax-scheme-two-ids.xml" && r.Flag == "aborted");
        var problems = Run("creditnote-tax-scheme-two-ids.xml");
        var undecided = problems.Where(static p => p.Message.Contains("could not be evaluated", StringComparison.Ordinal)).Select(static p => p.Rule).Order(StringComparer.Ordinal);
        Assert.Equal(["UBL-SR-12", "UBL-SR-13"], undecided);
        Assert.Contains(problems, static p => p.Rule == "UBL-SR-19");
    }

    [Fact]
    public void NativeIds_CoverEveryUblSyntaxRuleOfTheArtefacts()
    {
        // 756 UBL-* assertions in EN16931-UBL-validation-preprocessed.sch v1.3.16: 561 cardinality tables + 195 conditional.
        var ubl = NativeEn16931.NativeIds("ubl").Where(static id => id.StartsWith("UBL-", StringComparison.Ordinal)).ToList();
        Assert.Equal(756, ubl.Count);
        Assert.Equal(195, UblConditionalRules.Ids.Count);
        Assert.DoesNotContain("UBL-SR-51", NativeEn16931.NativeIds("cii"));
    }

    internal static List<ValidationProblem> Run(string file)
    {
        using var reader = XmlReader.Create(TestData.PathOf("ubl", "syntax-rules", file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        var doc = XTreeBuilder.Build(reader);
        var problems = new List<ValidationProblem>();
        UblSyntaxRules.Run(doc, problems);
        return problems.Where(static p => p.Rule.StartsWith("UBL-", StringComparison.Ordinal)).ToList();
    }

    private static List<(string File, string Rule, string Flag, int Count, string Locations)> Expected() =>
        [.. File.ReadAllLines(TestData.PathOf("ubl", "syntax-rules", "expected.tsv")).Skip(1).Where(static l => l.Length > 0)
            .Select(static l => l.Split('\t'))
            .Select(static c => (c[0], c[1], c[2], int.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture), c[4]))];

    // Our locations (/ubl:Invoice/cac:InvoiceLine[1]) as the TSV writes Saxon's: no prefixes, no [1].
    private static string Normalize(string location) => Prefix().Replace(location, "/").Replace("[1]", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"/[\w.-]+:")]
    private static partial Regex Prefix();
}
