using System.Text;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Internal.XPath;
using Chorus.Invoicing.Validation.Rules.FrCtc;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// Differential test of the native BR-FR-01 … BR-FR-32 rules against the schematron interpreter running the embedded
/// Flux 2 rule tables, on every UBL/CII file of tests/data, the EN 16931 mutants and the French mutants: same problems
/// (id, severity, message, location), in the same order. DELETE THIS FILE WITH THE INTERPRETER: it is the oracle only
/// while the rule tables exist; FrCtcRulesATests carries the expectations that outlive it.
/// </summary>
public class FrCtcRulesADifferentialTests(ITestOutputHelper output)
{
    // Where the interpreter is wrong and the native rules follow Saxon-HE (tests/data/frctc/a/cii-expected.tsv).
    private static readonly Dictionary<string, string> InterpreterDefects = new(StringComparer.Ordinal)
    {
        ["a5-trailing-newline.xml"] = "the interpreter runs XPath regexes on .NET, whose '$' also matches before a final line feed: it accepts \"123456782\\n\" for ^\\d{9}$",
    };

    [Theory]
    [InlineData("ubl")]
    [InlineData("cii")]
    public void NativeRules_CorpusAndMutants_SameProblemsAsTheInterpreter(string syntax)
    {
        var table = RuleTableLoader.Load(syntax == "ubl" ? "frctc/BR-FR-Flux2-Schematron-UBL.sch" : "frctc/BR-FR-Flux2-Schematron-CII.sch");
        var ids = new HashSet<string>(FrCtcRulesA.Ids(syntax), StringComparer.Ordinal);
        Assert.Equal(ids.Order(StringComparer.Ordinal), table.AllAssertions.Select(static a => a.Id).Where(ids.Contains).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            table.AllAssertions.Select(static a => a.Id).Where(static id => IsPartA(id)).Distinct().Order(StringComparer.Ordinal),
            ids.Order(StringComparer.Ordinal));

        var files = System.IO.Directory.GetFiles(TestData.PathOf(syntax), "*.xml", SearchOption.AllDirectories)
            .Concat(System.IO.Directory.GetFiles(TestData.PathOf(syntax), "*.XML", SearchOption.AllDirectories))
            .Concat(System.IO.Directory.GetFiles(TestData.PathOf("frctc", "a", syntax), "*.xml"))
            .Distinct().ToList();
        var documents = 0;
        var problems = 0;
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        foreach (var file in files.Where(static f => !InterpreterDefects.ContainsKey(Path.GetFileName(f))))
        {
            var text = File.ReadAllText(file);
            var cases = new List<(string Name, string Text)> { ("original", text) };
            cases.AddRange(Mutations.Of(text, syntax));
            cases.AddRange(FrenchMutations.Of(text, syntax));
            foreach (var (name, mutant) in cases)
            {
                if (Parse(mutant) is not { } doc || SyntaxOf(doc) != syntax)
                {
                    continue;
                }

                documents++;
                var expected = new List<ValidationProblem>();
                RuleTableLoader.AddProblems(table.Run(doc), "BR-FR", expected);
                expected = expected.Where(p => ids.Contains(p.Rule)).ToList();
                var actual = new List<ValidationProblem>();
                FrCtcRulesA.Run(doc, syntax, actual);
                problems += expected.Count;
                fired.UnionWith(expected.Select(static p => p.Rule));
                if (!expected.SequenceEqual(actual))
                {
                    disagreements.Add($"{Path.GetFileName(file)} [{name}]\n  interpreter: {Show(expected)}\n  native:      {Show(actual)}");
                }
            }
        }

        output.WriteLine($"{syntax}: {files.Count} files ({files.Count(static f => InterpreterDefects.ContainsKey(Path.GetFileName(f)))} set aside as interpreter defects), {documents} documents (with mutants), {ids.Count} rule ids, {problems} problems, {fired.Count} ids fired: {string.Join(" ", fired.Order(StringComparer.Ordinal))}");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(20)));
    }

    internal static bool IsPartA(string id)
    {
        if (!id.StartsWith("BR-FR-", StringComparison.Ordinal) || id.Length < 8 || !char.IsDigit(id[6]) || !char.IsDigit(id[7]))
        {
            return false;
        }

        var n = (id[6] - '0') * 10 + (id[7] - '0');
        return n is >= 1 and <= 32;
    }

    internal static XNode? Parse(string text)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), InvoiceValidator.SafeSettings(null));
            return XTreeBuilder.Build(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string? SyntaxOf(XNode doc) => doc.Children.FirstOrDefault(static c => c.Kind == XNodeKind.Element) is { } root
        ? root.NamespaceUri switch
        {
            "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" or "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" => "ubl",
            "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" => "cii",
            _ => null,
        }
        : null;

    private static string Show(List<ValidationProblem> problems) =>
        problems.Count == 0 ? "(none)" : string.Join("\n    ", problems.Select(static p => $"{p.Rule} {p.Severity} {p.Location} :: {p.Message}"));
}
