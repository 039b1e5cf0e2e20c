using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.FrCtc;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The native BR-FR-BD/CO/DEC/MV rules against the official Flux 2 schematron's verdicts recorded with Saxon-HE
/// (tests/data/frctc/b/*-expected.tsv, command in tests/data/frctc/b/README.md) on a small invoice and its mutants in each
/// syntax, and the decimal formats of the artefacts' functions on their own.
/// </summary>
public class FrCtcRulesBTests
{
    private static readonly string[] Mine = ["BR-FR-BD-", "BR-FR-CO-", "BR-FR-DEC-", "BR-FR-MV-"];

    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var syntax in new[] { "cii", "ubl" })
        {
            foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf("frctc", "b", syntax), "*.xml").Order(StringComparer.Ordinal))
            {
                data.Add(syntax, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_SameFailedAssertionsAsTheOfficialSchematron(string syntax, string file)
    {
        var expected = Expected(syntax, file);
        var problems = Run(syntax, File.ReadAllText(TestData.PathOf("frctc", "b", syntax, file)));

        var actual = problems.Where(static p => Mine.Any(m => p.Rule.StartsWith(m, StringComparison.Ordinal)))
            .GroupBy(static p => p.Rule).ToDictionary(static g => g.Key, static g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(Format(expected), Format(actual));
        Assert.All(problems, static p => Assert.Equal(ValidationSeverity.Fatal, p.Severity));
        Assert.DoesNotContain(problems, static p => p.Message.Length == 0 || p.Location.Length == 0);
    }

    [Fact]
    public void Fixtures_CoverEveryRuleFamily()
    {
        var fired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var syntax in new[] { "cii", "ubl" })
        {
            foreach (var line in File.ReadAllLines(TestData.PathOf("frctc", "b", syntax + "-expected.tsv")).Where(static l => !l.StartsWith('#')))
            {
                fired.Add(syntax + ":" + line.Split('\t')[1]);
            }
        }

        foreach (var id in new[] { "BR-FR-BD-02_EXT-FR-FE-163", "BR-FR-BD-13_BT-3", "BR-FR-BD-14-EXT-FR-FE-136", "BR-FR-CO-03_BT-3", "BR-FR-CO-10_BT-29-2", "BR-FR-CO-12_BT-5", "BR-FR-CO-15_BT-29-1", "BR-FR-DEC-01_BT-131", "BR-FR-DEC-03_BT-147", "BR-FR-DEC-04_BT-152", "BR-FR-MV-05_EXT-FR-FE-BG-12", "BR-FR-MV-10_EXT-FR-FE-184", "BR-FR-MV-11_BT-128", "BR-FR-MV-12_BT-128" })
        {
            Assert.Contains("cii:" + id, fired);
        }

        foreach (var id in new[] { "BR-FR-MV-BD_BT-3", "BR-FR-BD-14-EXT-FR-FE-136", "BR-FR-MV-01_EXT-FR-FE-163", "BR-FR-MV-12_BT-128", "BR-FR-MV-13_BT-3", "BR-FR-CO-14_BT-29-1", "BR-FR-DEC-03_BT-148" })
        {
            Assert.Contains("ubl:" + id, fired);
        }
    }

    [Fact]
    public void Location_IsTheRuleContextNode()
    {
        var text = File.ReadAllText(TestData.PathOf("frctc", "b", "cii", "amount-3-decimals.xml"));
        var problem = Assert.Single(Run("cii", text), static p => p.Rule == "BR-FR-DEC-01_BT-131");

        Assert.EndsWith("ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount", problem.Location, StringComparison.Ordinal);
        Assert.Contains("ram:IncludedSupplyChainTradeLineItem", problem.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("-1234.56", true)]
    [InlineData("1234567890123456789", true)]
    [InlineData("12345678901234567.89", true)]
    [InlineData("12345678901234567890", false)]
    [InlineData("-1234567890123456789", false)]
    [InlineData("1.234", false)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("+1", false)]
    [InlineData("1e3", false)]
    [InlineData("1,00", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("\u0661\u0662.\u0663", true)]
    public void Decimal19_2_FollowsTheArtefactsPattern(string? value, bool valid) => Assert.Equal(valid, FrCtcDecimals.IsDecimal19_2(value));

    [Theory]
    [InlineData("20", true)]
    [InlineData("5.5", true)]
    [InlineData("20.00", true)]
    [InlineData("100.00", false)]
    [InlineData("100", true)]
    [InlineData("-20", false)]
    [InlineData("20.125", false)]
    public void Percent4_2Positive_CountsDigitsWithoutThePoint(string value, bool valid) => Assert.Equal(valid, FrCtcDecimals.IsPercent4_2Positive(value));

    [Theory]
    [InlineData("1.0001", true, true, true)]
    [InlineData("-1.5", true, false, true)]
    [InlineData("1.123456", false, true, true)]
    [InlineData("1.1234567", false, false, false)]
    public void Quantities_And_Prices(string value, bool decimal19_4, bool positive19_6, bool signed19_6)
    {
        Assert.Equal(decimal19_4, FrCtcDecimals.IsDecimal19_4(value));
        Assert.Equal(positive19_6, FrCtcDecimals.IsDecimal19_6Positive(value));
        Assert.Equal(signed19_6, FrCtcDecimals.IsDecimal19_6(value));
    }

    private static List<ValidationProblem> Run(string syntax, string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var doc = XTreeBuilder.Build(reader);
        var problems = new List<ValidationProblem>();
        FrCtcRulesB.Run(doc, syntax, problems);
        return problems;
    }

    private static Dictionary<string, int> Expected(string syntax, string file)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var found = false;
        foreach (var line in File.ReadAllLines(TestData.PathOf("frctc", "b", syntax + "-expected.tsv")))
        {
            var cells = line.Split('\t');
            if (line.StartsWith('#') || cells[0] != file)
            {
                continue;
            }

            found = true;
            if (cells[1] != "-")
            {
                result[cells[1]] = int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.True(found, file + " has no expectation");
        return result;
    }

    private static string Format(Dictionary<string, int> counts) =>
        string.Join("\n", counts.OrderBy(static kv => kv.Key, StringComparer.Ordinal).Select(static kv => kv.Key + " ×" + kv.Value));
}
