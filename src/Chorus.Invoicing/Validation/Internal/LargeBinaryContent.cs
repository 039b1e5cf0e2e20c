using Chorus.Invoicing.Validation.Internal.Tree;
#if NET8_0_OR_GREATER
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
#endif

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>
/// Takes large embedded attachments (BG-24: UBL <c>cbc:EmbeddedDocumentBinaryObject</c>, CII
/// <c>ram:AttachmentBinaryObject</c>) out of the validating pass. An invoice carrying a 2.5 MB PDF is 3.3 MB of base64,
/// and .NET's validating reader copies, collapses and decodes all of it to check one xs:base64Binary value (~30 ms and
/// 20 MB per invoice, 10× the rest of the validation). When such a text is valid base64 in the strictest sense (the XSD
/// lexical rules, which .NET's looser check then necessarily accepts too), the validator runs the XML Schema pass, the
/// tree and the model on a copy where that text is replaced by a short valid stand-in keeping the same lines and columns, so
/// every verdict, message, line and column stays what the original gives; the tree gets the original text back as a lazy
/// value. Anything unusual (entities, CDATA, comments, nil, a one-line text whose end tag does not close its line, a
/// stand-in found in the input, a stand-in not met where expected) means no substitution: the original bytes are
/// validated as they are.
/// </summary>
internal static class LargeBinaryContent
{
    public const string CbcNs = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public const string RamNs = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    /// <summary>Texts shorter than this are validated as they are (the substitution only pays off on large payloads).</summary>
    public const int MinLength = 32 * 1024;

#if NET8_0_OR_GREATER
    // "Chorus large binary stand-in" in base64: 28 bytes, 40 characters, no padding.
    private const string StandIn = "Q2hvcnVzIGxhcmdlIGJpbmFyeSBzdGFuZC1pbiA=";

    private static readonly SearchValues<byte> Base64Body = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/ \t\r\n"u8);
    private static readonly SearchValues<byte> NameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"u8);

    /// <summary>
    /// The bytes with every large, valid base64 attachment text replaced by the stand-in, and the stand-ins in document
    /// order; null when there is nothing to replace (or anything looks unusual).
    /// </summary>
    public static byte[]? Substitute(ArraySegment<byte> xml, out List<TextStandIn>? standIns)
    {
        standIns = null;
        var data = xml.AsSpan();
        if (data.Length < MinLength || data.IndexOf("BinaryObject"u8) < 0 || data.IndexOf("Q2hvcnVzIGxhcmdlIGJpbmFyeSBzdGFuZC1pbi"u8) >= 0)
        {
            return null;
        }

        List<(int Start, int End, int LineBreaks, int LastLine)>? texts = null;
        var pos = 0;
        while (pos < data.Length)
        {
            var hit = data.Slice(pos).IndexOf("BinaryObject"u8);
            if (hit < 0)
            {
                break;
            }

            var at = pos + hit;
            pos = at + 12;
            if (Candidate(data, at) is { } text)
            {
                (texts ??= []).Add(text);
                pos = text.End;
            }
        }

        if (texts is null)
        {
            return null;
        }

        var array = xml.Array!;
        var offset = xml.Offset;
        var size = data.Length;
        foreach (var (start, end, breaks, lastLine) in texts)
        {
            size += StandIn.Length + breaks + lastLine - (end - start);
        }

        var copy = new byte[size];
        standIns = new List<TextStandIn>(texts.Count);
        int from = 0, to = 0;
        foreach (var (start, end, breaks, lastLine) in texts)
        {
            data.Slice(from, start - from).CopyTo(copy.AsSpan(to));
            to += start - from;
            to += Encoding.ASCII.GetBytes(StandIn, 0, StandIn.Length, copy, to);
            copy.AsSpan(to, breaks).Fill((byte)'\n');
            to += breaks;
            copy.AsSpan(to, lastLine).Fill((byte)' ');
            to += lastLine;
            from = end;
            var originalStart = offset + start;
            var originalLength = end - start;
            standIns.Add(new TextStandIn(StandIn + new string('\n', breaks) + new string(' ', lastLine), () => Text(array, originalStart, originalLength)));
        }

        data.Slice(from).CopyTo(copy.AsSpan(to));
        return copy;
    }

