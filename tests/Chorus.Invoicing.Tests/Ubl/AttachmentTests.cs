using System.Text;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Ubl;

public class AttachmentTests
{
    private static byte[] WithAttachment(string base64)
    {
        var text = File.ReadAllText(TestData.PathOf("ubl", "ubl-tc434-example1.xml"));
        var reference = "<cac:AdditionalDocumentReference><cbc:ID>Allegato</cbc:ID><cac:Attachment>"
            + "<cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\"a.pdf\">" + base64
            + "</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>";
        var at = text.IndexOf("<cac:AccountingSupplierParty>", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text[..at] + reference + text[at..]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1_000_003)]
    public void Read_Base64AttachmentWithLineBreaks_DecodesToTheSameBytes(int size)
    {
        var payload = new byte[size];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)((i * 31) ^ (i >> 7));
        }

        var doc = InvoiceXml.Read(WithAttachment(Convert.ToBase64String(payload, Base64FormattingOptions.InsertLineBreaks)));
        var attachment = doc.Invoice.SupportingDocuments.Single(d => d.Reference == "Allegato").Attachment!;
        Assert.Equal("application/pdf", attachment.MimeCode);
        Assert.Equal("a.pdf", attachment.FileName);
        Assert.True(attachment.Content.Span.SequenceEqual(payload));
    }

    [Theory]
    [InlineData("QUJD!!!!")]
    [InlineData("QUJDR")]
    [InlineData("QUJ€")]
    public void Read_InvalidBase64_IsUnreadable(string base64) =>
        Assert.Throws<InvoiceFormatException>(() => InvoiceXml.Read(WithAttachment(base64)));
}
