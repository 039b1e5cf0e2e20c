using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FrCtc;

/// <summary>
/// The functions of the Flux 2 artefacts that the BR-FR-DEC and BR-FR-MV/BD rules call, with the meaning of their
/// XPath: <c>custom:is-valid-decimal-19-2</c> is <c>matches($v, '^[-]?\d{1,19}(\.\d{1,2})?$') and
/// string-length(replace($v, '\.', '')) le 19</c> (the sign counts in the 19), and so on; <c>custom:isSpecialContract*</c>
/// test the billing framework (BT-23: CII BusinessProcessSpecifiedDocumentContextParameter/ID, UBL ProfileID).
/// </summary>
internal static class FrCtcDecimals
{
    private static readonly ElementPath CiiFramework = ElementPath.Of("rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID");
    private static readonly ElementPath UblFramework = ElementPath.Of("cbc:ProfileID");

    /// <summary><c>custom:is-valid-decimal-19-2</c>: optional minus, 1 to 19 digits, up to 2 decimals, at most 19 characters without the point.</summary>
    public static bool IsDecimal19_2(string? value) => Matches(value, allowMinus: true, intDigits: 19, fractionDigits: 2, maxLength: 19);

    /// <summary><c>custom:is-valid-decimal-19-4</c> (quantities).</summary>
    public static bool IsDecimal19_4(string? value) => Matches(value, allowMinus: true, intDigits: 19, fractionDigits: 4, maxLength: 19);

    /// <summary><c>custom:is-valid-decimal-19-6</c> (prices of a bi-directional framework).</summary>
    public static bool IsDecimal19_6(string? value) => Matches(value, allowMinus: true, intDigits: 19, fractionDigits: 6, maxLength: 19);

    /// <summary><c>custom:is-valid-decimal-19-6-positive</c>: no sign at all.</summary>
    public static bool IsDecimal19_6Positive(string? value) => Matches(value, allowMinus: false, intDigits: 19, fractionDigits: 6, maxLength: 19);

    /// <summary><c>custom:is-valid-percent-4-2-positive</c>: 1 to 4 digits, up to 2 decimals, at most 4 characters without the point.</summary>
    public static bool IsPercent4_2Positive(string? value) => Matches(value, allowMinus: false, intDigits: 4, fractionDigits: 2, maxLength: 4);

    /// <summary><c>custom:isSpecialContract</c>: BT-23 is S8, B8, M8, S9, B9 or M9 (multi-vendor or bi-directional).</summary>
    public static bool IsSpecialContract(XNode? root, string syntax) => Framework(root, syntax) is "S8" or "B8" or "M8" or "S9" or "B9" or "M9";

    /// <summary><c>custom:isSpecialContractMV</c>: BT-23 is S8, B8 or M8 (multi-vendor).</summary>
    public static bool IsSpecialContractMV(XNode? root, string syntax) => Framework(root, syntax) is "S8" or "B8" or "M8";

    /// <summary><c>custom:isSpecialContractBD</c>: BT-23 is S9, B9 or M9 (bi-directional).</summary>
    public static bool IsSpecialContractBD(XNode? root, string syntax) => Framework(root, syntax) is "S9" or "B9" or "M9";

    /// <summary>
    /// XPath <c>number()</c> of a node sequence as our engine computes it: NaN unless exactly one item whose text is an
    /// xs:double (INF/-INF/NaN literals, no comma, no letters other than an exponent).
    /// </summary>
    public static double Number(IReadOnlyList<string> values) => values.Count == 1 && TryDouble(values[0], out var d) ? d : double.NaN;

    /// <summary>The xs:double cast of an untyped value (arithmetic, <c>sum()</c>): false where XPath raises FORG0001.</summary>
    public static bool TryDouble(string text, out double value) => TreeQuery.TryDouble(text, out value);

    /// <summary>
    /// <c>normalize-space()</c> of the value of the framework: several IDs are joined with a space (our engine's reading
    /// where the official stylesheet would stop on a type error), none gives no framework.
    /// </summary>
    private static string? Framework(XNode? root, string syntax)
    {
        if (root is null)
        {
            return null;
        }

        var path = syntax == "ubl" ? UblFramework : CiiFramework;
        var values = root.Values(path).ToList();
        return values.Count == 0 ? null : TreeQuery.NormalizeSpace(string.Join(" ", values));
    }

    // '^[-]?\d{1,N}(\.\d{1,F})?$' then string-length without the points <= maxLength. XPath's \d is any Unicode decimal
    // digit (category Nd), as char.IsDigit.
    private static bool Matches(string? value, bool allowMinus, int intDigits, int fractionDigits, int maxLength)
    {
        if (value is null)
        {
            return false;
        }

        var i = 0;
        if (allowMinus && i < value.Length && value[i] == '-')
        {
            i++;
        }

        var start = i;
        while (i < value.Length && char.IsDigit(value[i]))
        {
            i++;
        }

        if (i == start || i - start > intDigits)
        {
            return false;
        }

        if (i < value.Length)
        {
            if (value[i] != '.')
            {
                return false;
            }

            var fraction = ++i;
            while (i < value.Length && char.IsDigit(value[i]))
            {
                i++;
            }

            if (i != value.Length || i == fraction || i - fraction > fractionDigits)
            {
                return false;
            }

            return value.Length - 1 <= maxLength;
        }

        return value.Length <= maxLength;
    }
}
