using System.Globalization;
using System.Text;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The native Factur-X 1.09 business rules (<see cref="FacturXCoreRules"/>) against the official profile stylesheets:
/// tests/data/facturx-core/expected.tsv holds, for each fragment (facturx-core/fragments) and each of the five profiles, every failure of a rule of
/// these families that Saxon-HE reported running Factur-X_1.09_{profile}.xsl (id, severity, location, count; the command
/// is in that folder's README). "ABORTED" rows are fragments on which the stylesheet stops with a dynamic error (a
/// non-numeric amount): the validator then reports the rule as failed, with the reason.
/// </summary>
public class FacturXCoreRulesTests
{
    private static readonly string[] Profiles = ["MINIMUM", "BASICWL", "BASIC", "EN16931", "EXTENDED"];

    private static readonly Lazy<Dictionary<(string File, string Profile), List<string>?>> Expected = new(ReadExpected);

    public static TheoryData<string> Fragments => TestData.Files(Path.Combine("facturx-core", "fragments"), "*.xml");

    [Theory]
    [MemberData(nameof(Fragments))]
    public void Run_Fragment_SameFailuresAsTheOfficialProfileStylesheets(string file)
    {
        var doc = Load(file);
        foreach (var profile in Profiles)
        {
            var problems = new List<ValidationProblem>();
            FacturXCoreRules.Run(doc, profile, problems);
            Assert.All(problems, p => Assert.StartsWith($"Factur-X 1.09 {profile}: [{p.Rule}]", p.Message, StringComparison.Ordinal));

            var expected = Expected.Value[(file, profile)];
            if (expected is null)
            {
                Assert.Contains(problems, static p => p.Severity == ValidationSeverity.Fatal && p.Message.Contains("could not be evaluated", StringComparison.Ordinal));
                continue;
            }

            var actual = problems.Select(static p => $"{p.Rule}\t{(p.Severity == ValidationSeverity.Fatal ? "fatal" : "warning")}\t{Canonical(p.Location)}").Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(actual), $"{file} {profile}\nexpected (Saxon):\n  {string.Join("\n  ", expected)}\nnative:\n  {string.Join("\n  ", actual)}");
        }
    }

    [Fact]
    public void Expected_CoversEveryIdThatCanFail()
    {
        var failed = Expected.Value.Values.Where(static v => v is not null).SelectMany(static v => v!).Select(static l => l.Split('\t')[0]).ToHashSet(StringComparer.Ordinal);

        // Ids whose test is true() in every profile (BR-CO-05…08, CII-SR-464) cannot fail; every other id should be exercised.
        var untestable = new[] { "BR-CO-05", "BR-CO-06", "BR-CO-07", "BR-CO-08", "CII-SR-464" };
        var missing = FacturXCoreRules.Ids.Keys.Except(failed).Except(untestable).Order(StringComparer.Ordinal).ToList();
        // BR-41 (line allowance without amount) only fails in line-allowance-charge.xml, on which the stylesheets abort.
        Assert.Equal(["BR-41"], missing);
    }

    [Fact]
    public void Ids_ProfilesAsTheStylesheetsDeclareThem()
    {
        var ids = FacturXCoreRules.Ids;
        Assert.Equal(113, ids.Count);
        Assert.Equal(FxProfiles.All, ids["BR-01"]);
        Assert.Equal(FxProfiles.Basic | FxProfiles.En16931, ids["BR-22"]);
        Assert.Equal(FxProfiles.Extended, ids["BR-CO-25"]);
        Assert.Equal(FxProfiles.Extended, ids["CII-DT-097"]);
        Assert.Equal(FxProfiles.Basic | FxProfiles.En16931 | FxProfiles.Extended, ids["PEPPOL-EN16931-R008"]);
    }

    [Theory]
    [InlineData(0.1, "0.1000000000000000055511151231")] // Java: new BigDecimal(0.1) = 0.1000000000000000055511151231257827…, 28 digits kept
    [InlineData(625744.54, "625744.5400000000372529029846")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0")]
    public void DoubleToDecimal_ExactBinaryValueAsSaxonCastsIt(double value, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), FxXPath.DoubleToDecimal(value));

    [Theory]
    [InlineData(" 12.50 ", 12.5)]
    [InlineData("1e2", 100.0)]
    [InlineData("-INF", double.NegativeInfinity)]
    public void ParseDouble_XsDoubleLexicalForms(string text, double expected) => Assert.Equal(expected, FxXPath.ParseDouble(text));

    [Theory]
    [InlineData("abc")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    [InlineData("")]
    public void ParseDouble_NotAnXsDouble_IsTheDynamicError(string text) =>
        Assert.StartsWith("FORG0001:", Assert.Throws<FacturXEvalException>(() => FxXPath.ParseDouble(text)).Message, StringComparison.Ordinal);

    private static XNode Load(string file)
    {
        using var reader = XmlReader.Create(TestData.PathOf("facturx-core", "fragments", file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XTreeBuilder.Build(reader);
    }

    // "/rsm:A/ram:B[2]" → "/A[1]/B[2]", the form the SVRL locations are recorded in.
    private static string Canonical(string path)
    {
        var sb = new StringBuilder();
        foreach (var step in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var local = step.Substring(step.IndexOf(':', StringComparison.Ordinal) + 1);
            sb.Append('/').Append(local.Contains('[', StringComparison.Ordinal) ? local : local + "[1]");
        }

        return sb.ToString();
    }

    private static Dictionary<(string File, string Profile), List<string>?> ReadExpected()
    {
        var result = new Dictionary<(string, string), List<string>?>();
        foreach (var line in File.ReadLines(TestData.PathOf("facturx-core", "expected.tsv")).Skip(1))
        {
            var c = line.Split('\t');
            var key = (c[0], c[1]);
            if (c[2] == "ABORTED")
            {
                result[key] = null;
                continue;
            }

            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }

            for (var i = 0; i < int.Parse(c[5], CultureInfo.InvariantCulture); i++)
            {
                list!.Add($"{c[2]}\t{c[3]}\t{c[4]}");
            }
        }

        foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf("facturx-core", "fragments"), "*.xml"))
        {
            foreach (var profile in Profiles)
            {
                // A fragment on which no rule of these families fails has no row: an empty expectation.
                result.TryAdd((Path.GetFileName(file), profile), []);
            }
        }

        foreach (var list in result.Values)
        {
            list?.Sort(StringComparer.Ordinal);
        }

        return result;
    }
}
