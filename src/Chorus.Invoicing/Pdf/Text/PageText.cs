using System.Text;
using Chorus.Invoicing.Pdf.Internal;

namespace Chorus.Invoicing.Pdf.Text;

/// <summary>A piece of shown text at its position on the page (user space, origin bottom-left).</summary>
internal readonly record struct TextRun(double X, double Y, double EndX, double Size, string Text);

/// <summary>
/// Extracts the text of one page in reading order: interprets the content stream's text operators (BT/ET, Tf, Td, TD,
/// Tm, T*, TL, Tc, Tw, Tz, Tj, TJ, ', ", cm, q/Q, form XObjects), then groups runs into lines top to bottom and left to
/// right. Images are skipped (a scanned page has no text layer).
/// </summary>
internal sealed class PageText
{
    private const int MaxFormDepth = 4;
    private readonly PdfFile _file;
    private readonly List<TextRun> _runs = [];
    private readonly Dictionary<PdfDictionary, FontDecoder> _fonts = [];

    private PageText(PdfFile file) => _file = file;

    public static IReadOnlyList<string> Lines(PdfFile file, PageRef page)
    {
        var extractor = new PageText(file);
        var content = extractor.ContentBytes(page.Page);
        extractor.Run(content, page.Resources, Matrix.Identity, 0);
        return Group(extractor._runs);
    }

    private byte[] ContentBytes(PdfDictionary page)
    {
        var contents = _file.Resolve(page["Contents"]);
        if (contents is PdfStream s)
        {
            return _file.DecodeStream(s, "page content");
        }

        if (contents is PdfArray a)
        {
            using var ms = new MemoryStream();
            foreach (var item in a.Items)
            {
                if (_file.Resolve(item) is PdfStream part)
                {
                    var bytes = _file.DecodeStream(part, "page content");
                    if (ms.Length + bytes.Length > _file.Options.MaxDecodedStreamBytes)
                    {
                        throw new PdfFormatException("page content larger than the decoded-size cap", -1, "page content");
                    }

                    ms.Write(bytes, 0, bytes.Length);
                    ms.WriteByte((byte)'\n');
                }
            }

            return ms.ToArray();
        }

        return [];
    }

