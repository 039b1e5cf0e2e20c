namespace Chorus.Invoicing.Attachments.Internal;

/// <summary>
/// Cheap content checks by magic numbers: does the start of a file look like what its extension says? Only formats with
/// a reliable signature are checked; the others (.fax, .xlc, .xlm) are never flagged.
/// </summary>
internal static class ContentSniffer
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipLocal = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] ZipEmpty = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] ZipSpanned = [0x50, 0x4B, 0x07, 0x08];
    private static readonly byte[] Gzip = [0x1F, 0x8B];
    private static readonly byte[] Bzip2 = "BZh"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();
    private static readonly byte[] Bmp = "BM"u8.ToArray();
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Rtf = "{\\rtf"u8.ToArray();
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] Utf16Le = [0xFF, 0xFE];
    private static readonly byte[] Utf16Be = [0xFE, 0xFF];
    private static readonly byte[] Pem = "-----BEGIN"u8.ToArray();

    /// <summary>What the content should have been when it does not match <paramref name="extension"/>, else <see langword="null"/>.</summary>
    public static string? Mismatch(string extension, ReadOnlySpan<byte> head)
    {
        switch (extension.ToUpperInvariant())
        {
            // PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1 implementation note).
            case "PDF": return head.Slice(0, Math.Min(head.Length, 1024)).IndexOf(Pdf) >= 0 ? null : "a PDF (no %PDF- header)";
            case "ZIP" or "DOCX" or "XLSX" or "PPTX" or "ODT" or "ODS" or "ODP":
                return head.StartsWith(ZipLocal) || head.StartsWith(ZipEmpty) || head.StartsWith(ZipSpanned) ? null : "a ZIP container (no PK signature)";
            case "GZ" or "GZIP" or "TGZ": return head.StartsWith(Gzip) ? null : "a gzip file (no 1F 8B signature)";
            case "BZ2": return head.StartsWith(Bzip2) ? null : "a bzip2 file (no BZh signature)";
            case "PNG": return head.StartsWith(Png) ? null : "a PNG image";
            case "JPG" or "JPEG": return head.StartsWith(Jpeg) ? null : "a JPEG image";
            case "GIF": return head.StartsWith(Gif87) || head.StartsWith(Gif89) ? null : "a GIF image";
            case "BMP": return head.StartsWith(Bmp) ? null : "a BMP image";
            case "TIF" or "TIFF": return head.StartsWith(TiffLittle) || head.StartsWith(TiffBig) ? null : "a TIFF image";
            case "DOC" or "XLS" or "PPT" or "PPS": return head.StartsWith(Ole) ? null : "an Office 97-2003 document (no OLE signature)";
            case "RTF": return head.StartsWith(Rtf) ? null : "an RTF document";
            case "XML" or "SVG" or "XHTML" or "HTM" or "HTML": return StartsWithMarkup(head) ? null : "markup (it does not start with '<')";
            case "TXT" or "CSV": return head.IndexOf((byte)0) < 0 ? null : "text (it holds NUL bytes)";
            // DER starts with a SEQUENCE (0x30); a PEM export starts with -----BEGIN.
            case "P7S": return head.Length > 0 && head[0] == 0x30 || head.StartsWith(Pem) ? null : "a PKCS#7 signature (neither DER nor PEM)";
            default: return null;
        }
    }

    private static bool StartsWithMarkup(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8Bom))
        {
            head = head.Slice(3);
        }
        else if (head.StartsWith(Utf16Le) || head.StartsWith(Utf16Be))
        {
            // UTF-16 markup: accept, a BOM followed by '<' in either byte order is the only sensible content.
            return head.Length >= 4 && (head[2] == (byte)'<' || head[3] == (byte)'<');
        }

        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'<';
        }

        return false;
    }
}
