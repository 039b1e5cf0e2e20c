using System.Text;
using System.Text.RegularExpressions;

namespace Chorus.Signature.Pades;

/// <summary>What the incremental updates after a signed revision change.</summary>
internal enum UpdateKind
{
    /// <summary>Nothing was appended.</summary>
    None,

    /// <summary>Only later signatures, document timestamps, DSS/VRI validation data and the form fields and references they need.</summary>
    SignaturesOrValidationData,

    /// <summary>Annotations or form fields other than signature fields were added or changed.</summary>
    Annotations,

    /// <summary>Pages were added or removed, page content changed, or other objects were modified.</summary>
    Other,
}

internal sealed record UpdateAnalysis(UpdateKind Kind, IReadOnlyList<string> Details);

/// <summary>
/// Classifies the objects appended after a signature's revision (the same idea as DSS's and pyHanko's difference
/// analysis, on raw objects): a later signature or DSS is not a change to what was signed; a new page is.
/// </summary>
internal static class PdfUpdateAnalyzer
{
    private const int MaxObjects = 200_000;
    private const int MaxDictionary = 16 * 1024;

    private readonly record struct PdfObject(int Number, int BodyStart, int BodyEnd);

    public static UpdateAnalysis Analyze(ReadOnlySpan<byte> data, int coveredEnd)
    {
        if (coveredEnd >= data.Length)
        {
            return new UpdateAnalysis(UpdateKind.None, []);
        }

        var appended = Objects(data, coveredEnd, data.Length);
        var before = new Dictionary<int, PdfObject>();
        foreach (var o in Objects(data, 0, coveredEnd))
        {
            before[o.Number] = o;
        }

        var details = new List<string>();
        var kind = UpdateKind.SignaturesOrValidationData;
        foreach (var o in appended)
        {
            var text = Normalize(data, o);
            var isNew = !before.TryGetValue(o.Number, out var old);
            var (k, what) = Classify(text, isNew, isNew ? null : Normalize(data, old));
            if (k > UpdateKind.SignaturesOrValidationData)
            {
                details.Add($"object {o.Number}: {what}");
                kind = k > kind ? k : kind;
            }
        }

        return new UpdateAnalysis(kind, details);
    }

    private static (UpdateKind Kind, string What) Classify(string text, bool isNew, string? old)
    {
        var type = TypeOf(text);
        if (Has(text, "/ByteRange") || type is "Sig" or "DocTimeStamp" or "DSS" or "XObject" or "Font" or "FontDescriptor" or "Metadata" or "XRef" or "Catalog" or "ObjStm" or "OCSP" or "CRL")
        {
            return (UpdateKind.SignaturesOrValidationData, "");
        }

        if (Has(text, "/VRI") || Has(text, "/Certs") || Has(text, "/OCSPs") || Has(text, "/CRLs"))
        {
            return (UpdateKind.SignaturesOrValidationData, "");
        }

        if (type == "Page")
        {
            if (isNew)
            {
                return (UpdateKind.Other, "page added");
            }

            return WithoutAnnots(text) == WithoutAnnots(old!) ? (UpdateKind.SignaturesOrValidationData, "") : (UpdateKind.Other, "page modified");
        }

        if (type == "Pages")
        {
            return isNew || CountAndKids(text) != CountAndKids(old!) ? (UpdateKind.Other, "pages added or removed") : (UpdateKind.SignaturesOrValidationData, "");
        }

        if (type == "Annot" || Has(text, "/Subtype/Widget") || Has(text, "/FT/"))
        {
            return Has(text, "/FT/Sig") ? (UpdateKind.SignaturesOrValidationData, "") : (UpdateKind.Annotations, isNew ? "annotation or form field added" : "annotation or form field changed");
        }

        if (isNew)
        {
            // New resources, appearance streams, DSS data streams, field arrays: not reachable from the signed pages unless a page or the page tree changes, which is caught above.
            return (UpdateKind.SignaturesOrValidationData, "");
        }

        if (Has(text, "/Fields") || Has(text, "/Producer") || Has(text, "/ModDate") || IsReferenceArray(text))
        {
            return (UpdateKind.SignaturesOrValidationData, "");
        }

        return text == old ? (UpdateKind.SignaturesOrValidationData, "") : (UpdateKind.Other, "object modified");
    }

    private static bool Has(string text, string value) => Internal.Guard.ContainsOrdinal(text, value);

