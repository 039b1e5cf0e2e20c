using Chorus.Signature.Pades;
using Chorus.Tests.Shared;

namespace Chorus.Signature.Tests.Pades;

public class PdfDssReaderTests
{
    [Fact]
    public void FiveSignatureFile_Dss_Has18Certificates2Ocsps2Crls_AllReadable()
    {
        var dss = PdfDssReader.Read(File.ReadAllBytes(TestData.PathOf("signatures", "pades", "pades-5-signatures-and-1-document-timestamp.pdf")));
        Assert.Equal(18, dss.Certificates.Count);
        Assert.Equal(2, dss.Ocsps.Count);
        Assert.Equal(2, dss.Crls.Count);
        Assert.All(dss.Certificates, c => Assert.Single(Internal.CertificateLoader.ReadAll(c)));
        Assert.All(dss.Crls, c => Assert.NotNull(Chorus.Signature.Trust.RevocationData.ReadCrl(c)));
        Assert.All(dss.Ocsps, o => Assert.NotNull(Chorus.Signature.Trust.RevocationData.ReadOcsp(o)));
    }

    [Fact]
    public void FileWithoutDss_IsEmpty() =>
        Assert.Empty(PdfDssReader.Read(File.ReadAllBytes(TestData.PathOf("signatures", "pades", "pdf-signed-original.pdf"))).Certificates);
}
