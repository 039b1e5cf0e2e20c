using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Rules;
using Chorus.Invoicing.Validation.Rules.Bindings;
using Chorus.Invoicing.Validation.Rules.Cii;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The official schematron's verdicts on the aimed mutants, recorded from Saxon-HE (tests/data/schematron/
/// binding-rules-saxon-{ubl,cii}.tsv, the command in their header): the same agreement as
/// <see cref="BindingRulesOracleTests"/> where no Java is installed. A row is the mutant (original file stem, "__",
/// mutation kind) and the failed assertions of the binding rules as "id flag", comma-separated, or ABORTED.
/// </summary>
public class BindingRulesRecordedVerdictTests
{
    internal const string Aborted = "ABORTED";

    public static TheoryData<string> Syntaxes() => new("ubl", "cii");

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void BindingRules_OnRecordedMutants_FailAsTheOfficialSchematronDid(string syntax)
    {
        var ids = new HashSet<string>(BindingBusinessRules.IdsFor(syntax == "ubl" ? RuleSyntax.Ubl : RuleSyntax.Cii), StringComparer.Ordinal);
        if (syntax == "cii")
        {
            ids.UnionWith(CiiConditionalRules.Ids);
        }

        var originals = System.IO.Directory.GetFiles(TestData.PathOf(syntax))
            .Where(f => SchematronDifferentialTests.SyntaxOf(f) == syntax)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.Ordinal);
        int judged = 0, fired = 0;
        var disagreements = new List<string>();
        foreach (var line in File.ReadLines(TestData.PathOf("schematron", $"binding-rules-saxon-{syntax}.tsv")).Where(static l => l.Length > 0 && l[0] != '#'))
        {
            var (name, verdict) = (line.Split('\t')[0], line.Split('\t')[1]);
            if (verdict == Aborted)
            {
                continue;
            }

            var cut = name.IndexOf("__", StringComparison.Ordinal);
            var text = originals[cut < 0 ? name : name.Substring(0, cut)];
            if (cut >= 0)
            {
                var kind = name.Substring(cut + 2);
                text = AimedMutations.All.Single(m => m.Syntax == syntax && m.Name == kind).Apply(text)!;
            }

            var result = InvoiceValidator.Default.Validate(System.Text.Encoding.UTF8.GetBytes(text), InvoiceRuleSets.En16931);
            var got = result.Problems.Where(p => ids.Contains(p.Rule)).Select(static p => p.Rule + (p.Severity == ValidationSeverity.Fatal ? " fatal" : " warning")).Order(StringComparer.Ordinal);
            var expected = verdict.Length == 0 ? [] : verdict.Split(',');
            judged++;
            fired += expected.Length;
            if (!got.SequenceEqual(expected.Order(StringComparer.Ordinal)))
            {
                disagreements.Add($"{name}: schematron [{verdict}] ours [{string.Join(",", got)}]");
            }
        }

        Assert.Empty(disagreements);
        Assert.True(judged > 100 && fired > 100, $"only {judged} verdicts, {fired} failed assertions");
    }

    internal static void Write(string path, string syntax, List<string> rows)
    {
        var header = new[]
        {
            $"# Verdicts of the official EN 16931 schematron (CEN/TC 434 v1.3.16, tests/data/schematron/EN16931-{syntax.ToUpperInvariant()}-validation.xslt) for the",
            "# binding rules (BindingBusinessRules, CiiConditionalRules) on tests/data/" + syntax + " files and their AimedMutations, recorded by",
            $"#   {BindingRulesOracleTests.RecordVariable}=$PWD/tests/data/schematron dotnet test --project tests/Chorus.Invoicing.Tests -- --filter-class Chorus.Invoicing.Tests.Validation.Rules.BindingRulesOracleTests",
            "# which runs: java -Xmx1g -cp /usr/share/java/Saxon-HE.jar net.sf.saxon.Transform -s:<folder of the files and mutants> -xsl:<that xslt> -o:<svrl folder>",
            "# (Saxon-HE 9.9, Debian libsaxonhe-java). Columns: file stem[__mutation kind], failed assertions \"id flag\" (comma-separated) or ABORTED (XPath dynamic error: no complete report).",
        };
        File.WriteAllLines(path, header.Concat(rows.Order(StringComparer.Ordinal)));
    }
}
