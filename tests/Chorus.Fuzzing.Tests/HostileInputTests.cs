using System.Text;
using Chorus.Invoicing;
using Chorus.Invoicing.Validation;
using Chorus.Signature;

namespace Chorus.Fuzzing.Tests;

/// <summary>Hand-made malicious inputs of issue 9 that no single package's tests hold: each ends with a typed error or a result, quickly.</summary>
public class HostileInputTests
{
    private static byte[] WideCii()
    {
        // 2,000,000 attributes, one per empty element (about 20 MB).
        var sb = new StringBuilder("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\">", 21_000_000);
        for (var i = 0; i < 2_000_000; i++)
        {
            sb.Append("<x a=\"1\"/>");
        }

        return Encoding.UTF8.GetBytes(sb.Append("</rsm:CrossIndustryInvoice>").ToString());
    }

    [Fact]
    public void Read_TwoMillionAttributes_EndsWithATypedErrorOrAModel()
    {
        var input = WideCii();
        try
        {
            _ = InvoiceXml.Read(input);
        }
        catch (InvoiceFormatException)
        {
            // documented
        }
    }

    [Fact]
    public void Validate_TwoMillionAttributes_IsInvalidNotACrash()
    {
        var result = InvoiceValidator.Default.Validate(WideCii());
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Verify_CmsWithTwoGigabyteLengthPrefix_IsTheDocumentedException()
    {
        // SEQUENCE with a 4-byte length of 0x7FFFFFFF (2 GB) followed by a few bytes: nothing may allocate the announced size.
        byte[] cms = [0x30, 0x84, 0x7F, 0xFF, 0xFF, 0xFF, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02, 0xA0, 0x84, 0x7F, 0xFF, 0xFF, 0xF0];
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Record.Exception(() => new SignatureVerifier().Verify(cms, "big.p7s"));
        Assert.True(ex is null or SignatureFormatException, ex?.ToString());
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L * 1024 * 1024, "allocated as if the length were true");
    }
}
