using System.Xml;
using System.Xml.Linq;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Internal.XPath;
using Chorus.Invoicing.Validation.Rules;
using Chorus.Invoicing.Validation.Rules.Bindings;
using Chorus.Invoicing.Validation.Rules.Cii;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The conditional CII syntax rules (CiiConditionalRules) and the binding-dependent BR rules (BindingBusinessRules)
/// against the schematron interpreter they replace (which agrees with Saxon on the whole corpus, see
/// SchematronDifferentialTests): on every UBL/CII file of tests/data, every fragment of the CEN rule test sets, and
/// mutants of them all (the shared mutation kinds plus kinds aimed at these rules), both give exactly the same problems
/// for these ids: same id, severity, location and count (and message, unless the test could not be evaluated).
/// This test goes with the interpreter when it is deleted; the Saxon-backed tests stay.
/// </summary>
public class BindingRulesDifferentialTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("ubl")]
    [InlineData("cii")]
    public void NativeBindingRules_AgreeWithTheInterpreter_OnCorpusFragmentsAndMutants(string syntax)
    {
        var ids = new HashSet<string>(BindingBusinessRules.IdsFor(syntax == "ubl" ? RuleSyntax.Ubl : RuleSyntax.Cii), StringComparer.Ordinal);
        if (syntax == "cii")
        {
            ids.UnionWith(CiiConditionalRules.Ids);
        }

        var rules = RuleTables.En16931(syntax)!;
        int documents = 0, compared = 0;
        var fired = new Dictionary<string, int>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        foreach (var (name, xml) in Inputs(syntax))
        {
            Chorus.Invoicing.Validation.Internal.XPath.XNode doc;
            try
            {
                doc = XTreeBuilder.Build(XmlReader.Create(new StringReader(xml), InvoiceValidator.SafeSettings(null)));
            }
            catch (Exception ex) when (ex is XmlException or XTreeException)
            {
                continue;
            }

            documents++;
            var expected = new List<ValidationProblem>();
            InvoiceValidator.AddFailures(rules.Run(doc).Where(f => ids.Contains(f.Assertion.Id)).ToList(), expected);
            var got = new List<ValidationProblem>();
            BindingBusinessRules.Run(doc, syntax == "ubl" ? RuleSyntax.Ubl : RuleSyntax.Cii, got);
            if (syntax == "cii")
            {
                CiiConditionalRules.Run(doc, got);
            }

            compared += ids.Count;
            foreach (var p in expected)
            {
                fired[p.Rule] = fired.GetValueOrDefault(p.Rule) + 1;
            }

            var e = expected.Select(Key).Order(StringComparer.Ordinal).ToList();
            var g = got.Select(Key).Order(StringComparer.Ordinal).ToList();
            if (!e.SequenceEqual(g))
            {
                disagreements.Add($"{name}: interpreter [{string.Join("; ", e.Except(g))}] native [{string.Join("; ", g.Except(e))}]");
            }
        }

        output.WriteLine($"{syntax}: {documents} documents x {ids.Count} ids = {compared} comparisons; {disagreements.Count} disagreements");
        output.WriteLine("fired: " + string.Join(", ", fired.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => $"{p.Key}={p.Value}")));
        foreach (var d in disagreements.Take(40))
        {
            output.WriteLine("  " + d);
        }

        Assert.Empty(disagreements);
        Assert.True(documents > 100, $"only {documents} documents");
    }

    [Theory]
    [InlineData("ubl")]
    [InlineData("cii")]
    public void EveryBrAndCiiRuleOfTheBinding_IsNative(string syntax)
    {
        // UBL-* ids are native in another table (UBL syntax rules): not this binding's business here.
        var missing = RuleTables.En16931(syntax)!.AllAssertions.Select(static a => a.Id)
            .Where(static id => !id.StartsWith("UBL-", StringComparison.Ordinal))
            .Where(id => !NativeEn16931.NativeIds(syntax).Contains(id))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{syntax}: not native [{string.Join(", ", missing)}]");
        Assert.Empty(missing);
    }

    // The message is compared too, except where the test could not be evaluated (the reason's wording differs).
    private static string Key(ValidationProblem p) =>
        $"{p.Rule} {p.Severity} {p.Location} {(p.Message.Contains("could not be evaluated", StringComparison.Ordinal) ? "(error)" : p.Message)}";

    private static IEnumerable<(string Name, string Xml)> Inputs(string syntax)
    {
        var originals = new List<(string, string)>();
        foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf(syntax), "*.xml").Order(StringComparer.Ordinal))
        {
            if (SchematronDifferentialTests.SyntaxOf(file) == syntax)
            {
                originals.Add((Path.GetFileName(file), File.ReadAllText(file)));
            }
        }

        var vefa = XNamespace.Get("http://difi.no/xsd/vefa/validator/1.0");
        foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf(syntax, "rules"), "*.xml").Order(StringComparer.Ordinal))
        {
            var i = 0;
            foreach (var test in XDocument.Load(file).Root!.Elements(vefa + "test"))
            {
                var invoice = test.Elements().First(e => e.Name != vefa + "assert");
                originals.Add(($"{Path.GetFileName(file)}#{i++}", new XDocument(invoice).ToString()));
            }
        }

        foreach (var (name, text) in originals)
        {
            yield return (name, text);
            foreach (var (kind, mutated) in Mutations.Of(text, syntax))
            {
                yield return (name + "__" + kind, mutated);
            }

            foreach (var (kind, s, apply) in AimedMutations.All)
            {
                if (s == syntax && apply(text) is { } mutated && mutated != text)
                {
                    yield return (name + "__" + kind, mutated);
                }
            }
        }
    }
}
