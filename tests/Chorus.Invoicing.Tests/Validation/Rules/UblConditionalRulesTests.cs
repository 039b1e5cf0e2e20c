using System.Text.RegularExpressions;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal.Tree;
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
    public static TheoryData<string> Fragments() => [.. FragmentNames()];

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

    [Fact]
    public void SyntaxRules_OneInputPerShallNotRule_FragmentsAndCorpus_FailAsSaxon()
    {
        // Live oracle: the official stylesheet (tests/data/schematron, v1.3.16) run by Saxon-HE. Every UBL-* failure,
        // warnings included, compared by rule, flag and location; each synthetic input must fire the rule it was built for.
        var java = SchematronOracle.RequireSaxon();
        var work = Path.Combine(Path.GetTempPath(), "chorus-ubl-syntax-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(work, "in");
        var svrl = Path.Combine(work, "out");
        System.IO.Directory.CreateDirectory(input);
        System.IO.Directory.CreateDirectory(svrl);
        try
        {
            var intended = new Dictionary<string, string>(StringComparer.Ordinal);
            var text = File.ReadAllText(TestData.PathOf("ubl", "ubl-tc434-example1.xml"));
            foreach (var (id, belowLine, path) in UblConditionalRules.ShallNotBeUsed())
            {
                var name = $"synthetic-{id}.xml";
                intended[name] = id;
                File.WriteAllText(Path.Combine(input, name), belowLine
                    ? Insert(text, "</cac:InvoiceLine>", Nest(path))
                    : path.StartsWith('@') ? Insert(text, "<cbc:ID", $"<cbc:ID {path[1..]}=\"x\"", replace: true) : Insert(text, "</Invoice>", Nest(path)));
            }

            var sources = System.IO.Directory.GetFiles(TestData.PathOf("ubl")).Where(static f => SchematronDifferentialTests.SyntaxOf(f) == "ubl")
                .Concat(FragmentNames().Select(static f => TestData.PathOf("ubl", "syntax-rules", f)));
            foreach (var file in sources)
            {
                File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
            }

            var xslt = TestData.PathOf("schematron", "EN16931-UBL-validation.xslt");
            ExternalTool.Run(java, ["-Xmx1g", "-cp", SchematronOracle.SaxonJar, "net.sf.saxon.Transform", $"-s:{input}", $"-xsl:{xslt}", $"-o:{svrl}"], TimeSpan.FromMinutes(10));

            var disagreements = new List<string>();
            var files = System.IO.Directory.GetFiles(input).Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                var report = Path.Combine(svrl, Path.ChangeExtension(name, ".xml"));
                Assert.True(File.Exists(report), name + ": no report from Saxon");
                var expected = SaxonFailures(report);
                var got = Run(file).Select(static p => $"{p.Rule} {(p.Severity == ValidationSeverity.Fatal ? "fatal" : "warning")} {Normalize(p.Location)}").Order(StringComparer.Ordinal).ToList();
                if (!got.SequenceEqual(expected))
                {
                    disagreements.Add($"{name}: ours-only [{string.Join("; ", Minus(got, expected))}] saxon-only [{string.Join("; ", Minus(expected, got))}]");
                }

                if (intended.TryGetValue(name, out var id))
                {
                    Assert.True(expected.Any(e => e.StartsWith(id + " ", StringComparison.Ordinal)), $"{name}: Saxon does not fire {id}");
                }
            }

            Assert.True(intended.Count >= 150, $"only {intended.Count} synthetic inputs");
            Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {files.Count} documents differ:\n" + string.Join("\n", disagreements));
        }
        finally
        {
            System.IO.Directory.Delete(work, recursive: true);
        }
    }

    // The UBL-* failed assertions of an SVRL report: "id flag location", location as Normalize writes it.
    private static List<string> SaxonFailures(string svrl)
    {
        System.Xml.Linq.XNamespace ns = "http://purl.oclc.org/dsdl/svrl";
        return [.. System.Xml.Linq.XDocument.Load(svrl).Descendants(ns + "failed-assert")
            .Where(static f => ((string?)f.Attribute("id"))?.StartsWith("UBL-", StringComparison.Ordinal) == true)
            .Select(static f => $"{(string?)f.Attribute("id")} {(string?)f.Attribute("flag")} {Normalize(SaxonLocation((string?)f.Attribute("location") ?? string.Empty))}")
            .Order(StringComparer.Ordinal)];
    }

    // /*:Invoice[namespace-uri()='…'][1]/*:InvoiceLine[namespace-uri()='…'][2] -> /Invoice/InvoiceLine[2]
    private static string SaxonLocation(string location) => SaxonNamespace().Replace(location, string.Empty).Replace("*:", string.Empty, StringComparison.Ordinal);

    private static List<string> Minus(List<string> a, List<string> b)
    {
        var rest = b.ToList();
        return [.. a.Where(x => !rest.Remove(x))];
    }

    internal static string Insert(string text, string before, string xml, bool replace = false, int occurrence = 1)
    {
        var i = -1;
        for (var n = 0; n < occurrence; n++)
        {
            i = text.IndexOf(before, i + 1, StringComparison.Ordinal);
            Assert.True(i >= 0, before);
        }

        return string.Concat(text.AsSpan(0, i), xml, text.AsSpan(i + (replace ? before.Length : 0)));
    }

    // cac:A/cbc:B/@c -> <cac:A><cbc:B c="x">1</cbc:B></cac:A>
    internal static string Nest(string path)
    {
        var steps = path.Split('/');
        var attribute = steps[^1].StartsWith('@') ? $" {steps[^1][1..]}=\"x\"" : string.Empty;
        var elements = attribute.Length > 0 ? steps[..^1] : steps;
        // ext: is not declared by the invoices (UBL-CR-001 names ext:UBLExtensions).
        string Open(string e) => e.StartsWith("ext:", StringComparison.Ordinal) ? $"<{e} xmlns:ext=\"urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2\"" : "<" + e;
        return string.Concat(elements.Select((e, i) => i == elements.Length - 1 ? $"{Open(e)}{attribute}>1" : $"{Open(e)}>"))
            + string.Concat(elements.Reverse().Select(static e => $"</{e}>"));
    }

    internal static List<ValidationProblem> Run(string file)
    {
        if (!Path.IsPathRooted(file))
        {
            file = TestData.PathOf("ubl", "syntax-rules", file);
        }

        using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        var doc = XTreeBuilder.Build(reader);
        var problems = new List<ValidationProblem>();
        UblSyntaxRules.Run(doc, problems);
        return problems.Where(static p => p.Rule.StartsWith("UBL-", StringComparison.Ordinal)).ToList();
    }

    // The fragments the stylesheet gives a verdict on (not the one it aborts on).
    private static IEnumerable<string> FragmentNames() =>
        Expected().Select(static r => r.File).Distinct().Where(static f => !Expected().Any(r => r.File == f && r.Flag == "aborted"));

    private static List<(string File, string Rule, string Flag, int Count, string Locations)> Expected() =>
        [.. File.ReadAllLines(TestData.PathOf("ubl", "syntax-rules", "expected.tsv")).Skip(1).Where(static l => l.Length > 0)
            .Select(static l => l.Split('\t'))
            .Select(static c => (c[0], c[1], c[2], int.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture), c[4]))];

    // Our locations (/ubl:Invoice/cac:InvoiceLine[1]) as the TSV writes Saxon's: no prefixes, no [1].
    private static string Normalize(string location) => Prefix().Replace(location, "/").Replace("[1]", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"\[namespace-uri\(\)='[^']*'\]")]
    private static partial Regex SaxonNamespace();

    [GeneratedRegex(@"/[\w.-]+:")]
    private static partial Regex Prefix();
}
