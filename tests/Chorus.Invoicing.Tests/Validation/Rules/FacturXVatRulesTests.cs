using System.Text;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FacturX;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The native Factur-X 1.09 VAT category and EXTENDED rules against the official verdict: tests/data/facturx-vat holds 30
/// mutated invoices and, in expected.tsv, what Saxon-HE running the official Factur-X 1.09 stylesheets reports for these
/// rule ids in each of the five profiles (command in tests/data/facturx-vat/README.md). Same ids, same severities, same
/// number of problems per id and the same locations.
/// </summary>
public class FacturXVatRulesTests
{
    private static readonly string[] Profiles = ["MINIMUM", "BASICWL", "BASIC", "EN16931", "EXTENDED"];

    private static readonly Lazy<ILookup<(string File, string Profile), string>> Expected = new(static () =>
        File.ReadAllLines(TestData.PathOf("facturx-vat", "expected.tsv")).Skip(1)
            .Select(static l => l.Split('\t'))
            .ToLookup(static a => (a[0], a[1]), static a => a[2] == "-" ? string.Empty : $"{a[2]} {a[3]} {a[4]}"));

    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf("facturx-vat"), "*.xml").Order(StringComparer.Ordinal))
        {
            foreach (var profile in Profiles)
            {
                data.Add(Path.GetFileName(file), profile);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Run_MutatedInvoiceInProfile_SameProblemsAsTheOfficialStylesheet(string file, string profile)
    {
        var expected = Expected.Value[(file, profile)].Where(static e => e.Length > 0).Order(StringComparer.Ordinal).ToList();
        Assert.True(Expected.Value.Contains((file, profile)), $"{file} {profile} has no row in expected.tsv");

        var problems = new List<ValidationProblem>();
        FacturXVatRules.Run(Tree(File.ReadAllBytes(TestData.PathOf("facturx-vat", file))), profile, problems);
        var got = problems.Select(static p => $"{p.Rule} {p.Severity} {WithoutPrefixes(p.Location)}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, got);
    }

    [Fact]
    public void Run_ProblemsCarryTheProfileAndTheOfficialText()
    {
        var problems = new List<ValidationProblem>();
        FacturXVatRules.Run(Tree(File.ReadAllBytes(TestData.PathOf("facturx-vat", "facturFrMinimum__fx-date-205-bad.xml"))), "EXTENDED", problems);

        var p = Assert.Single(problems, static p => p.Rule == "BR-FXEXT-CII-DT-097a");
        Assert.Equal(ValidationSeverity.Fatal, p.Severity);
        Assert.StartsWith("Factur-X 1.09 EXTENDED: [BR-FXEXT-CII-DT-097a]-", p.Message, StringComparison.Ordinal);
        Assert.StartsWith("/rsm:CrossIndustryInvoice/", p.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownProfileOrNotCii_NoProblem()
    {
        var problems = new List<ValidationProblem>();
        var doc = Tree(File.ReadAllBytes(TestData.PathOf("facturx-vat", "CII_example3__fx-all-O-allowance-S.xml")));
        FacturXVatRules.Run(doc, "XRECHNUNG", problems);
        FacturXVatRules.Run(Tree(Encoding.UTF8.GetBytes("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>")), "EXTENDED", problems);

        Assert.Empty(problems);
    }

    /// <summary>
    /// A rate that is not a number: the official stylesheet stops with a dynamic error (FORG0001, no verdict); like the
    /// interpreter the native rule reports the assertions that depend on it as failed, saying why.
    /// </summary>
    [Fact]
    public void Run_RateNotANumber_AssertionFailsWithTheReason()
    {
        var xml = File.ReadAllText(TestData.PathOf("facturx-vat", "invalidXRV30_BR-DEC-23__fx-all-S-exemption.xml"));
        var first = xml.IndexOf("<ram:RateApplicablePercent>", StringComparison.Ordinal) + "<ram:RateApplicablePercent>".Length;
        var mutated = xml.Remove(first, xml.IndexOf('<', first) - first).Insert(first, "abc");
        var problems = new List<ValidationProblem>();
        FacturXVatRules.Run(Tree(Encoding.UTF8.GetBytes(mutated)), "EN16931", problems);

        var p = Assert.Single(problems, static p => p.Rule == "BR-S-05");
        Assert.Contains("(the test could not be evaluated: FORG0001: 'abc' is not a valid xs:double)", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_EveryDeclaredAssertionIsNative()
    {
        var native = FacturXVatRules.Ids.ToList();

        Assert.Equal(native.Count, native.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(FacturXVatTexts.Facts.Keys.Order(StringComparer.Ordinal), native.Order(StringComparer.Ordinal));
        Assert.Equal(158, native.Count);
    }

    private static XNode Tree(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), InvoiceValidator.SafeSettings(null));
        return XTreeBuilder.Build(reader);
    }

    /// <summary>Our location (<c>/rsm:A/ram:B[2]</c>) in the form of the TSV (<c>/A[1]/B[2]</c>, SVRL without namespaces).</summary>
    private static string WithoutPrefixes(string path)
    {
        var sb = new StringBuilder();
        foreach (var step in path.Split('/').Skip(1))
        {
            var colon = step.IndexOf(':', StringComparison.Ordinal);
            var local = colon < 0 ? step : step.Substring(colon + 1);
            sb.Append('/').Append(local);
            if (!local.EndsWith(']'))
            {
                sb.Append("[1]");
            }
        }

        return sb.ToString();
    }
}
