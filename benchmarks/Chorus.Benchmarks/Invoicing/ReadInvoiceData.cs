using System.Text;

namespace Chorus.Benchmarks.Invoicing;

/// <summary>The invoices the read benchmarks run on: corpus files from tests/data, and a generated large-attachment UBL.</summary>
internal static class ReadInvoiceData
{
    /// <summary>The bytes of a benchmark input by name: a tests/data path, or <c>ubl-3mb-attachment</c> (generated).</summary>
    public static byte[] Load(string name) => name switch
    {
        "ubl-3mb-attachment" => LargeAttachmentUbl(),
        _ => File.ReadAllBytes(Path.Combine(RepositoryRoot(), "tests", "data", name)),
    };

    /// <summary>
    /// A 3.3 MB UBL invoice whose bulk is one base64 PDF-like attachment (2.4 MB decoded), the shape of the corpus's
    /// Italian G2G example: CEN example 1 with an extra AdditionalDocumentReference. Deterministic content.
    /// </summary>
    public static byte[] LargeAttachmentUbl()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "data", "ubl", "ubl-tc434-example1.xml"));
        var payload = new byte[2_450_000];
        var header = "%PDF-1.4\n"u8;
        header.CopyTo(payload);
        for (var i = header.Length; i < payload.Length; i++)
        {
            payload[i] = (byte)((i * 31) ^ (i >> 7));
        }

        var reference = "<cac:AdditionalDocumentReference><cbc:ID>Allegato</cbc:ID><cac:Attachment>"
            + "<cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\"allegato.pdf\">"
            + Convert.ToBase64String(payload, Base64FormattingOptions.InsertLineBreaks)
            + "</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>";
        var at = text.IndexOf("<cac:AccountingSupplierParty>", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text[..at] + reference + text[at..]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chorus.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Chorus.sln not found above " + AppContext.BaseDirectory);
    }
}