    private void Run(byte[] content, PdfDictionary? resources, Matrix ctm, int formDepth)
    {
        var parser = new PdfParser(content, 32);
        var operands = new List<PdfObject>(8);
        var stack = new Stack<(Matrix Ctm, TextState Text)>();
        var ts = new TextState();
        var tm = Matrix.Identity;
        var tlm = Matrix.Identity;
        var fonts = _file.ResolveDictionary(resources?["Font"]);
        var font = FontDecoder.Fallback;
        while (true)
        {
            parser.SkipWhiteAndComments();
            if (parser.Position >= parser.End)
            {
                break;
            }

            var b = content[parser.Position];
            if (!PdfParser.IsRegular(b) || b is >= (byte)'0' and <= (byte)'9' || b is (byte)'-' or (byte)'+' or (byte)'.')
            {
                try
                {
                    operands.Add(parser.ReadObject(allowStream: false));
                }
                catch (PdfFormatException)
                {
                    parser.Position++; // garbage in a content stream: skip it, as viewers do
                    operands.Clear();
                }

                if (operands.Count > 64)
                {
                    operands.Clear();
                }

                continue;
            }

            var op = parser.ReadToken();
            switch (Operator(op))
            {
                case "BT":
                    tm = tlm = Matrix.Identity;
                    break;
                case "Tf":
                    if (operands.Count >= 2 && operands[0] is PdfName fn)
                    {
                        font = Font(fonts, fn.Value);
                        ts.Size = Num(operands[1]);
                    }

                    break;
                case "Td":
                    if (operands.Count >= 2)
                    {
                        tlm = Matrix.Translate(Num(operands[0]), Num(operands[1])).Times(tlm);
                        tm = tlm;
                    }

                    break;
                case "TD":
                    if (operands.Count >= 2)
                    {
                        ts.Leading = -Num(operands[1]);
                        tlm = Matrix.Translate(Num(operands[0]), Num(operands[1])).Times(tlm);
                        tm = tlm;
                    }

                    break;
                case "Tm":
                    if (operands.Count >= 6)
                    {
                        tlm = tm = new Matrix(Num(operands[0]), Num(operands[1]), Num(operands[2]), Num(operands[3]), Num(operands[4]), Num(operands[5]));
                    }

                    break;
                case "T*":
                    tlm = Matrix.Translate(0, -ts.Leading).Times(tlm);
                    tm = tlm;
                    break;
                case "TL":
                    ts.Leading = operands.Count > 0 ? Num(operands[0]) : ts.Leading;
                    break;
                case "Tc":
                    ts.CharSpacing = operands.Count > 0 ? Num(operands[0]) : 0;
                    break;
                case "Tw":
                    ts.WordSpacing = operands.Count > 0 ? Num(operands[0]) : 0;
                    break;
                case "Tz":
                    ts.Scale = operands.Count > 0 ? Num(operands[0]) / 100 : 1;
                    break;
                case "Tj":
                    if (operands.Count > 0 && operands[^1] is PdfString s)
                    {
                        tm = Show(s, font, ts, tm, ctm);
                    }

                    break;
                case "'":
                    tlm = Matrix.Translate(0, -ts.Leading).Times(tlm);
                    tm = tlm;
                    if (operands.Count > 0 && operands[^1] is PdfString s1)
                    {
                        tm = Show(s1, font, ts, tm, ctm);
                    }

                    break;
                case "\"":
                    if (operands.Count >= 3)
                    {
                        ts.WordSpacing = Num(operands[0]);
                        ts.CharSpacing = Num(operands[1]);
                        tlm = Matrix.Translate(0, -ts.Leading).Times(tlm);
                        tm = tlm;
                        if (operands[2] is PdfString s2)
                        {
                            tm = Show(s2, font, ts, tm, ctm);
                        }
                    }

                    break;
                case "TJ":
                    if (operands.Count > 0 && operands[^1] is PdfArray parts)
                    {
                        foreach (var part in parts.Items)
                        {
                            if (part is PdfString ps)
                            {
                                tm = Show(ps, font, ts, tm, ctm);
                            }
                            else if (part is PdfNumber adj)
                            {
                                var dx = -adj.Value / 1000 * ts.Size * ts.Scale;
                                tm = Matrix.Translate(dx, 0).Times(tm);
                            }
                        }
                    }

                    break;
                case "cm":
                    if (operands.Count >= 6)
                    {
                        ctm = new Matrix(Num(operands[0]), Num(operands[1]), Num(operands[2]), Num(operands[3]), Num(operands[4]), Num(operands[5])).Times(ctm);
                    }

                    break;
                case "q":
                    if (stack.Count < 256)
                    {
                        stack.Push((ctm, ts));
                    }

                    break;
                case "Q":
                    if (stack.Count > 0)
                    {
                        (ctm, ts) = stack.Pop();
                    }

                    break;
                case "Do":
                    if (operands.Count > 0 && operands[0] is PdfName xn && formDepth < MaxFormDepth)
                    {
                        RunForm(resources, xn.Value, ctm, formDepth);
                    }

                    break;
                case "BI":
                    SkipInlineImage(parser);
                    break;
                default:
                    break;
            }

            operands.Clear();
        }
    }

    private static readonly string[] Operators = ["BT", "Tf", "Td", "TD", "Tm", "T*", "TL", "Tc", "Tw", "Tz", "Tj", "'", "\"", "TJ", "cm", "q", "Q", "Do", "BI"];

    /// <summary>The operators this extractor acts on, as interned strings (no allocation per operator); others are "".</summary>
    private static string Operator(ReadOnlySpan<byte> op)
    {
        if (op.Length is 0 or > 2)
        {
            return "";
        }

        foreach (var o in Operators)
        {
            if (PdfAscii.Equals(op, o))
            {
                return o;
            }
        }

        return "";
    }

    private void RunForm(PdfDictionary? resources, string name, Matrix ctm, int formDepth)
    {
        var xobjects = _file.ResolveDictionary(resources?["XObject"]);
        if (_file.Resolve(xobjects?[name]) is not PdfStream form || form.Dictionary.NameOf("Subtype") != "Form")
        {
            return;
        }

        var m = _file.Resolve(form.Dictionary["Matrix"]) is PdfArray ma && ma.Count == 6
            ? new Matrix(Num(ma[0]), Num(ma[1]), Num(ma[2]), Num(ma[3]), Num(ma[4]), Num(ma[5]))
            : Matrix.Identity;
        var formResources = _file.ResolveDictionary(form.Dictionary["Resources"]) ?? resources;
        Run(_file.DecodeStream(form, "form XObject"), formResources, m.Times(ctm), formDepth + 1);
    }

