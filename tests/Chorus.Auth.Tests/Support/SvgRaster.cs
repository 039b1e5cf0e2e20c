using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Chorus.Auth.Tests.Support;

/// <summary>Rasterises the QR SVG written by TotpQrCode (runs "Mx yhnv1h-nz") into a binary PGM, so that zbarimg can read it.</summary>
internal static partial class SvgRaster
{
    public static byte[] ToPgm(string svg, int scale)
    {
        var size = int.Parse(ViewBox().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        var pixels = new byte[size * scale * size * scale];
        Array.Fill(pixels, (byte)255);
        foreach (Match m in Run().Matches(svg))
        {
            var x = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var n = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            for (var dy = 0; dy < scale; dy++)
            {
                for (var dx = 0; dx < n * scale; dx++)
                {
                    pixels[(((y * scale) + dy) * size * scale) + (x * scale) + dx] = 0;
                }
            }
        }

        var header = Encoding.ASCII.GetBytes($"P5\n{size * scale} {size * scale}\n255\n");
        return [.. header, .. pixels];
    }

    [GeneratedRegex(@"viewBox=""0 0 (\d+) \d+""")]
    private static partial Regex ViewBox();

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\d+z")]
    private static partial Regex Run();
}
