namespace Chorus.Invoicing.Pdf.Internal;

/// <summary>Reads a whole PDF from a stream, bounded by <see cref="PdfReadOptions.MaxFileBytes"/>.</summary>
internal static class PdfBytes
{
    public static byte[] ReadAll(Stream stream, PdfReadOptions options)
    {
        Str.NotNull(stream, nameof(stream));

        if (stream.CanSeek && stream.Length - stream.Position > options.MaxFileBytes)
        {
            throw new PdfFormatException($"file larger than the {options.MaxFileBytes:N0}-byte limit", -1, "file");
        }

        using var buffer = stream.CanSeek ? new MemoryStream((int)Math.Min(stream.Length - stream.Position, int.MaxValue)) : new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > options.MaxFileBytes)
            {
                throw new PdfFormatException($"file larger than the {options.MaxFileBytes:N0}-byte limit", -1, "file");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