    private static void SkipInlineImage(PdfParser parser)
    {
        // BI <dict> ID <data> EI: find "EI" between white space after ID
        var data = parser.Data;
        var id = PdfAscii.IndexOf(data.AsSpan(parser.Position, parser.End - parser.Position), "ID");
        var p = id < 0 ? parser.End : parser.Position + id + 2;
        while (p + 2 < parser.End)
        {
            if (data[p] == 'E' && data[p + 1] == 'I' && PdfParser.IsWhite(data[p - 1]) && (p + 2 == parser.End || PdfParser.IsWhite(data[p + 2])))
            {
                parser.Position = p + 2;
                return;
            }

            p++;
        }

        parser.Position = parser.End;
    }

    private Matrix Show(PdfString s, FontDecoder font, TextState ts, Matrix tm, Matrix ctm)
    {
        var text = font.Decode(s.Bytes, out var advance, out var spaces);
        var glyphs = s.Bytes.Length;
        var width = ((advance / 1000 * ts.Size) + (ts.CharSpacing * glyphs) + (ts.WordSpacing * spaces)) * ts.Scale;
        var trm = tm.Times(ctm);
        var end = Matrix.Translate(width, 0).Times(tm).Times(ctm);
        if (text.Length > 0)
        {
            var size = Math.Abs(ts.Size * Math.Sqrt((trm.B * trm.B) + (trm.D * trm.D)));
            _runs.Add(new TextRun(trm.E, trm.F, end.E, size <= 0 ? 1 : size, text));
        }

        return Matrix.Translate(width, 0).Times(tm);
    }

    private FontDecoder Font(PdfDictionary? fonts, string name)
    {
        var dict = _file.ResolveDictionary(fonts?[name]);
        if (dict is null)
        {
            return FontDecoder.Fallback;
        }

        if (!_fonts.TryGetValue(dict, out var decoder))
        {
            decoder = FontDecoder.Create(_file, dict);
            _fonts[dict] = decoder;
        }

        return decoder;
    }

    private static double Num(PdfObject o) => o is PdfNumber n ? n.Value : 0;

    /// <summary>Groups runs into lines: same baseline (within a third of the font size), sorted top to bottom, then left to right.</summary>
    internal static List<string> Group(List<TextRun> runs)
    {
        var lines = new List<string>();
        if (runs.Count == 0)
        {
            return lines;
        }

        var order = runs.ToArray();
        Array.Sort(order, (a, b) => b.Y.CompareTo(a.Y));
        var i = 0;
        var line = new List<TextRun>();
        while (i < order.Length)
        {
            line.Clear();
            var y = order[i].Y;
            var tolerance = Math.Max(1, order[i].Size * 0.35);
            while (i < order.Length && Math.Abs(order[i].Y - y) <= tolerance)
            {
                line.Add(order[i++]);
            }

            line.Sort((a, b) => a.X.CompareTo(b.X));
            var sb = new StringBuilder();
            var lastEnd = double.NegativeInfinity;
            foreach (var run in line)
            {
                if (sb.Length > 0 && run.X - lastEnd > run.Size * 0.2 && sb[sb.Length - 1] != ' ' && run.Text[0] != ' ')
                {
                    sb.Append(' ');
                }

                sb.Append(run.Text);
                lastEnd = Math.Max(lastEnd, run.EndX);
            }

            var text = sb.ToString().Trim();
            if (text.Length > 0)
            {
                lines.Add(text);
            }
        }

        return lines;
    }

    private struct TextState
    {
        public TextState()
        {
        }

        public double Size { get; set; } = 10;

        public double Leading { get; set; }

        public double CharSpacing { get; set; }

        public double WordSpacing { get; set; }

        public double Scale { get; set; } = 1;
    }
}

/// <summary>A 2-D affine matrix [a b c d e f] (§8.3.3), row-vector convention as in the PDF specification.</summary>
internal readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
{
    public static Matrix Identity { get; } = new(1, 0, 0, 1, 0, 0);

    public static Matrix Translate(double x, double y) => new(1, 0, 0, 1, x, y);

    /// <summary>this × other.</summary>
    public Matrix Times(Matrix o) => new(
        (A * o.A) + (B * o.C),
        (A * o.B) + (B * o.D),
        (C * o.A) + (D * o.C),
        (C * o.B) + (D * o.D),
        (E * o.A) + (F * o.C) + o.E,
        (E * o.B) + (F * o.D) + o.F);
}
