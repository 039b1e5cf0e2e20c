using Chorus.Invoicing.Pdf.Internal;

namespace Chorus.Invoicing.Pdf.Text;

/// <summary>
/// The simple-font encodings (ISO 32000-1 Annex D) and the Adobe glyph names an invoice uses (Latin letters with French
/// and German accents, digits, punctuation, currency). Not the whole Adobe Glyph List: names outside it decode as nothing.
/// </summary>
internal static class Glyphs
{
    /// <summary>WinAnsiEncoding (= Windows-1252 where defined).</summary>
    public static readonly char[] WinAnsi = BuildWinAnsi();

    /// <summary>StandardEncoding, the default of Type 1 fonts: ASCII, with the quotes moved.</summary>
    public static readonly char[] Standard = BuildStandard();

    private static readonly Dictionary<string, char> Names = BuildNames();

    public static char FromName(string name)
    {
        if (Names.TryGetValue(name, out var c))
        {
            return c;
        }

        if (name.Length == 7 && name.StartsWith("uni", StringComparison.Ordinal))
        {
            var u = 0;
            for (var i = 3; i < 7; i++)
            {
                var h = PdfAscii.HexValue((byte)name[i]);
                if (h < 0)
                {
                    return '\0';
                }

                u = (u << 4) | h;
            }

            return (char)u;
        }

        return name.Length == 1 ? name[0] : '\0';
    }

    private static char[] BuildWinAnsi()
    {
        var t = new char[256];
        for (var i = 32; i < 256; i++)
        {
            t[i] = (char)i;
        }

        const string high = "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";
        for (var i = 0; i < 32; i++)
        {
            t[0x80 + i] = high[i];
        }

        t[127] = '\0';
        t[0xAD] = '-';
        return t;
    }

    private static char[] BuildStandard()
    {
        var t = new char[256];
        for (var i = 32; i < 127; i++)
        {
            t[i] = (char)i;
        }

        t[0x27] = '\u2019';
        t[0x60] = '\u2018';
        return t;
    }

    private static Dictionary<string, char> BuildNames()
    {
        var d = new Dictionary<string, char>(StringComparer.Ordinal)
        {
            ["space"] = ' ', ["nbspace"] = '\u00A0', ["exclam"] = '!', ["quotedbl"] = '"', ["numbersign"] = '#', ["dollar"] = '$',
            ["percent"] = '%', ["ampersand"] = '&', ["quotesingle"] = '\'', ["quoteright"] = '\u2019', ["quoteleft"] = '\u2018',
            ["parenleft"] = '(', ["parenright"] = ')', ["asterisk"] = '*', ["plus"] = '+', ["comma"] = ',', ["hyphen"] = '-',
            ["minus"] = '-', ["period"] = '.', ["slash"] = '/', ["colon"] = ':', ["semicolon"] = ';', ["less"] = '<', ["equal"] = '=',
            ["greater"] = '>', ["question"] = '?', ["at"] = '@', ["bracketleft"] = '[', ["backslash"] = '\\', ["bracketright"] = ']',
            ["asciicircum"] = '^', ["underscore"] = '_', ["grave"] = '`', ["braceleft"] = '{', ["bar"] = '|', ["braceright"] = '}',
            ["asciitilde"] = '~', ["Euro"] = '\u20AC', ["euro"] = '\u20AC', ["degree"] = '\u00B0', ["ordmasculine"] = '\u00BA',
            ["section"] = '\u00A7', ["endash"] = '\u2013', ["emdash"] = '\u2014', ["bullet"] = '\u2022', ["quotedblleft"] = '\u201C',
            ["quotedblright"] = '\u201D', ["guillemotleft"] = '\u00AB', ["guillemotright"] = '\u00BB', ["ellipsis"] = '\u2026',
            ["germandbls"] = '\u00DF', ["oe"] = '\u0153', ["OE"] = '\u0152', ["ae"] = '\u00E6', ["AE"] = '\u00C6', ["sterling"] = '\u00A3',
            ["copyright"] = '\u00A9', ["registered"] = '\u00AE', ["trademark"] = '\u2122', ["multiply"] = '\u00D7', ["periodcentered"] = '\u00B7',
            ["zero"] = '0', ["one"] = '1', ["two"] = '2', ["three"] = '3', ["four"] = '4', ["five"] = '5', ["six"] = '6', ["seven"] = '7',
            ["eight"] = '8', ["nine"] = '9',
        };
        // accented letters: <base><accent> → the precomposed character
        (string Suffix, string Lower, string Upper)[] accents =
        [
            ("acute", "áéíóúý", "ÁÉÍÓÚÝ"), ("grave", "àèìòù", "ÀÈÌÒÙ"), ("circumflex", "âêîôû", "ÂÊÎÔÛ"),
            ("dieresis", "äëïöüÿ", "ÄËÏÖÜŸ"), ("tilde", "ãñõ", "ÃÑÕ"), ("cedilla", "ç", "Ç"), ("ring", "å", "Å"),
        ];
        foreach (var (suffix, lower, upper) in accents)
        {
            foreach (var c in lower)
            {
                d[Base(c) + suffix] = c;
            }

            foreach (var c in upper)
            {
                d[Base(c) + suffix] = c;
            }
        }

        return d;
    }

    private static string Base(char c) => c.ToString().Normalize(System.Text.NormalizationForm.FormD).Substring(0, 1);
}
