using System.Text;

namespace Chorus.Invoicing.FacturX.Internal;

/// <summary>
/// A minimal ICC v2 display profile for sRGB (IEC 61966-2-1), generated here rather than copied from a vendor so no
/// third-party licence applies: D50 white point, the Bradford-adapted sRGB colorants as the ICC's sRGB profiles give
/// them, and the sRGB transfer curve as a 1024-entry table. Used as the PDF/A OutputIntent's DestOutputProfile.
/// </summary>
internal static class SrgbProfile
{
    public const string Identifier = "sRGB IEC61966-2.1";

    private static readonly Lazy<byte[]> Profile = new(Build);

    public static byte[] Bytes => Profile.Value;

    private static byte[] Build()
    {
        var tags = new List<(string Sig, byte[] Data)>
        {
            ("desc", Desc("sRGB IEC61966-2.1 (Chorus SDK)")),
            ("cprt", TextType("No copyright, use freely")),
            ("wtpt", Xyz(0.9642, 1.0, 0.8249)),
            ("rXYZ", Xyz(0.4361, 0.2225, 0.0139)),
            ("gXYZ", Xyz(0.3851, 0.7169, 0.0971)),
            ("bXYZ", Xyz(0.1431, 0.0606, 0.7141)),
        };
        var curve = Curve();
        var header = 128;
        var table = 4 + ((tags.Count + 3) * 12);
        var offset = header + table;
        var body = new MemoryStream();
        var entries = new List<(string, int, int)>();
        foreach (var (sig, data) in tags)
        {
            entries.Add((sig, offset + (int)body.Length, data.Length));
            body.Write(data, 0, data.Length);
            while (body.Length % 4 != 0)
            {
                body.WriteByte(0);
            }
        }

        var curveOffset = offset + (int)body.Length;
        body.Write(curve, 0, curve.Length);
        while (body.Length % 4 != 0)
        {
            body.WriteByte(0);
        }

        entries.Add(("rTRC", curveOffset, curve.Length));
        entries.Add(("gTRC", curveOffset, curve.Length));
        entries.Add(("bTRC", curveOffset, curve.Length));
        var size = offset + (int)body.Length;
        var p = new byte[size];
        U32(p, 0, (uint)size);
        U32(p, 8, 0x02100000); // version 2.1
        Sig(p, 12, "mntr");
        Sig(p, 16, "RGB ");
        Sig(p, 20, "XYZ ");
        U16(p, 24, 2026);
        U16(p, 26, 1);
        U16(p, 28, 1);
        Sig(p, 36, "acsp");
        S15(p, 68, 0.9642);
        S15(p, 72, 1.0);
        S15(p, 76, 0.8249);
        U32(p, 128, (uint)entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var (sig, off, len) = entries[i];
            Sig(p, 132 + (i * 12), sig);
            U32(p, 136 + (i * 12), (uint)off);
            U32(p, 140 + (i * 12), (uint)len);
        }

        body.ToArray().CopyTo(p, offset);
        return p;
    }

    private static byte[] Desc(string text)
    {
        var ascii = Encoding.ASCII.GetBytes(text);
        var d = new byte[12 + ascii.Length + 1 + 4 + 4 + 2 + 1 + 67];
        Sig(d, 0, "desc");
        U32(d, 8, (uint)(ascii.Length + 1));
        ascii.CopyTo(d, 12);
        return d;
    }

    private static byte[] TextType(string text)
    {
        var ascii = Encoding.ASCII.GetBytes(text);
        var d = new byte[8 + ascii.Length + 1];
        Sig(d, 0, "text");
        ascii.CopyTo(d, 8);
        return d;
    }

    private static byte[] Xyz(double x, double y, double z)
    {
        var d = new byte[20];
        Sig(d, 0, "XYZ ");
        S15(d, 8, x);
        S15(d, 12, y);
        S15(d, 16, z);
        return d;
    }

    private static byte[] Curve()
    {
        const int n = 1024;
        var d = new byte[12 + (n * 2)];
        Sig(d, 0, "curv");
        U32(d, 8, n);
        for (var i = 0; i < n; i++)
        {
            var v = i / (double)(n - 1);
            var linear = v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
            U16(d, 12 + (i * 2), (ushort)Math.Round(linear * 65535));
        }

        return d;
    }

    private static void Sig(byte[] b, int at, string s)
    {
        for (var i = 0; i < 4; i++)
        {
            b[at + i] = (byte)s[i];
        }
    }

    private static void U32(byte[] b, int at, uint v)
    {
        b[at] = (byte)(v >> 24);
        b[at + 1] = (byte)(v >> 16);
        b[at + 2] = (byte)(v >> 8);
        b[at + 3] = (byte)v;
    }

    private static void U16(byte[] b, int at, int v)
    {
        b[at] = (byte)(v >> 8);
        b[at + 1] = (byte)v;
    }

    private static void S15(byte[] b, int at, double v) => U32(b, at, (uint)(int)Math.Round(v * 65536));
}
