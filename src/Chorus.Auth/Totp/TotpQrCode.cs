using System.Text;
using QRCoder;

namespace Chorus.Auth.Totp;

/// <summary>
/// QR codes of an otpauth URI, as PNG and SVG, without System.Drawing: QRCoder computes the modules and writes the PNG
/// (<see cref="PngByteQRCode"/>); the SVG is written here from the module matrix. Error correction level M, 4-module quiet zone.
/// </summary>
public static class TotpQrCode
{
    /// <summary>A PNG image of the QR code (black on white).</summary>
    public static byte[] Png(string uri, int pixelsPerModule = 8)
    {
        using var data = Encode(uri);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    /// <summary>An SVG document of the QR code (black on white, one path, crisp edges).</summary>
    public static string Svg(string uri, int pixelsPerModule = 8)
    {
        using var data = Encode(uri);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var svg = new StringBuilder();
        svg.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append(FormattableString.Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size * pixelsPerModule}\" height=\"{size * pixelsPerModule}\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\n"))
            .Append(FormattableString.Invariant($"<rect width=\"{size}\" height=\"{size}\" fill=\"#ffffff\"/>\n<path fill=\"#000000\" d=\""));
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x])
                {
                    continue;
                }

                var run = 1;
                while (x + run < size && row[x + run])
                {
                    run++;
                }

                svg.Append(FormattableString.Invariant($"M{x} {y}h{run}v1h-{run}z"));
                x += run - 1;
            }
        }

        svg.Append("\"/>\n</svg>\n");
        return svg.ToString();
    }

    private static QRCodeData Encode(string uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            throw new ArgumentException("empty URI", nameof(uri));
        }

        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
    }
}
