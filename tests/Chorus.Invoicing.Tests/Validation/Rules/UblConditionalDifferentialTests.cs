using System.Text.RegularExpressions;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Internal.XPath;
using Chorus.Invoicing.Validation.Rules.Ubl;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The native conditional UBL syntax rules against the schematron interpreter they replace (which agrees with Saxon on all
/// we have): on every UBL file of tests/data, their mutants and the syntax-rule fragments, both give the same problems for
/// these ids (id, severity, message, location, count). Delete this class with the interpreter; the external truth stays
/// in <see cref="UblConditionalRulesTests"/> (Saxon's verdicts) and SchematronDifferentialTests.
/// </summary>
public partial class UblConditionalDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void ConditionalRules_CorpusMutantsAndFragments_SameProblemsAsInterpreter()
    {
        var rules = RuleTables.En16931("ubl")!; // registers the names the tree records: load before building trees
        var ids = UblConditionalRules.Ids;
        var inputs = new List<(string Name, string Text)>();
        foreach (var folder in new[] { TestData.PathOf("ubl"), TestData.PathOf("ubl", "syntax-rules") })
        {
            foreach (var file in System.IO.Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                inputs.Add((Path.GetFileName(file), text));
                foreach (var (kind, mutant) in Mutations.Of(text, "ubl"))
                {
                    inputs.Add((Path.GetFileName(file) + "__" + kind, mutant));
                }
            }
        }

        inputs.AddRange(Synthetic(rules, ids));
        int compared = 0, problems = 0;
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        foreach (var (name, text) in inputs)
        {
            XNode doc;
            try
            {
                using var reader = XmlReader.Create(new StringReader(text), InvoiceValidator.SafeSettings(null));
                doc = XTreeBuilder.Build(reader);
            }
            catch (XmlException)
            {
                continue;
            }

            var expected = new List<ValidationProblem>();
            InvoiceValidator.AddFailures(rules.Run(doc), expected);
            var interpreted = Keys(expected.Where(p => ids.Contains(p.Rule)));
            var native = new List<ValidationProblem>();
            UblConditionalRules.Run(doc, native);
            var got = Keys(native);
            compared++;
            problems += interpreted.Count;
            fired.UnionWith(native.Select(static p => p.Rule));
            if (!got.SequenceEqual(interpreted))
            {
                disagreements.Add($"{name}: native-only [{string.Join("; ", got.Except(interpreted))}] interpreter-only [{string.Join("; ", interpreted.Except(got))}]");
            }
        }

        output.WriteLine($"{compared} documents × {ids.Count} rules, {problems} problems, {fired.Count} ids fired: {string.Join(", ", fired.Order(StringComparer.Ordinal))}");
        disagreements.ForEach(output.WriteLine);
        Assert.Empty(disagreements);
    }

    // One document per "shall not be used" rule of the artefacts on our ids, taking the path from the rule's own test:
    // not((cac:InvoiceLine|cac:CreditNoteLine)/path) inserts the path into the first line, not(//path) into the document,
    // not(//@attr) puts the attribute on the first cbc:ID. Every such rule then fires at least once.
    private static IEnumerable<(string Name, string Text)> Synthetic(Chorus.Invoicing.Validation.Internal.Schematron.SchematronRules rules, IReadOnlyCollection<string> ids)
    {
        var text = File.ReadAllText(TestData.PathOf("ubl", "ubl-tc434-example1.xml"));
        foreach (var a in rules.AllAssertions.Where(a => ids.Contains(a.Id)))
        {
            if (LinePath().Match(a.TestText) is { Success: true } line)
            {
                yield return ("synthetic " + a.Id, UblConditionalRulesTests.Insert(text, "</cac:InvoiceLine>", UblConditionalRulesTests.Nest(line.Groups[1].Value)));
            }
            else if (AnywherePath().Match(a.TestText) is { Success: true } anywhere)
            {
                var path = anywhere.Groups[1].Value;
                yield return ("synthetic " + a.Id, path.StartsWith('@')
                    ? UblConditionalRulesTests.Insert(text, "<cbc:ID", $"<cbc:ID {path[1..]}=\"x\"", replace: true)
                    : UblConditionalRulesTests.Insert(text, "</Invoice>", UblConditionalRulesTests.Nest(path)));
            }
        }
    }

    [GeneratedRegex(@"^not\(\(cac:InvoiceLine\|cac:CreditNoteLine\)/([\w:/]+)\)$")]
    private static partial Regex LinePath();

    [GeneratedRegex(@"^not\(//([\w:/@]+)\)$")]
    private static partial Regex AnywherePath();

    private static List<string> Keys(IEnumerable<ValidationProblem> problems) =>
        problems.Select(static p => $"{p.Rule} {p.Severity} {p.Location} {p.Message}").Order(StringComparer.Ordinal).ToList();
}
