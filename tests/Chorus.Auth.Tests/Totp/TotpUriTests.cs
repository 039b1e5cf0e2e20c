using System.Xml;
using Chorus.Auth.Tests.Support;
using Chorus.Auth.Totp;
using Chorus.Tests.Shared;

namespace Chorus.Auth.Tests.Totp;

public class TotpUriTests
{
    private static readonly TotpSecret Secret = TotpSecret.FromBytes(Rfc.Seed(20));

    [Fact]
    public void Build_DefaultSettings_KeyUriFormatWithIssuerInLabelAndParameter()
    {
        var uri = TotpUri.Build(Secret, "Chorus Pro", "jean.dupont@exemple.fr");
        Assert.Equal("otpauth://totp/Chorus%20Pro:jean.dupont%40exemple.fr?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Chorus%20Pro&algorithm=SHA1&digits=6&period=30", uri);
    }

    [Fact]
    public void Build_OtherSettings_SpellsThemOut()
    {
        var uri = TotpUri.Build(Secret, "X", "a", new TotpSettings(TotpAlgorithm.Sha512, 8, 60));
        Assert.EndsWith("&algorithm=SHA512&digits=8&period=60", uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "a")]
    [InlineData("A:B", "a")]
    [InlineData("A", "a:b")]
    public void Build_EmptyOrColon_IsRefused(string issuer, string account) =>
        Assert.Throws<ArgumentException>(() => TotpUri.Build(Secret, issuer, account));

    [Fact]
    public void QrPng_DecodedByZbarimg_GivesBackTheUri()
    {
        var zbarimg = ExternalTool.RequireOrSkip("zbarimg", "zbar-tools");
        var uri = TotpUri.Build(Secret, "Chorus Pro", "jean.dupont@exemple.fr");
        using var dir = new TempFolder();
        var png = Path.Combine(dir.Path, "qr.png");
        File.WriteAllBytes(png, TotpQrCode.Png(uri));

        var (exit, stdout, _) = ExternalTool.Run(zbarimg, ["-q", "--raw", png]);

        Assert.Equal(0, exit);
        Assert.Equal(uri, stdout.TrimEnd('\n'));
    }

    [Fact]
    public void QrSvg_HasTheSameModulesAsThePng()
    {
        var uri = TotpUri.Build(Secret, "Chorus Pro", "jean.dupont@exemple.fr");
        var svg = TotpQrCode.Svg(uri, 4);
        using var reader = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var doc = new XmlDocument { XmlResolver = null };
        doc.Load(reader);
        var root = doc.DocumentElement!;
        Assert.Equal("svg", root.LocalName);
        var size = int.Parse(root.GetAttribute("viewBox").Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        // Version and quiet zone: the PNG at 1 pixel per module has the same side as the SVG's view box.
        var png = TotpQrCode.Png(uri, 1);
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Assert.Equal(width, size);
    }

    [Fact]
    public void QrSvg_RenderedAndDecodedByZbarimg_GivesBackTheUri()
    {
        var zbarimg = ExternalTool.RequireOrSkip("zbarimg", "zbar-tools");
        var uri = TotpUri.Build(Secret, "Chorus Pro", "jean.dupont@exemple.fr");
        var svg = TotpQrCode.Svg(uri, 4);
        using var dir = new TempFolder();
        // zbarimg reads raster images only: rasterise our SVG path ourselves into a PGM (the path is only "M x y h n v1 h-n z" runs).
        var pgm = Path.Combine(dir.Path, "qr.pgm");
        File.WriteAllBytes(pgm, SvgRaster.ToPgm(svg, 4));

        var (exit, stdout, _) = ExternalTool.Run(zbarimg, ["-q", "--raw", pgm]);

        Assert.Equal(0, exit);
        Assert.Equal(uri, stdout.TrimEnd('\n'));
    }
}