    // "BinaryObject" at `at`: the text of a start tag <[p:]EmbeddedDocumentBinaryObject …> or <[p:]AttachmentBinaryObject …>
    // when it is large and plain base64. The stand-in keeps the line breaks, and the length of the last line as blanks,
    // so every later node keeps its line and column; a text on one line must be followed by its end tag at the end of
    // the line (only that end tag moves, and an end tag of simple content reports nothing once the value is valid).
    private static (int Start, int End, int LineBreaks, int LastLine)? Candidate(ReadOnlySpan<byte> data, int at)
    {
        int nameStart;
        if (at >= 16 && data.Slice(at - 16, 16).SequenceEqual("EmbeddedDocument"u8))
        {
            nameStart = at - 16;
        }
        else if (at >= 10 && data.Slice(at - 10, 10).SequenceEqual("Attachment"u8))
        {
            nameStart = at - 10;
        }
        else
        {
            return null;
        }

        // The qualified name starts after '<' (no prefix) or after '<' + prefix + ':'.
        var qnameStart = nameStart;
        if (qnameStart > 0 && data[qnameStart - 1] == (byte)':')
        {
            var prefixStart = qnameStart - 1;
            while (prefixStart > 0 && NameChars.Contains(data[prefixStart - 1]))
            {
                prefixStart--;
            }

            if (prefixStart == qnameStart - 1)
            {
                return null;
            }

            qnameStart = prefixStart;
        }

        var nameEnd = at + 12;
        if (qnameStart == 0 || data[qnameStart - 1] != (byte)'<' || nameEnd >= data.Length || data[nameEnd] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>'))
        {
            return null;
        }

        // The start tag's end, skipping quoted attribute values; no nil (xsi:nil content rules), not empty.
        var i = nameEnd;
        byte quote = 0;
        for (; i < data.Length; i++)
        {
            var c = data[i];
            if (quote != 0)
            {
                if (c == quote)
                {
                    quote = 0;
                }
                else if (c == (byte)'<')
                {
                    return null;
                }
            }
            else if (c is (byte)'"' or (byte)'\'')
            {
                quote = c;
            }
            else if (c == (byte)'>' || c == (byte)'<')
            {
                break;
            }
        }

        if (i >= data.Length || data[i] != (byte)'>' || data[i - 1] == (byte)'/' || data.Slice(nameEnd, i - nameEnd).IndexOf("nil"u8) >= 0)
        {
            return null;
        }

        var start = i + 1;
        var length = data.Slice(start).IndexOf((byte)'<');
        if (length < MinLength)
        {
            return null;
        }

        var end = start + length;

        // </qname>, and on a text without line break, only blanks after it to the end of the line.
        var text = data.Slice(start, length);
        var qname = data.Slice(qnameStart, nameEnd - qnameStart);
        var tail = data.Slice(end);
        if (tail.Length < qname.Length + 3 || tail[1] != (byte)'/' || !tail.Slice(2, qname.Length).SequenceEqual(qname))
        {
            return null;
        }

        var j = 2 + qname.Length;
        while (j < tail.Length && tail[j] is (byte)' ' or (byte)'\t')
        {
            j++;
        }

        if (j >= tail.Length || tail[j] != (byte)'>')
        {
            return null;
        }

        var lastBreak = text.LastIndexOfAny((byte)'\r', (byte)'\n');
        if (lastBreak < 0)
        {
            j++;
            while (j < tail.Length && tail[j] is (byte)' ' or (byte)'\t')
            {
                j++;
            }

            if (j < tail.Length && tail[j] is not ((byte)'\r' or (byte)'\n'))
            {
                return null;
            }
        }

        // One pass counts what the base64 length check and the line count both need.
        var blanks = Blanks.Of(text);
        return StrictBase64(text, blanks) ? (start, end, blanks.Lf + blanks.Cr - blanks.CrLf, lastBreak < 0 ? 0 : text.Length - lastBreak - 1) : null;
    }

    // xs:base64Binary's lexical space at its strictest: alphabet and blanks, then at most two '=' ending the text (no blank
    // between them or before them), a multiple of 4 characters, and padding bits zero (the character before "==" in
    // [AQgw], before "=" in [AEIMQUYcgkosw048]), which Convert.FromBase64String accepts as well.
    private static bool StrictBase64(ReadOnlySpan<byte> text, Blanks counted)
    {
        var t = text.TrimEnd(" \t\r\n"u8);
        var pad = 0;
        while (pad < 2 && pad < t.Length && t[t.Length - 1 - pad] == (byte)'=')
        {
            pad++;
        }

        var body = t.Slice(0, t.Length - pad);
        if (body.Length == 0 || body.IndexOfAnyExcept(Base64Body) >= 0)
        {
            return false;
        }

        var last = body[body.Length - 1];
        if (pad > 0 && (last is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' || (pad == 2 ? "AQgw"u8 : "AEIMQUYcgkosw048"u8).IndexOf(last) < 0))
        {
            return false;
        }

        // The blanks of the body: those of the text but the trailing ones trimmed off (the padding holds none).
        var blanks = counted.Lf + counted.Cr + counted.SpaceOrTab - (text.Length - t.Length);
        return (body.Length - blanks + pad) % 4 == 0;
    }

    // Counts of LF, CR, CR LF and blanks (space or tab) in a text, in one vectorized pass: XML counts CR LF, CR and LF
    // each as one line break.
    private readonly struct Blanks(int lf, int cr, int crLf, int spaceOrTab)
    {
        public int Lf { get; } = lf;

        public int Cr { get; } = cr;

        public int CrLf { get; } = crLf;

        public int SpaceOrTab { get; } = spaceOrTab;

        public static Blanks Of(ReadOnlySpan<byte> text)
        {
            int lf = 0, cr = 0, crLf = 0, blank = 0, i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var start = ref MemoryMarshal.GetReference(text);
                var vLf = Vector256.Create((byte)'\n');
                var vCr = Vector256.Create((byte)'\r');
                var vSp = Vector256.Create((byte)' ');
                var vTab = Vector256.Create((byte)'\t');

                // Up to the last full vector that still has a byte after it (for the CR LF pairs).
                for (; i + Vector256<byte>.Count < text.Length; i += Vector256<byte>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                    var next = Vector256.LoadUnsafe(ref start, (nuint)(i + 1));
                    var isCr = Vector256.Equals(v, vCr);
                    lf += BitOperations.PopCount(Vector256.Equals(v, vLf).ExtractMostSignificantBits());
                    cr += BitOperations.PopCount(isCr.ExtractMostSignificantBits());
                    crLf += BitOperations.PopCount((isCr & Vector256.Equals(next, vLf)).ExtractMostSignificantBits());
                    blank += BitOperations.PopCount((Vector256.Equals(v, vSp) | Vector256.Equals(v, vTab)).ExtractMostSignificantBits());
                }
            }

            for (; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case (byte)'\n':
                        lf++;
                        break;
                    case (byte)'\r':
                        cr++;
                        if (i + 1 < text.Length && text[i + 1] == (byte)'\n')
                        {
                            crLf++;
                        }

                        break;
                    case (byte)' ' or (byte)'\t':
                        blank++;
                        break;
                }
            }

            return new Blanks(lf, cr, crLf, blank);
        }
    }

    // The text as the XML reader reports it: ASCII, line ends normalised to LF.
    private static string Text(byte[] array, int start, int length)
    {
        var text = Encoding.ASCII.GetString(array, start, length);
        return text.IndexOf('\r', StringComparison.Ordinal) < 0 ? text : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }
#else
    /// <summary>On netstandard2.0 nothing is replaced: the original bytes are validated as they are.</summary>
    public static byte[]? Substitute(ArraySegment<byte> xml, out List<TextStandIn>? standIns)
    {
        _ = xml;
        standIns = null;
        return null;
    }
#endif
}
