using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Internal.Schematron;
using Chorus.Invoicing.Validation.Internal.XPath;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// Differential test of the native Factur-X VAT category and EXTENDED rules against the schematron interpreter (which
/// agrees with Saxon on the official Factur-X 1.09 stylesheets): every CII file of tests/data (and the XML of the
/// Factur-X PDFs), its mutants, forced to each of the five profiles, give exactly the same problems for these ids.
/// Delete with the interpreter: FacturXVatRulesTests holds the Saxon-backed expectations that remain.
/// </summary>
public class FacturXVatDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[] Profiles = ["MINIMUM", "BASICWL", "BASIC", "EN16931", "EXTENDED"];
    private static readonly Regex Mine = new(@"^\s*\[(BR-(?:S|Z|E|AE|IC|G|O|AF|AG)-[0-9A-Za-z-]+|BR-FXEXT-[0-9A-Za-z-]+)\]", RegexOptions.CultureInvariant);

    internal static IEnumerable<(string Name, byte[] Xml)> Corpus()
    {
        foreach (var folder in new[] { "cii", "facturx" })
        {
            foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf(folder), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && SchematronDifferentialTests.SyntaxOf(file) == "cii")
                {
                    yield return (Path.GetFileName(file), File.ReadAllBytes(file));
                }
                else if (file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                {
                    byte[]? xml = null;
                    try
                    {
                        xml = Chorus.Invoicing.FacturX.FacturXDocument.Read(File.ReadAllBytes(file)).Invoice?.Content.ToArray();
                    }
                    catch (Chorus.Invoicing.Pdf.PdfFormatException)
                    {
                    }

                    if (xml is not null)
                    {
                        yield return (Path.GetFileName(file), xml);
                    }
                }
            }
        }
    }

    internal static IEnumerable<(string Name, byte[] Xml)> CorpusAndMutants()
    {
        foreach (var (name, xml) in Corpus())
        {
            yield return (name, xml);
            var text = Encoding.UTF8.GetString(xml);
            foreach (var (kind, mutated) in Mutations.Of(text, "cii").Concat(FacturXVatMutations.Of(text)))
            {
                yield return ($"{name}__{kind}", Encoding.UTF8.GetBytes(mutated));
            }
        }
    }

    internal static XNode? Tree(byte[] xml)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), InvoiceValidator.SafeSettings(null));
            return XTreeBuilder.Build(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static readonly Dictionary<string, SchematronRules> Tables = Profiles.ToDictionary(static p => p, static p => RuleTableLoader.Load($"facturx/Factur-X_1.09_{p}.sch"), StringComparer.Ordinal);

    internal static List<string> Interpreter(XNode doc, string profile)
    {
        var list = new List<string>();
        foreach (var f in Tables[profile].Run(doc, new XPathHost()))
        {
            if (Mine.Match(f.Assertion.Message) is not { Success: true } m)
            {
                continue;
            }

            var severity = f.Assertion.IsReport || f.Assertion.Flag is "warning" or "information" ? ValidationSeverity.Warning : ValidationSeverity.Fatal;
            var message = f.Error is null ? f.Assertion.Message : f.Assertion.Message + " (the test could not be evaluated: " + f.Error + ")";
            list.Add($"{m.Groups[1].Value} {severity} {f.Node.Path()} | Factur-X 1.09 {profile}: {message}");
        }

        list.Sort(StringComparer.Ordinal);
        return list;
    }

    internal static List<string> Native(XNode doc, string profile)
    {
        var problems = new List<ValidationProblem>();
        FacturXVatRules.Run(doc, profile, problems);
        var list = problems.Select(static p => $"{p.Rule} {p.Severity} {p.Location} | {p.Message}").ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    [Fact]
    public void NativeVatRules_CorpusAndMutantsInEveryProfile_SameProblemsAsTheInterpreter()
    {
        int files = 0, runs = 0, problems = 0;
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        foreach (var (name, xml) in CorpusAndMutants())
        {
            if (Tree(xml) is not { } doc)
            {
                continue;
            }

            files++;
            foreach (var profile in Profiles)
            {
                runs++;
                var expected = Interpreter(doc, profile);
                var got = Native(doc, profile);
                problems += expected.Count;
                foreach (var e in expected)
                {
                    fired.Add(e.Substring(0, e.IndexOf(' ', StringComparison.Ordinal)));
                }

                if (!expected.SequenceEqual(got))
                {
                    foreach (var e in expected.Except(got))
                    {
                        disagreements.Add($"{name} {profile} missing: {Cut(e)}");
                    }

                    foreach (var g in got.Except(expected))
                    {
                        disagreements.Add($"{name} {profile} extra: {Cut(g)}");
                    }
                }
            }
        }

        output.WriteLine($"{files} documents × {Profiles.Length} profiles = {runs} runs, {problems} expected problems, {fired.Count} ids fired: {string.Join(" ", fired.Order(StringComparer.Ordinal))}");
        foreach (var g in disagreements.GroupBy(static d => string.Join(" ", d.Split(' ').Skip(1).Take(3))).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{g.Count(),5} {g.Key}");
        }

        foreach (var d in disagreements.Take(300))
        {
            output.WriteLine(d);
        }

        Assert.Empty(disagreements);
    }

    private static string Cut(string s) => s.Length > 400 ? s.Remove(400) + "…" : s;
}
