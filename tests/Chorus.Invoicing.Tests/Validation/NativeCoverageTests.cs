using System.Text.RegularExpressions;
using Chorus.Invoicing.Validation.Rules;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// Every assertion of the official EN 16931 v1.3.16 XSLTs (tests/data/schematron, CEN/TC 434) has a native rule with
/// the same id: the validator ships no rule table, so an id missing here would be a rule nobody checks.
/// </summary>
public class NativeCoverageTests
{
    private static readonly Regex AssertId = new(@"<svrl:failed-assert[^>]*>\s*<xsl:attribute name=""id"">([^<]+)</xsl:attribute>", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("ubl", "EN16931-UBL-validation.xslt", 954)]
    [InlineData("cii", "EN16931-CII-validation.xslt", 783)]
    public void EveryOfficialAssertion_HasANativeRule(string syntax, string xslt, int officialCount)
    {
        var ids = AssertId.Matches(File.ReadAllText(TestData.PathOf("schematron", xslt))).Select(static m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(officialCount, ids.Count);
        Assert.Empty(ids.Except(NativeEn16931.NativeIds(syntax)).Order(StringComparer.Ordinal));
    }
}
