using Chorus.Tests.Shared;

namespace Chorus.Signature.Tests;

/// <summary>Inputs the fuzzing harness found (tests/data/fuzz-regressions): a verdict or the documented exception, nothing else.</summary>
public class FuzzRegressionTests
{
    public static TheoryData<string> Files()
    {
        var files = TestData.Files("fuzz-regressions", "*.p7s");
        files.Add("xades-bad-xml-declaration.xml");
        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Verify_FuzzFinding_GivesAVerdictOrTheDocumentedException(string name)
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("fuzz-regressions", name));
        try
        {
            var report = new SignatureVerifier().Verify(bytes, name);
            Assert.NotEqual(Verdict.Valid, report.Verdict);
        }
        catch (SignatureFormatException)
        {
            // documented: the bytes are not a CMS signature at all
        }
    }
}
