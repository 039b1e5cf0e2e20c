using System.Text.RegularExpressions;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Internal.XPath;
using Chorus.Invoicing.Validation.Rules.Ubl;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The native UBL syntax rules against the schematron interpreter they replace (which agrees with Saxon on all we have): on
/// every UBL file of tests/data, their mutants, the syntax-rule fragments and one synthetic input per rule, both give the
/// same problems for these ids (id, severity, message, location, count). Delete this class with the interpreter; the external truth stays
/// in <see cref="UblConditionalRulesTests"/> (Saxon's verdicts) and SchematronDifferentialTests.
/// </summary>
public partial class UblConditionalDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void ConditionalRules_CorpusMutantsAndFragments_SameProblemsAsInterpreter()
    {
        var rules = RuleTables.En16931("ubl")!; // registers the names the tree records: load before building trees
        var ids = UblConditionalRules.Ids;
        Compare(rules, [.. Corpus(), .. Synthetic(rules, ids)], ids, UblConditionalRules.Run);
    }

    [Fact]
    public void AllUblSyntaxRules_CorpusMutantsFragmentsAndOneInputPerRule_SameProblemsAsInterpreter()
    {
        // The cardinality tables too (UblSyntaxRules.SR/CR), with an input per table rule that breaks it.
        var rules = RuleTables.En16931("ubl")!;
        var ids = UblSyntaxRules.Ids;
        Compare(rules, [.. Corpus(), .. Synthetic(rules, ids), .. TableSynthetic(rules, ids)], ids, UblSyntaxRules.Run);
    }

    private void Compare(Chorus.Invoicing.Validation.Internal.Schematron.SchematronRules rules, List<(string Name, string Text)> inputs, IReadOnlyCollection<string> ids, Action<XNode, List<ValidationProblem>> run)
    {
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
            catch (Exception e) when (e is XmlException or XTreeException)
            {
                disagreements.Add($"{name}: not readable ({e.Message})");
                continue;
            }

            var expected = new List<ValidationProblem>();
            InvoiceValidator.AddFailures(rules.Run(doc), expected);
            var interpreted = Keys(expected.Where(p => ids.Contains(p.Rule)));
            var native = new List<ValidationProblem>();
            run(doc, native);
            var got = Keys(native.Where(p => ids.Contains(p.Rule)));
            compared++;
            problems += interpreted.Count;
            fired.UnionWith(native.Select(static p => p.Rule));
            if (!got.SequenceEqual(interpreted))
            {
                disagreements.Add($"{name}: native-only [{string.Join("; ", got.Except(interpreted))}] interpreter-only [{string.Join("; ", interpreted.Except(got))}]");
            }
        }

        output.WriteLine($"{compared} documents × {ids.Count} rules, {problems} problems, {fired.Count} ids fired");
        output.WriteLine("never fired: " + string.Join(", ", ids.Except(fired).Order(StringComparer.Ordinal)));
        disagreements.ForEach(output.WriteLine);
        Assert.Empty(disagreements);
    }

    // Every UBL file of tests/data (the corpus and the syntax-rule fragments) and its mutants.
    private static IEnumerable<(string Name, string Text)> Corpus()
    {
        foreach (var folder in new[] { TestData.PathOf("ubl"), TestData.PathOf("ubl", "syntax-rules") })
        {
            foreach (var file in System.IO.Directory.GetFiles(folder).Where(static f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                yield return (Path.GetFileName(file), text);
                foreach (var (kind, mutant) in Mutations.Of(text, "ubl"))
                {
                    yield return (Path.GetFileName(file) + "__" + kind, mutant);
                }
            }
        }
    }

    // One document per cardinality rule of the UBL-syntax pattern: not(path) gets the path inserted into its context,
    // count(path) <= 1 gets it twice. Contexts are the first of their kind in Invoice-Max_content.xml.
    private static IEnumerable<(string Name, string Text)> TableSynthetic(Chorus.Invoicing.Validation.Internal.Schematron.SchematronRules rules, IReadOnlyCollection<string> ids)
    {
        var text = File.ReadAllText(TestData.PathOf("ubl", "Invoice-Max_content.xml"));
        foreach (var rule in rules.Patterns.Single(static p => p.Id == "UBL-syntax").Rules)
        {
            (string Close, int Occurrence)? where = rule.ContextText switch
            {
                "/ubl:Invoice | /cn:CreditNote" => ("</Invoice>", 1),
                "cac:InvoiceLine | cac:CreditNoteLine" => ("</cac:InvoiceLine>", 1),
                "cac:AllowanceCharge[cbc:ChargeIndicator = false()]" => ("</cac:AllowanceCharge>", 1),
                "cac:AllowanceCharge[cbc:ChargeIndicator = true()]" => ("</cac:AllowanceCharge>", 2),
                ['c', 'a', 'c', ':', .. var local] when !local.Contains('/', StringComparison.Ordinal) && !local.Contains('[', StringComparison.Ordinal) => ($"</cac:{local}>", 1),
                _ => null,
            };
            foreach (var a in rule.Assertions.Where(a => ids.Contains(a.Id)))
            {
                var xml = NotPath().Match(a.TestText) is { Success: true } not ? UblConditionalRulesTests.Nest(not.Groups[1].Value)
                    : AtMostOnePath().Match(a.TestText) is { Success: true } once ? UblConditionalRulesTests.Nest(once.Groups[1].Value) + UblConditionalRulesTests.Nest(once.Groups[1].Value)
                    : null;
                if (where is { } w && xml is not null)
                {
                    yield return ("table " + a.Id, UblConditionalRulesTests.Insert(text, w.Close, xml, occurrence: w.Occurrence));
                }
            }
        }
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

    [GeneratedRegex(@"^not\(((?:cac|cbc|ext):[\w:/@]+)\)$")]
    private static partial Regex NotPath();

    [GeneratedRegex(@"^\(?count\(((?:cac|cbc):[\w:/@]+)\) ?<= ?1\)?$")]
    private static partial Regex AtMostOnePath();

    [GeneratedRegex(@"^not\(//([\w:/@]+)\)$")]
    private static partial Regex AnywherePath();

    private static List<string> Keys(IEnumerable<ValidationProblem> problems) =>
        problems.Select(static p => $"{p.Rule} {p.Severity} {p.Location} {p.Message}").Order(StringComparer.Ordinal).ToList();
}
