using System.Globalization;
using System.Text.RegularExpressions;
using Chorus.Directory.Identifiers;
using Chorus.Invoicing.Pdf.Internal;

namespace Chorus.Invoicing.Pdf.Text;

/// <summary>
/// Finds the keyword-announced fields in lines of text, as Chorus Pro's PDF reading does: the label (French wording and
/// its usual variants, case and accent insensitive, on word boundaries), then the value after it on the same line, or
/// on the next line when the label ends its line. Values are normalised (SIRET checked, French numbers, dates to ISO).
/// </summary>
internal static class FieldMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    private static readonly Regex SiretPattern = new(@"(?<![\d])\d(?:[ \u00A0\u202F.]?\d){13}(?![\d])", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex AmountPattern = new(@"(?<![\d.,])-?(?:\d{1,3}(?:[ \u00A0\u202F.']\d{3})+(?:,\d{1,4})?|\d+(?:[.,]\d{1,4})?)(?![\d.,])(?!\s*%)", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex DatePattern = new(@"(?<!\d)(?:(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})|(\d{4})-(\d{2})-(\d{2})|(\d{1,2})(?:er)? +([a-zéèûô]+)\.? +(\d{4}))(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex CodePattern = new(@"^[A-Za-z0-9][A-Za-z0-9\-_/.]*[A-Za-z0-9]|^[A-Za-z0-9]", RegexOptions.CultureInvariant, Timeout);

    private static readonly string[] Months = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

    private static readonly string[] Fillers = ["n°", "nº", "no", "n", "num", "numero", "de", "du", "d'", "la", "le", "l'", "the", "number", "nr"];

    // Labels in order of preference (the most specific first); `exclude`: lines that mention another field.
    private static readonly Label[] Recipient =
    [
        new("siret client"), new("siret du client"), new("siret destinataire"), new("siret dest"), new("siret acheteur"),
        new("siret de l'acheteur"), new("siret ministere"), new("ministere"), new("client"), new("destinataire"), new("acheteur"),
    ];

    private static readonly Label[] Supplier =
    [
        new("siret fournisseur"), new("siret du fournisseur"), new("siret emetteur"), new("siret vendeur"), new("siret prestataire"),
        new("fournisseur"), new("emetteur"), new("vendeur"),
        new("siret", "client", "dest", "acheteur", "ministere"),
    ];

    private static readonly Label[] Service = [new("code service"), new("code du service"), new("service executant"), new("code service executant")];

    private static readonly Label[] Engagement =
    [
        new("numero d'engagement"), new("n° d'engagement"), new("n° engagement"), new("engagement juridique"), new("engagement"),
        new("bon de commande"), new("n° de commande"), new("numero de commande"), new("commande"), new("ej"),
    ];

    private static readonly Label[] Number =
    [
        new("numero de facture", "date"), new("n° de facture", "date"), new("n° facture", "date"), new("facture n°", "date"),
        new("facture no", "date"), new("facture numero", "date"), new("invoice number", "date"), new("invoice no", "date"),
        new("facture", "date", "facturation", "adresse"),
    ];

    private static readonly Label[] Date =
    [
        new("date de facture"), new("date facture"), new("date de la facture"), new("date d'emission"), new("date de facturation"),
        new("facture du"), new("date", "echeance", "livraison", "paiement", "commande", "limite", "reglement"),
    ];

    private static readonly Label[] Ht = [new("total ht"), new("montant ht"), new("total hors taxes"), new("total hors taxe"), new("montant hors taxes"), new("net ht"), new("sous-total ht")];

    private static readonly Label[] Tva = [new("total tva"), new("montant tva"), new("montant de la tva"), new("total t.v.a"), new("tva", "intracom", "intra", "n° tva", "numero de tva", "identifiant")];

    private static readonly Label[] Ttc = [new("total ttc"), new("montant ttc"), new("net a payer"), new("total a payer"), new("montant a payer"), new("ttc")];

    /// <summary>Reads the fields from pages given in order of preference (page number, lines).</summary>
    public static InvoiceFields Match(IReadOnlyList<(int Page, IReadOnlyList<string> Lines)> pages)
    {
        var folded = pages.Select(p => (p.Page, p.Lines, Folded: p.Lines.Select(Fold).ToArray())).ToArray();
        PdfField<T>? Find<T>(Label[] labels, Func<string, T?> parse)
            where T : struct
        {
            foreach (var label in labels)
            {
                foreach (var (page, lines, foldedLines) in folded)
                {
                    for (var i = 0; i < lines.Count; i++)
                    {
                        var f = label.Match(foldedLines[i]);
                        if (f < 0)
                        {
                            continue;
                        }

                        var end = f + label.Text.Length;
                        var rest = lines[i].Substring(end);
                        var value = parse(rest);
                        if (value is null && string.IsNullOrWhiteSpace(StripFillers(rest)) && i + 1 < lines.Count)
                        {
                            value = parse(lines[i + 1]); // "Total TTC" with the amount on the next line
                        }

                        if (value is not null)
                        {
                            return new PdfField<T>(value.Value, page, lines[i], lines[i].Substring(f, label.Text.Length));
                        }
                    }
                }
            }

            return null;
        }

        PdfField<string>? FindText(Label[] labels, bool needsDigit)
        {
            var found = Find(labels, rest => Code(rest, needsDigit) is { } c ? new Boxed(c) : (Boxed?)null);
            return found is null ? null : new PdfField<string>(found.Value.Text, found.Page, found.Text, found.Label);
        }

        return new InvoiceFields
        {
            RecipientSiret = Find(Recipient, ParseSiret),
            SupplierSiret = Find(Supplier, ParseSiret),
            ServiceCode = FindText(Service, needsDigit: false),
            EngagementNumber = FindText(Engagement, needsDigit: true),
            InvoiceNumber = FindText(Number, needsDigit: true),
            InvoiceDate = Find(Date, ParseDate),
            TotalExclVat = Find(Ht, ParseAmount),
            TotalVat = Find(Tva, ParseAmount),
            TotalInclVat = Find(Ttc, ParseAmount),
        };
    }

    private readonly record struct Boxed(string Text);

    internal static Siret? ParseSiret(string rest)
    {
        foreach (Match m in SiretPattern.Matches(rest))
        {
            if (Siret.TryParse(m.Value, out var siret))
            {
                return siret;
            }
        }

        return null;
    }

    internal static decimal? ParseAmount(string rest)
    {
        var m = AmountPattern.Match(rest);
        if (!m.Success)
        {
            return null;
        }

        var hasComma = m.Value.Any(c => c == ',');
        var dots = m.Value.Count(c => c == '.');
        var sb = new System.Text.StringBuilder(m.Value.Length);
        foreach (var c in m.Value)
        {
            if (char.IsDigit(c) || c == '-')
            {
                sb.Append(c);
            }
            else if ((c == ',' && hasComma) || (c == '.' && !hasComma && dots == 1))
            {
                sb.Append('.'); // the decimal separator; other dots and spaces group thousands
            }
        }

        var s = sb.ToString();

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    internal static DateTime? ParseDate(string rest)
    {
        var m = DatePattern.Match(rest);
        if (!m.Success)
        {
            return null;
        }

        int day, month, year;
        if (m.Groups[1].Success)
        {
            (day, month, year) = (Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value));
        }
        else if (m.Groups[4].Success)
        {
            (year, month, day) = (Int(m.Groups[4].Value), Int(m.Groups[5].Value), Int(m.Groups[6].Value));
        }
        else
        {
            day = Int(m.Groups[7].Value);
            month = Array.IndexOf(Months, Fold(m.Groups[8].Value)) + 1;
            year = Int(m.Groups[9].Value);
        }

        return month is >= 1 and <= 12 && year is >= 1900 and <= 2999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            : null;
    }

    private static string? Code(string rest, bool needsDigit)
    {
        var s = StripFillers(rest);
        var m = CodePattern.Match(s);
        if (!m.Success || (needsDigit && !m.Value.Any(char.IsDigit)))
        {
            return null;
        }

        return m.Value;
    }

    /// <summary>Drops the separators and filler words between a label and its value (": ", "N° ", "de la ").</summary>
    private static string StripFillers(string rest)
    {
        var s = rest;
        for (var k = 0; k < 6; k++)
        {
            s = s.TrimStart(' ', '\u00A0', '\t', ':', '=', '#', '°', 'º', '.', '-', '–', '(', ')');
            var folded = Fold(s);
            var stripped = false;
            foreach (var f in Fillers)
            {
                if (folded.StartsWith(f, StringComparison.Ordinal) && (folded.Length == f.Length || !char.IsLetterOrDigit(folded[f.Length]) || f[f.Length - 1] == '\''))
                {
                    s = s.Substring(f.Length);
                    stripped = true;
                    break;
                }
            }

            if (!stripped)
            {
                break;
            }
        }

        return s;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Lower case without accents, one character for one (indices stay aligned with the original line).</summary>
    internal static string Fold(string s)
    {
        var chars = new char[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            var c = char.ToLowerInvariant(s[i]);
            chars[i] = c switch
            {
                'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => 'a',
                'ç' => 'c',
                'è' or 'é' or 'ê' or 'ë' => 'e',
                'ì' or 'í' or 'î' or 'ï' => 'i',
                'ñ' => 'n',
                'ò' or 'ó' or 'ô' or 'õ' or 'ö' => 'o',
                'ù' or 'ú' or 'û' or 'ü' => 'u',
                'ý' or 'ÿ' => 'y',
                '\u2019' or '\u2018' or '`' => '\'',
                '\u00A0' or '\u202F' => ' ',
                'º' => '°',
                _ => c,
            };
        }

        return new string(chars);
    }

    /// <summary>A keyword on word boundaries, unless the line also mentions one of <c>Exclude</c>.</summary>
    private sealed class Label(string text, params string[] exclude)
    {
        public string Text { get; } = text;

        public int Match(string foldedLine)
        {
            foreach (var x in exclude)
            {
                if (Str.Has(foldedLine, x))
                {
                    return -1;
                }
            }

            var from = 0;
            while (from <= foldedLine.Length - Text.Length)
            {
                var i = foldedLine.IndexOf(Text, from, StringComparison.Ordinal);
                if (i < 0)
                {
                    return -1;
                }

                var before = i == 0 || !char.IsLetterOrDigit(foldedLine[i - 1]);
                var after = i + Text.Length == foldedLine.Length || !char.IsLetterOrDigit(foldedLine[i + Text.Length]) || !char.IsLetterOrDigit(Text[Text.Length - 1]);
                if (before && after)
                {
                    return i;
                }

                from = i + 1;
            }

            return -1;
        }
    }
}
