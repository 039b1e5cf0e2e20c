using System.Text.RegularExpressions;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Rules;
using Chorus.Invoicing.Validation.Rules.Bindings;
using Chorus.Invoicing.Validation.Rules.Cii;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The conditional CII syntax rules and the binding-dependent BR rules against the official schematron run live by
/// Saxon-HE (tests/data/schematron, CEN/TC 434 v1.3.16): every UBL/CII file of tests/data and its mutants aimed at these
/// rules (<see cref="AimedMutations"/>); for these ids, the validator reports as many problems per id and severity
/// (fatal or warning) as the stylesheet's failed assertions. Inputs on which the stylesheet aborts (an XPath dynamic
/// error, deliberately made by some mutants) give no complete report and are not judged.
/// </summary>
public partial class BindingRulesOracleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("ubl")]
    [InlineData("cii")]
    public void BindingRules_CorpusAndAimedMutants_CountPerIdAndSeverityAsOfficialSchematron(string syntax)
    {
        var java = SchematronOracle.RequireSaxon();
        var ids = new HashSet<string>(BindingBusinessRules.IdsFor(syntax == "ubl" ? RuleSyntax.Ubl : RuleSyntax.Cii), StringComparer.Ordinal);
        if (syntax == "cii")
        {
            ids.UnionWith(CiiConditionalRules.Ids);
        }

        var work = Path.Combine(Path.GetTempPath(), "chorus-binding-oracle-" + Guid.NewGuid().ToString("N"), syntax);
        var svrl = work + "-svrl";
        System.IO.Directory.CreateDirectory(work);
        System.IO.Directory.CreateDirectory(svrl);
        try
        {
            foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf(syntax)).Where(f => SchematronDifferentialTests.SyntaxOf(f) == syntax))
            {
                var text = File.ReadAllText(file);
                var stem = Path.GetFileNameWithoutExtension(file);
                File.WriteAllText(Path.Combine(work, stem + ".xml"), text);
                foreach (var (kind, s, apply) in AimedMutations.All)
                {
                    if (s == syntax && apply(text) is { } mutated && mutated != text)
                    {
                        File.WriteAllText(Path.Combine(work, $"{stem}__{kind}.xml"), mutated);
                    }
                }
            }

            var xslt = TestData.PathOf("schematron", $"EN16931-{syntax.ToUpperInvariant()}-validation.xslt");
            ExternalTool.Run(java, ["-Xmx1g", "-cp", SchematronOracle.SaxonJar, "net.sf.saxon.Transform", $"-s:{work}", $"-xsl:{xslt}", $"-o:{svrl}"], TimeSpan.FromMinutes(10));

            var record = Environment.GetEnvironmentVariable(RecordVariable) is { Length: > 0 } ? new List<string>() : null;
            int judged = 0, aborted = 0, unreadable = 0;
            var fired = new Dictionary<string, int>(StringComparer.Ordinal);
            var disagreements = new List<string>();
            foreach (var file in System.IO.Directory.GetFiles(work).Order(StringComparer.Ordinal))
            {
                var report = Path.Combine(svrl, Path.GetFileName(file));
                // On an XPath dynamic error Saxon stops and leaves the report cut short: no verdict then.
                if (!File.Exists(report) || !File.ReadAllText(report).Contains("</svrl:schematron-output>", StringComparison.Ordinal))
                {
                    record?.Add(Path.GetFileNameWithoutExtension(file) + "\t" + BindingRulesRecordedVerdictTests.Aborted);
                    aborted++;
                    continue;
                }

                var result = InvoiceValidator.Default.Validate(File.ReadAllBytes(file), InvoiceRuleSets.En16931);
                if (result.Syntax is null)
                {
                    unreadable++;
                    continue;
                }

                judged++;
                var expected = new List<string>();
                foreach (Match m in FailedAssert().Matches(File.ReadAllText(report)))
                {
                    if (IdAttribute().Match(m.Groups[1].Value) is { Success: true } id && ids.Contains(id.Groups[1].Value))
                    {
                        var flag = FlagAttribute().Match(m.Groups[1].Value).Groups[1].Value;
                        expected.Add(id.Groups[1].Value + (flag is "warning" or "information" ? " warning" : " fatal"));
                        fired[id.Groups[1].Value] = fired.GetValueOrDefault(id.Groups[1].Value) + 1;
                    }
                }

                record?.Add(Path.GetFileNameWithoutExtension(file) + "\t" + string.Join(",", expected.Order(StringComparer.Ordinal)));
                var got = result.Problems.Where(p => ids.Contains(p.Rule)).Select(static p => p.Rule + (p.Severity == ValidationSeverity.Fatal ? " fatal" : " warning")).ToList();
                expected.Sort(StringComparer.Ordinal);
                got.Sort(StringComparer.Ordinal);
                if (!expected.SequenceEqual(got))
                {
                    disagreements.Add($"{Path.GetFileName(file)}: schematron [{string.Join(", ", expected)}] ours [{string.Join(", ", got)}]");
                }
            }

            if (record is not null)
            {
                BindingRulesRecordedVerdictTests.Write(Path.Combine(Environment.GetEnvironmentVariable(RecordVariable)!, $"binding-rules-saxon-{syntax}.tsv"), syntax, record);
            }

            output.WriteLine($"{syntax}: {judged} files judged x {ids.Count} ids, {aborted} without report (stylesheet aborted), {unreadable} unreadable; {disagreements.Count} disagreements");
            output.WriteLine("failed assertions: " + string.Join(", ", fired.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => $"{p.Key}={p.Value}")));
            foreach (var d in disagreements.Take(40))
            {
                output.WriteLine("  " + d);
            }

            Assert.Empty(disagreements);
            Assert.True(judged > 100, $"only {judged} files judged");
        }
        finally
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(work)!, recursive: true);
        }
    }

    /// <summary>Set to a folder (tests/data/schematron), the test also writes the verdicts it read as binding-rules-saxon-{syntax}.tsv.</summary>
    internal const string RecordVariable = "CHORUS_RECORD_BINDING_VERDICTS";

    [GeneratedRegex(@"<svrl:failed-assert\b([^>]*)>")]
    private static partial Regex FailedAssert();

    [GeneratedRegex("flag=\"([^\"]*)\"")]
    private static partial Regex FlagAttribute();

    [GeneratedRegex("\\bid=\"([^\"]*)\"")]
    private static partial Regex IdAttribute();
}
