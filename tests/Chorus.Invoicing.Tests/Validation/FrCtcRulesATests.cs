using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Rules.FrCtc;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// The native BR-FR-01 … BR-FR-32 rules against recorded external truth on the fixtures of tests/data/frctc (every
/// context of every rule id of both syntaxes, see tests/data/frctc/a/README.md): for CII, the failed assertions Saxon-HE
/// reports running the official Flux 2 CII stylesheet (cii-expected.tsv); for UBL, whose official stylesheet Saxon-HE
/// cannot compile, the expectations of ubl-expected.tsv, each justified by the rule text in that README.
/// Compared: the multiset of (rule id, location).
/// </summary>
public class FrCtcRulesATests
{
    public static TheoryData<string> CiiFixtures => TestData.Files(Path.Combine("frctc", "a", "cii"), "*.xml");

    public static TheoryData<string> UblFixtures => TestData.Files(Path.Combine("frctc", "a", "ubl"), "*.xml");

    [Theory]
    [MemberData(nameof(CiiFixtures))]
    public void Cii_Fixture_SameFailuresAsSaxonOnTheOfficialStylesheet(string file) => AssertExpected("cii", file);

    [Theory]
    [MemberData(nameof(UblFixtures))]
    public void Ubl_Fixture_FailuresTheRuleTextGives(string file) => AssertExpected("ubl", file);

    [Theory]
    [InlineData("ubl")]
    [InlineData("cii")]
    public void Fixtures_TogetherFireEveryRuleId_ButTheUnreachableOne(string syntax)
    {
        var fired = Expected(syntax).Select(static e => e.Id).ToHashSet(StringComparer.Ordinal);

        // UBL BR-FR-16_BT-103 repeats the context of BR-FR-16_BT-96 in the same pattern: the first rule takes every node.
        var unreachable = syntax == "ubl" ? new[] { "BR-FR-16_BT-103" } : [];
        Assert.Equal(FrCtcRulesA.Ids(syntax).Except(unreachable).Order(StringComparer.Ordinal), fired.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("cii", "factur-x-en16931.xml")]
    [InlineData("ubl", "ubl-21-extended-ctc-fr.xml")]
    [InlineData("ubl", "ubl-21-en16931.xml")]
    public void FrenchCorpusInvoice_NoProblem(string syntax, string file)
    {
        // The corpus README records 0 failed BR-FR rules for these (Saxon-HE for CII; the UBL ones are the reform's examples).
        var problems = new List<ValidationProblem>();
        FrCtcRulesA.Run(TestTrees.Parse(File.ReadAllText(TestData.PathOf(syntax, file)))!, syntax, problems);
        Assert.Empty(problems);
    }

    [Fact]
    public void Cii_TwoBuyerAddresses_ReportedAsNotEvaluable()
    {
        // string($endpointID) of two URIID nodes is an XPath type error (XPTY0004): the stylesheet stops; the rule is
        // reported failed with the reason, as the interpreter did.
        var text = File.ReadAllText(TestData.PathOf("frctc", "a", "cii", "a3-self-billed.xml"))
            .Replace("<ram:URIUniversalCommunication><ram:URIID schemeID=\"0225\">987654321</ram:URIID></ram:URIUniversalCommunication>", "<ram:URIUniversalCommunication><ram:URIID schemeID=\"0225\">987654321</ram:URIID></ram:URIUniversalCommunication><ram:URIUniversalCommunication><ram:URIID schemeID=\"EM\">b@example.fr</ram:URIID></ram:URIUniversalCommunication>", StringComparison.Ordinal);
        var problems = new List<ValidationProblem>();
        FrCtcRulesA.Run(TestTrees.Parse(text)!, "cii", problems);

        var p = Assert.Single(problems, static p => p.Rule == "BR-FR-12_BT-49");
        Assert.Equal(ValidationSeverity.Fatal, p.Severity);
        Assert.EndsWith("(the test could not be evaluated: XPTY0004: a sequence of more than one item is not allowed here)", p.Message, StringComparison.Ordinal);
        Assert.Equal("/rsm:CrossIndustryInvoice", p.Location);
    }

    [Fact]
    public void Messages_AreTheStylesheetsWording()
    {
        var problems = new List<ValidationProblem>();
        FrCtcRulesA.Run(TestTrees.Parse(File.ReadAllText(TestData.PathOf("frctc", "a", "cii", "a2-b2b.xml")))!, "cii", problems);

        Assert.Contains(problems, static p => p.Rule == "BR-FR-13_BT-34" && p.Message == "BR-FR-13/BT-34 : Le BT-34 est obligatoire. Valeur actuelle : BT-34=\" \".");
    }

    private static void AssertExpected(string syntax, string file)
    {
        var problems = new List<ValidationProblem>();
        FrCtcRulesA.Run(TestTrees.Parse(File.ReadAllText(TestData.PathOf("frctc", "a", syntax, file)))!, syntax, problems);

        Assert.All(problems, static p => Assert.Equal(ValidationSeverity.Fatal, p.Severity));
        var actual = problems.Select(static p => p.Rule + "\t" + p.Location).Order(StringComparer.Ordinal).ToList();
        var expected = Expected(syntax).Where(e => e.File == file).Select(static e => e.Id + "\t" + e.Location).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    private static IEnumerable<(string File, string Id, string Location)> Expected(string syntax) =>
        File.ReadAllLines(TestData.PathOf("frctc", "a", syntax + "-expected.tsv")).Skip(1)
            .Where(static l => l.Length > 0 && l[0] != '#')
            .Select(static l => l.Split('\t'))
            .Select(static c => (c[0], c[1], c[2]));
}
