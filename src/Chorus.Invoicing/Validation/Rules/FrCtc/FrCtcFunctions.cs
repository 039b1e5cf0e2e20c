using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FrCtc;

/// <summary>
/// The value functions of the French reform's Flux 2 stylesheets (<c>custom:is-valid-…</c>, <c>custom:check-siret-siren-coherence</c>)
/// with their XPath meaning: string equality is exact (no trimming unless the rule normalises), <c>\d</c> is any Unicode
/// decimal digit, and <c>^…$</c> anchors at the very ends of the string (XPath regexes have no "before a final newline").
/// The code lists are those the stylesheets declare.
/// </summary>
internal static class FrCtcFunctions
{
    // custom:is-valid-document-type-code: the UNTDID 1001 subset the reform accepts (BR-FR-04).
    private static readonly HashSet<string> DocumentTypeCodes = new(StringComparer.Ordinal)
    {
        "380", "389", "393", "501", "386", "500", "384", "471", "472", "473", "261", "262", "381", "396", "502", "503",
    };

    // custom:is-valid-billing-mode: the "cadre de facturation" codes of BT-23 (BR-FR-08).
    private static readonly HashSet<string> BillingModes = new(StringComparer.Ordinal)
    {
        "B1", "S1", "M1", "B2", "S2", "M2", "S3", "B4", "S4", "M4", "S5", "S6", "B7", "S7", "B8", "S8", "M8", "B9", "S9", "M9",
    };

    // custom:is-valid-bar-treatment: the BAR note values (BR-FR-20).
    private static readonly HashSet<string> BarTreatments = new(StringComparer.Ordinal) { "B2B", "B2BINT", "B2C", "B2CINT", "OUTOFSCOPE", "ARCHIVEONLY" };

    // custom:is-valid-eas-code: electronic address schemes (EAS code list as the stylesheets carry it).
    private static readonly HashSet<string> EasCodes = new(StringComparer.Ordinal)
    {
        "AN", "AQ", "AS", "AU", "EM", "0002", "0007", "0009", "0037", "0060", "0088", "0096", "0097", "0106",
        "0130", "0135", "0142", "0147", "0151", "0154", "0158", "0170", "0177", "0183", "0184", "0188", "0190",
        "0191", "0192", "0193", "0194", "0195", "0196", "0198", "0199", "0200", "0201", "0202", "0203", "0204",
        "0205", "0208", "0209", "0210", "0211", "0212", "0213", "0215", "0216", "0217", "0218", "0221", "0225",
        "0230", "0235", "0240", "9910", "9913", "9914", "9915", "9918", "9919", "9920", "9922", "9923", "9924",
        "9925", "9926", "9927", "9928", "9929", "9930", "9931", "9932", "9933", "9934", "9935", "9936", "9937",
        "9938", "9939", "9940", "9941", "9942", "9943", "9944", "9945", "9946", "9947", "9948", "9949", "9950",
        "9951", "9952", "9953", "9957", "9959",
    };

    // custom:is-valid-vat-category-code: UNCL 5305 without L and M, which are not relevant in France (BR-FR-15).
    private static readonly HashSet<string> VatCategoryCodes = new(StringComparer.Ordinal) { "S", "E", "AE", "K", "G", "O", "Z" };

    // custom:is-valid-vat-rate: the French rates (mainland, Corsica, overseas), in each spelling the list accepts (BR-FR-16).
    private static readonly HashSet<string> VatRates = new(StringComparer.Ordinal)
    {
        "0", "0.0", "0.00", "10", "10.0", "10.00", "13", "13.0", "13.00", "20", "20.0", "20.00",
        "8.5", "8.50", "19.6", "19.60", "2.1", "2.10", "5.5", "5.50", "7", "7.0", "7.00",
        "20.6", "20.60", "1.05", "0.9", "0.90", "1.75", "9.2", "9.20", "9.6", "9.60",
    };

    // custom:is-valid-attachment-code: the qualifications of an attached document (BT-123, BR-FR-17).
    private static readonly HashSet<string> AttachmentCodes = new(StringComparer.Ordinal)
    {
        "RIB", "LISIBLE", "FEUILLE_DE_STYLE", "PJA", "BORDEREAU_SUIVI", "DOCUMENT_ANNEXE", "BON_LIVRAISON", "BON_COMMANDE",
        "BORDEREAU_SUIVI_VALIDATION", "ETAT_ACOMPTE", "FACTURE_PAIEMENT_DIRECT", "RECAPITULATIF_COTRAITANCE",
    };

