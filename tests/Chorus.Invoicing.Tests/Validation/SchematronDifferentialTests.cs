using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// The acceptance test of the validator: over every UBL/CII invoice in tests/data and mutants of the valid ones, our
/// EN 16931 rules give the same verdict and the same set of fatal rule ids as the official schematron run live by Saxon-HE.
/// The mutants are the kinds of <see cref="Mutations"/> and of <see cref="FuzzMutations"/> (classes found by random mutation).
/// </summary>
public class SchematronDifferentialTests(ITestOutputHelper output)
{
    // Known defects of the oracle (see tests/data/README.md): the official stylesheet aborts with an XPath type error on
    // these inputs, so it gives no verdict to compare with. Our validator must still answer (checked below).
    private static readonly Dictionary<string, string> OracleDefects = new(StringComparer.Ordinal)
    {
        ["cii/line-total-4-decimals.xml"] = "EN16931 CII 1.3.16 aborts: two ram:URIUniversalCommunication make normalize-space() get a sequence of two items",
    };

    [Theory]
    [InlineData("ubl")]
    [InlineData("cii")]
    public void En16931Rules_CorpusAndMutants_AgreeWithOfficialSchematron(string syntax)
    {
        var java = SchematronOracle.RequireSaxon();
        var work = Path.Combine(Path.GetTempPath(), "chorus-oracle-" + Guid.NewGuid().ToString("N"), syntax);
        System.IO.Directory.CreateDirectory(work);
        try
        {
            foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf(syntax)).Where(f => SyntaxOf(f) == syntax))
            {
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
            }

            var originals = SchematronOracle.RunBatch(java, work, syntax);
            var mutants = 0;
            var kinds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, verdict) in originals)
            {
                if (verdict is { Count: 0 })
                {
                    var original = File.ReadAllText(Path.Combine(work, name));
                    foreach (var (kind, text) in Mutations.Of(original, syntax).Concat(FuzzMutations.Of(original, syntax)))
                    {
                        File.WriteAllText(Path.Combine(work, $"{Path.GetFileNameWithoutExtension(name)}__{kind}.xml"), text);
                        kinds.Add(kind);
                        mutants++;
                    }
                }
            }

            var oracle = SchematronOracle.RunBatch(java, work, syntax);
            int judged = 0, sameVerdict = 0, sameRules = 0;
            var disagreements = new List<string>();
            foreach (var (name, expected) in oracle.OrderBy(static p => p.Key, StringComparer.Ordinal))
            {
                var result = InvoiceValidator.Default.Validate(File.OpenRead(Path.Combine(work, name)), InvoiceRuleSets.En16931);
                Assert.True(result.Syntax is not null, $"{name}: no syntax detected");
                if (expected is null)
                {
                    Assert.True(OracleDefects.ContainsKey($"{syntax}/{name}") || name.Contains("__", StringComparison.Ordinal), $"{name}: the oracle gave no report and the file is not a known oracle defect");
                    continue;
                }

                judged++;
                var got = FatalRuleIds(result);
                if (got.SetEquals(expected))
                {
                    sameRules++;
                }

                // The verdict of the rules alone: XSD findings are not part of the schematron.
                if ((got.Count == 0) == (expected.Count == 0))
                {
                    sameVerdict++;
                }

                if (!got.SetEquals(expected))
                {
                    disagreements.Add($"{name}: ours [{string.Join(", ", got.Order(StringComparer.Ordinal))}] schematron [{string.Join(", ", expected.Order(StringComparer.Ordinal))}]");
                }
            }

            output.WriteLine($"{syntax}: {oracle.Count} files ({mutants} mutants of {kinds.Count} kinds); verdicts {sameVerdict}/{judged}, exact fatal rule sets {sameRules}/{judged}");
            foreach (var d in disagreements)
            {
                output.WriteLine("  " + d);
            }

            Assert.True(kinds.Count >= 10, $"only {kinds.Count} mutation kinds applied");
            Assert.Empty(disagreements);
        }
        finally
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(work)!, recursive: true);
        }
    }

    [Fact]
    public void En16931Rules_InputThatBreaksTheOfficialStylesheet_StillGetsAVerdict()
    {
        var result = InvoiceValidator.Default.Validate(File.OpenRead(TestData.PathOf("cii", "line-total-4-decimals.xml")), InvoiceRuleSets.En16931);

        Assert.Equal("cii", result.Syntax);
        Assert.DoesNotContain(result.Problems, static p => p.Message.Contains("could not be evaluated", StringComparison.Ordinal));
    }

    internal static HashSet<string> FatalRuleIds(InvoiceValidationResult result) =>
        result.Problems
            .Where(static p => p.Severity == ValidationSeverity.Fatal && !p.Rule.StartsWith("BR-FR-", StringComparison.Ordinal)
                && (p.Rule.StartsWith("BR-", StringComparison.Ordinal) || p.Rule.StartsWith("UBL-", StringComparison.Ordinal) || p.Rule.StartsWith("CII-", StringComparison.Ordinal)))
            .Select(static p => p.Rule)
            .ToHashSet(StringComparer.Ordinal);

    internal static string? SyntaxOf(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            reader.MoveToContent();
            return reader.NamespaceURI switch
            {
                "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" or "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" => "ubl",
                "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" => "cii",
                _ => null,
            };
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
