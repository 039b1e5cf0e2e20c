using System.Text;
using Chorus.Invoicing.Model;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Model;

/// <summary>
/// <see cref="InvoiceXml.Read(byte[], InvoiceReadOptions?)"/> decodes plain UTF-8 straight from the array instead of
/// handing the XmlReader a stream (fewer allocations). The truth is the stream path, which leaves encoding detection to
/// the XmlReader: on every corpus file and on encoding edge cases both give the same model, the same source lines and
/// columns, or the same error at the same position.
/// </summary>
public class ByteInputReadTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "ubl", "cii" })
        {
            foreach (var f in System.IO.Directory.GetFiles(Path.GetDirectoryName(TestData.PathOf(folder, "README.md"))!, "*.*")
                .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal))
            {
                data.Add(folder + "/" + Path.GetFileName(f));
            }
        }

        return data;
    }

    public static TheoryData<string> EdgeCases() =>
    [
        "bom", "latin1-declared", "latin1-declared-single-quotes", "utf16", "utf16-bom", "invalid-utf8", "emoji", "truncated",
        "utf8-declared-lowercase", "no-declaration", "not-xml",
    ];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Read_CorpusFileFromBytes_SameAsFromStream(string file)
    {
        var parts = file.Split('/');
        AssertSame(File.ReadAllBytes(TestData.PathOf(parts[0], parts[1])));
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Read_EncodingEdgeCaseFromBytes_SameAsFromStream(string name)
    {
        var ubl = File.ReadAllText(TestData.PathOf("ubl", "ubl-tc434-example1.xml"));
        var body = ubl[(ubl.IndexOf("?>", StringComparison.Ordinal) + 2)..].Replace("<cbc:Note>", "<cbc:Note>Société 😀 ", StringComparison.Ordinal);
        byte[] bytes = name switch
        {
            "bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body)],
            "latin1-declared" => Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + body.Replace("😀", "x", StringComparison.Ordinal)),
            "latin1-declared-single-quotes" => Encoding.Latin1.GetBytes("<?xml version='1.0' encoding='iso-8859-1'?>" + body.Replace("😀", "x", StringComparison.Ordinal)),
            "utf16" => Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body),
            "utf16-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body)],
            "invalid-utf8" => [.. Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>" + body[..500]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(body[500..])],
            "emoji" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body),
            "truncated" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body[..(body.Length / 2)]),
            "utf8-declared-lowercase" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body),
            "no-declaration" => Encoding.UTF8.GetBytes(body.TrimStart()),
            _ => Encoding.UTF8.GetBytes("not xml at all"),
        };

        AssertSame(bytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4097)]
    public void Utf8ByteReader_AnyChunkSize_SameCharactersAsStreamReader(int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes("<a>é😀x" + new string('y', 5000) + "😀€</a>");
        var expected = new StreamReader(new MemoryStream(bytes), Encoding.UTF8).ReadToEnd();

        using var reader = Chorus.Invoicing.Xml.Utf8ByteReader.TryCreate(bytes, 0, bytes.Length)!;
        var sb = new StringBuilder();
        var buffer = new char[chunk];
        Assert.Equal('<', (char)reader.Peek());
        int n;
        while ((n = reader.Read(buffer, 0, chunk)) > 0)
        {
            sb.Append(buffer, 0, n);
        }

        Assert.Equal(expected, sb.ToString());
    }

    private static void AssertSame(byte[] bytes)
    {
        var expected = Outcome(() =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return InvoiceXml.Read(stream);
        });
        var actual = Outcome(() => InvoiceXml.Read(bytes));

        Assert.Equal(expected, actual);
    }

    // Everything observable: the model as written back in both syntaxes, the locations of the invoice and its lines, the
    // repeated elements, or the error with its position.
    private static string Outcome(Func<InvoiceDocument> read)
    {
        try
        {
            var document = read();
            var invoice = document.Invoice;
            var sb = new StringBuilder();
            sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{document.Syntax} {invoice.Location.Line}:{invoice.Location.Column} {invoice.Location.XPath}");
            foreach (var line in invoice.Lines)
            {
                sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{line.Location.Line}:{line.Location.Column} {line.Location.XPath}");
            }

            foreach (var r in document.RepeatedElements)
            {
                sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{r.Name} {r.Location.Line}:{r.Location.Column} {r.Location.XPath}");
            }

            sb.AppendLine(Encoding.UTF8.GetString(InvoiceXml.Write(invoice, InvoiceSyntax.Ubl)));
            sb.AppendLine(Encoding.UTF8.GetString(InvoiceXml.Write(invoice, InvoiceSyntax.Cii)));
            return sb.ToString();
        }
        catch (InvoiceFormatException ex)
        {
            return $"{ex.Message} @ {ex.Line}:{ex.Position}";
        }
    }
}
