using System.Text.RegularExpressions;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// The official EN 16931 schematron (CEN/TC 434 v1.3.16, compiled XSLT in tests/data/schematron) run by Saxon-HE in batch
/// mode, one JVM per folder. Returns, per file, the set of failed rule ids flagged fatal/error, or null when the oracle
/// produced no report (the stylesheet aborted on that input).
/// </summary>
internal static partial class SchematronOracle
{
    public const string SaxonJar = "/usr/share/java/Saxon-HE.jar";

    public static string RequireSaxon()
    {
        var java = ExternalTool.RequireOrSkip("java", "default-jre-headless");
        if (!File.Exists(SaxonJar))
        {
            if (ExternalTool.Required)
            {
                Assert.Fail($"{SaxonJar} is missing (apt-get install -y libsaxonhe-java); CHORUS_REQUIRE_ORACLES=1 makes this a failure");
            }

            Assert.Skip($"{SaxonJar} is missing (apt-get install -y libsaxonhe-java)");
        }

        return java;
    }

    public static Dictionary<string, HashSet<string>?> RunBatch(string java, string sourceFolder, string syntax)
    {
        var xslt = TestData.PathOf("schematron", $"EN16931-{syntax.ToUpperInvariant()}-validation.xslt");
        var output = sourceFolder + "-svrl";
        System.IO.Directory.CreateDirectory(output);
        ExternalTool.Run(java, ["-Xmx1g", "-cp", SaxonJar, "net.sf.saxon.Transform", $"-s:{sourceFolder}", $"-xsl:{xslt}", $"-o:{output}"], TimeSpan.FromMinutes(10));
        var result = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(sourceFolder))
        {
            var name = Path.GetFileName(file);
            var svrl = Path.Combine(output, name);
            if (!File.Exists(svrl))
            {
                // Saxon names its output .xml whatever the input's extension (BIS3_Invoice_positive.XML).
                svrl = Path.ChangeExtension(svrl, ".xml");
            }

            if (!File.Exists(svrl) || new FileInfo(svrl).Length == 0)
            {
                result[name] = null;
                continue;
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in FailedAssert().Matches(File.ReadAllText(svrl)))
            {
                var attributes = m.Groups[1].Value;
                var flag = Flag().Match(attributes);
                var id = Id().Match(attributes);
                if (flag.Success && flag.Groups[1].Value is "fatal" or "error" && id.Success)
                {
                    ids.Add(id.Groups[1].Value);
                }
            }

            result[name] = ids;
        }

        return result;
    }

    [GeneratedRegex(@"<svrl:failed-assert\b([^>]*)>")]
    private static partial Regex FailedAssert();

    [GeneratedRegex("flag=\"([^\"]*)\"")]
    private static partial Regex Flag();

    [GeneratedRegex("\\bid=\"([^\"]*)\"")]
    private static partial Regex Id();
}
