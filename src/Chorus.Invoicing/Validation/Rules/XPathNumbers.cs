using System.Globalization;
using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Validation.Rules;

/// <summary>
/// The arithmetic the official artefacts do, as Saxon does it, so that verdicts agree at the edges: XPath <c>round</c>
/// rounds half towards positive infinity; <c>xs:decimal</c> operands stay decimal, untyped operands (a bare element in
/// a comparison or in <c>sum</c>) become <c>xs:double</c>. A missing or non-numeric operand makes the comparison false.
/// </summary>
internal static class XPathNumbers
{
    /// <summary>XPath <c>round($x)</c> on a decimal: half up (towards +∞).</summary>
    public static decimal Round(decimal x) => Math.Floor(x + 0.5m);

    /// <summary>The artefacts' <c>round($x * 10 * 10) div 100</c>.</summary>
    public static decimal Round2(decimal x) => Round(x * 100m) / 100m;

    /// <summary>
    /// Saxon compares an untyped value cast to <c>xs:double</c> in Java's <c>Double.compare</c> order, where -0.0 sorts
    /// below 0.0: an amount written <c>-0.0</c> is neither <c>= 0</c> nor <c>&gt;= 0</c> (checked with Saxon-HE).
    /// </summary>
    public static int SaxonCompare(double a, double b) =>
        a < b ? -1 : a > b ? 1 : IsNegativeZero(a) == IsNegativeZero(b) ? 0 : IsNegativeZero(a) ? -1 : 1;

    /// <summary>Untyped (double) <c>=</c> with Saxon's signed zeros; NaN equals nothing.</summary>
    public static bool UntypedEquals(double a, double b) => !double.IsNaN(a) && !double.IsNaN(b) && SaxonCompare(a, b) == 0;

    /// <summary>Untyped (double) <c>&gt;= 0</c> with Saxon's signed zeros.</summary>
    public static bool UntypedNonNegative(double a) => !double.IsNaN(a) && SaxonCompare(a, 0) >= 0;

    private static bool IsNegativeZero(double x) => x == 0 && BitConverter.DoubleToInt64Bits(x) < 0;

    /// <summary>XPath <c>round($x)</c> on a double.</summary>
    public static double Round(double x) => Math.Floor(x + 0.5);

    /// <summary><c>round($x * 100) div 100</c> on a double.</summary>
    public static double Round2(double x) => Round(x * 100) / 100;

    /// <summary>The untyped value of an amount as <c>xs:double</c> (null when absent or not a number).</summary>
    public static double? Double(Amount? amount) =>
        amount is { } a && double.TryParse(a.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>The untyped value of a percentage as <c>xs:double</c>.</summary>
    public static double? Double(Percentage? p) =>
        p is { } v && double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary><c>xs:decimal</c> of an amount: null when absent (empty sequence) or not a decimal (a dynamic error, which fails the rule).</summary>
    public static decimal? Dec(Amount? amount) => amount?.Value;

    /// <summary>True when <c>string-length(substring-after(., '.')) &lt;= 2</c> holds for the amount (absent holds).</summary>
    public static bool AtMostTwoDecimals(Amount? amount) => amount is not { } a || Decimals(a.Text) <= 2;

    /// <summary>True when the amount's double value equals itself rounded to 2 decimals (absent or non-numeric: false).</summary>
    public static bool IsRoundedToCents(Amount? amount) => Double(amount) is { } d && d == Round2(d);

    /// <summary>
    /// A double cast to <c>xs:decimal</c> as Saxon casts it: the exact binary value (625743.54 + 1 is slightly above
    /// 625744.54), kept to the 28 digits a <see cref="decimal"/> holds.
    /// </summary>
    public static decimal ToDecimal(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return 0m;
        }

        var (mantissa, exponent, negative) = Tree.XPathCasts.Binary(d);
        try
        {
            decimal r = mantissa;
            for (; exponent > 0; exponent--)
            {
                r *= 2;
            }

            if (exponent < 0 && mantissa != 0)
            {
                r = HalveExactly(mantissa, ref exponent);
            }

            for (; exponent < 0 && r != 0; exponent++)
            {
                r /= 2;
            }

            return negative ? -r : r;
        }
        catch (OverflowException)
        {
            return (decimal)d;
        }
    }

    // The halvings of a mantissa that decimal division does without rounding, in integer arithmetic: an even mantissa
    // halves at the same scale, an odd one becomes five times itself one decimal further, as long as it fits in the
    // 96 bits and 28 decimals of a decimal. The result, value and scale, is the one those divisions give one by one
    // (a double's value takes up to 1,074 of them, each a full decimal division: most of a rule's time on amounts);
    // the halvings left, which round, are the caller's.
    private static decimal HalveExactly(long mantissa, ref int exponent)
    {
        ulong low = (ulong)mantissa, high = 0; // 128-bit mantissa, of which a decimal holds 96
        var scale = 0;
        while (exponent < 0 && (low & 1) == 0)
        {
            low >>= 1;
            exponent++;
        }

        while (exponent < 0 && scale < 28)
        {
            // times five = times four plus itself, in 128 bits
            var low4 = low << 2;
            var high4 = (high << 2) | (low >> 62);
            var nextLow = low4 + low;
            var nextHigh = high4 + high + (nextLow < low4 ? 1UL : 0UL);
            if (nextHigh >= 1UL << 32)
            {
                break;
            }

            (low, high) = (nextLow, nextHigh);
            scale++;
            exponent++;
        }

        return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)high, false, (byte)scale);
    }

    private static int Decimals(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '.')
            {
                return text.Length - k - 1;
            }
        }

        return 0;
    }
}