    /// <summary>
    /// custom:is-valid-id-format: after normalize-space only <c>A-Z a-z 0-9 + - _ /</c>, at least one, and no space character
    /// in the raw value (the stylesheet's extra starts-with/ends-with space tests follow from that).
    /// </summary>
    public static bool IsValidIdFormat(string id)
    {
        var n = TreeQuery.NormalizeSpace(id);
        if (n.Length == 0 || TreeQuery.IndexOf(id, ' ') >= 0)
        {
            return false;
        }

        foreach (var c in n)
        {
            if (!(IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// custom:is-valid-date-format of the CII stylesheet: the first 8 characters are <c>20YYMMDD</c> (month 01–12, day
    /// 01–31) and the day exists in that month (leap years by the Gregorian rule).
    /// </summary>
    public static bool IsValidCiiDate(string date)
    {
        var s = date.Length > 8 ? date.Substring(0, 8) : date;
        return s.Length == 8 && s[0] == '2' && s[1] == '0' && char.IsDigit(s[2]) && char.IsDigit(s[3]) &&
               IsMonth(s[4], s[5]) && IsDayOfMonth(s[6], s[7]) &&
               DayExists(TreeQuery.Number(s.Substring(0, 4)), TreeQuery.Number(s.Substring(4, 2)), TreeQuery.Number(s.Substring(6, 2)));
    }

    /// <summary>custom:is-valid-date-format of the UBL stylesheet: the whole value is <c>20YY-MM-DD</c> and the day exists.</summary>
    public static bool IsValidUblDate(string date) =>
        date.Length == 10 && date[0] == '2' && date[1] == '0' && char.IsDigit(date[2]) && char.IsDigit(date[3]) && date[4] == '-' &&
        IsMonth(date[5], date[6]) && date[7] == '-' && IsDayOfMonth(date[8], date[9]) &&
        DayExists(TreeQuery.Number(date.Substring(0, 4)), TreeQuery.Number(date.Substring(5, 2)), TreeQuery.Number(date.Substring(8, 2)));

    /// <summary>custom:is-valid-document-type-code (exact value).</summary>
    public static bool IsValidDocumentTypeCode(string code) => DocumentTypeCodes.Contains(code);

    /// <summary>custom:is-valid-billing-mode (exact value).</summary>
    public static bool IsValidBillingMode(string code) => BillingModes.Contains(code);

    /// <summary>custom:is-valid-bar-treatment (exact value).</summary>
    public static bool IsValidBarTreatment(string value) => BarTreatments.Contains(value);

    /// <summary>custom:is-valid-eas-code (exact value).</summary>
    public static bool IsValidEasCode(string code) => EasCodes.Contains(code);

    /// <summary>custom:is-valid-vat-category-code (exact value).</summary>
    public static bool IsValidVatCategoryCode(string code) => VatCategoryCodes.Contains(code);

    /// <summary>custom:is-valid-vat-rate (exact spelling: "20" and "20.00" are in the list, "20.000" is not).</summary>
    public static bool IsValidVatRate(string rate) => VatRates.Contains(rate);

    /// <summary>custom:is-valid-attachment-code (exact value).</summary>
    public static bool IsValidAttachmentCode(string code) => AttachmentCodes.Contains(code);

    /// <summary>custom:is-valid-schemeid-format: one or more of <c>A-Z a-z 0-9 + - _ .</c> (electronic addresses, private ids).</summary>
    public static bool IsValidSchemeIdFormat(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// custom:check-siret-siren-coherence: the SIRET is exactly 14 digits and its first 9 equal one of the SIREN values
    /// (XPath's general comparison: any of them; none given is false).
    /// </summary>
    public static bool CheckSiretSirenCoherence(string siret, IEnumerable<string> sirens)
    {
        if (!IsDigits(siret, 14))
        {
            return false;
        }

        var head = siret.Substring(0, 9);
        foreach (var s in sirens)
        {
            if (s == head)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>XPath's <c>matches($value, '^\d{n}$')</c>: exactly n decimal digits.</summary>
    public static bool IsDigits(string value, int count)
    {
        if (value.Length != count)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>XPath's <c>string-length</c>: characters counted as code points (a surrogate pair is one).</summary>
    public static int CodePointLength(string value)
    {
        var n = value.Length;
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                n--;
                i++;
            }
        }

        return n;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9');

    // (0[1-9]|1[0-2])
    private static bool IsMonth(char a, char b) => (a == '0' && b is >= '1' and <= '9') || (a == '1' && b is >= '0' and <= '2');

    // (0[1-9]|[12]\d|3[01])
    private static bool IsDayOfMonth(char a, char b) => (a == '0' && b is >= '1' and <= '9') || (a is '1' or '2' && char.IsDigit(b)) || (a == '3' && b is '0' or '1');

    // $day le $maxDay with the stylesheet's number() values: NaN (a non-ASCII digit) compares false.
    private static bool DayExists(double year, double month, double day)
    {
        var leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        double max = month switch
        {
            1 or 3 or 5 or 7 or 8 or 10 or 12 => 31,
            4 or 6 or 9 or 11 => 30,
            2 => leap ? 29 : 28,
            _ => 0,
        };
        return day <= max;
    }
}