    private static string? TypeOf(string text)
    {
        var m = TypeRegex().Match(text);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string WithoutAnnots(string text) => AnnotsRegex().Replace(text, "");

    private static string CountAndKids(string text) => CountRegex().Match(text).Value + KidsRegex().Match(text).Value;

    private static bool IsReferenceArray(string text) => RefArrayRegex().IsMatch(text);

    /// <summary>The object's dictionary (up to "stream"), whitespace collapsed and removed around delimiters.</summary>
    private static string Normalize(ReadOnlySpan<byte> data, PdfObject o)
    {
        var body = data.Slice(o.BodyStart, Math.Min(o.BodyEnd - o.BodyStart, MaxDictionary));
        var stream = body.IndexOf("stream"u8);
        if (stream >= 0)
        {
            body = body.Slice(0, stream);
        }

        var sb = new StringBuilder(body.Length);
        var pendingSpace = false;
        foreach (var b in body)
        {
            if (PdfSignatureScanner.IsWhite(b))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            var c = (char)b;
            if (pendingSpace && !PdfSignatureScanner.IsDelimiter(b) && sb.Length > 0 && !PdfSignatureScanner.IsDelimiter((byte)sb[^1]))
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    private static List<PdfObject> Objects(ReadOnlySpan<byte> data, int from, int to)
    {
        var list = new List<PdfObject>();
        var p = from;
        while (p < to && list.Count < MaxObjects)
        {
            var i = data.Slice(p, to - p).IndexOf("obj"u8);
            if (i < 0)
            {
                break;
            }

            var at = p + i;
            p = at + 3;
            if (at >= 3 && data.Slice(at - 3, 3).SequenceEqual("end"u8))
            {
                continue;
            }

            if (!TryObjectNumber(data, at, from, out var number))
            {
                continue;
            }

            var endRel = data.Slice(p, to - p).IndexOf("endobj"u8);
            var end = endRel < 0 ? to : p + endRel;
            list.Add(new PdfObject(number, p, end));
        }

        return list;
    }

    /// <summary>Reads "N G" backwards from an "obj" keyword.</summary>
    private static bool TryObjectNumber(ReadOnlySpan<byte> data, int objAt, int floor, out int number)
    {
        number = 0;
        var p = objAt - 1;
        if (p < floor || !PdfSignatureScanner.IsWhite(data[p]))
        {
            return false;
        }

        while (p >= floor && PdfSignatureScanner.IsWhite(data[p]))
        {
            p--;
        }

        var genEnd = p;
        while (p >= floor && data[p] >= (byte)'0' && data[p] <= (byte)'9')
        {
            p--;
        }

        if (p == genEnd || p < floor || !PdfSignatureScanner.IsWhite(data[p]))
        {
            return false;
        }

        while (p >= floor && PdfSignatureScanner.IsWhite(data[p]))
        {
            p--;
        }

        var numEnd = p;
        while (p >= floor && data[p] >= (byte)'0' && data[p] <= (byte)'9' && numEnd - p < 10)
        {
            p--;
        }

        if (p == numEnd)
        {
            return false;
        }

        long n = 0;
        for (var k = p + 1; k <= numEnd; k++)
        {
            n = (n * 10) + (data[k] - '0');
        }

        number = (int)Math.Min(n, int.MaxValue);
        return true;
    }

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private static readonly Regex TypeRx = new(@"/Type ?/([A-Za-z]+)", RegexOptions.CultureInvariant, RegexTimeout);
    private static readonly Regex AnnotsRx = new(@"/Annots ?(\[[^\]]*\]|\d+ \d+ R)", RegexOptions.CultureInvariant, RegexTimeout);
    private static readonly Regex CountRx = new(@"/Count ?\d+", RegexOptions.CultureInvariant, RegexTimeout);
    private static readonly Regex KidsRx = new(@"/Kids ?\[[^\]]*\]", RegexOptions.CultureInvariant, RegexTimeout);
    private static readonly Regex RefArrayRx = new(@"^\[(\d+ \d+ R ?)*\]$", RegexOptions.CultureInvariant, RegexTimeout);

    private static Regex TypeRegex() => TypeRx;

    private static Regex AnnotsRegex() => AnnotsRx;

    private static Regex CountRegex() => CountRx;

    private static Regex KidsRegex() => KidsRx;

    private static Regex RefArrayRegex() => RefArrayRx;
}
