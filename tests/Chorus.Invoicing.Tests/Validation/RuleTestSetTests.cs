using System.Xml.Linq;
using Chorus.Invoicing.Validation;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// The CEN artefacts' own unit tests (VEFA testSet files under tests/data/*/rules): each &lt;test&gt; holds a fragmentary
/// invoice and asserts that one rule fires (&lt;error&gt;) or does not (&lt;success&gt;). Only the asserted rule is judged.
/// </summary>
public class RuleTestSetTests
{
    private static readonly XNamespace Vefa = "http://difi.no/xsd/vefa/validator/1.0";

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var syntax in new[] { "ubl", "cii" })
        {
            foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf(syntax, "rules"), "*.xml").Order(StringComparer.Ordinal))
            {
                var tests = XDocument.Load(file).Root!.Elements(Vefa + "test").ToList();
                for (var i = 0; i < tests.Count; i++)
                {
                    data.Add(syntax, Path.GetFileName(file), i);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OfficialRuleTest_AssertedRule_FiresExactlyWhenExpected(string syntax, string file, int index)
    {
        var test = XDocument.Load(TestData.PathOf(syntax, "rules", file)).Root!.Elements(Vefa + "test").ElementAt(index);
        var invoice = test.Elements().First(e => e.Name != Vefa + "assert");
        var asserts = test.Element(Vefa + "assert")!.Elements().Where(e => e.Name == Vefa + "success" || e.Name == Vefa + "error").ToList();
        Assert.NotEmpty(asserts);

        using var stream = new MemoryStream();
        new XDocument(invoice).Save(stream);
        var result = InvoiceValidator.Default.Validate(new ReadOnlyMemory<byte>(stream.ToArray()), InvoiceRuleSets.En16931);
        var fired = SchematronDifferentialTests.FatalRuleIds(result);

        foreach (var a in asserts)
        {
            var rule = a.Value.Trim();
            Assert.True(fired.Contains(rule) == (a.Name == Vefa + "error"), $"{file} test {index}: {rule} {(fired.Contains(rule) ? "fires" : "does not fire")}, expected {a.Name.LocalName}");
        }
    }
}
