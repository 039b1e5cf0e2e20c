using System.Globalization;
using System.Numerics;

namespace Chorus.Invoicing.Validation.Rules.Tree;

/// <summary>The XPath 2.0 casts whose exact results decide verdicts of the official rules.</summary>
internal static class XPathCasts
{
    /// <summary>
    /// <c>xs:decimal(xs:double)</c> as Saxon does it: the exact binary value of the double (Java's
    /// <c>new BigDecimal(double)</c>), kept to the 28 significant digits a <see cref="decimal"/> holds. Returns null with the
    /// value, or the XPath error (FOCA0002 for NaN/INF, FOCA0001 when too large) that callers raise their own way.
    /// </summary>
    public static string? DoubleToDecimal(double d, out decimal value)
    {
        value = 0m;
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return "FOCA0002: cannot cast NaN/INF to xs:decimal";
        }

        if (d == 0)
        {
            return null;
        }

        var (unscaled, scale) = Exact(d);
        var digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        if (digits.Length - scale > 28)
        {
            return "FOCA0001: double too large for xs:decimal";
        }

        if (digits.Length > 28)
        {
            var cut = digits.Length - 28;
            digits = digits.Substring(0, 28);
            scale -= cut;
        }

        while (scale < 0)
        {
            digits += "0";
            scale++;
        }

        var text = scale == 0 ? digits : (digits.Length > scale ? digits.Insert(digits.Length - scale, ".") : "0." + new string('0', scale - digits.Length) + digits);
        var parsed = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        value = unscaled.Sign < 0 ? -parsed : parsed;
        return null;
    }

    /// <summary>
    /// The exact value of a finite double, as unscaled digits and a decimal scale: mantissa × 2^exponent written out with
    /// 2^-n = 5^n / 10^n (Java's <c>new BigDecimal(double)</c>).
    /// </summary>
    public static (BigInteger Unscaled, int Scale) Exact(double d)
    {
        var (mantissa, exponent, negative) = Binary(d);
        var (magnitude, scale) = exponent >= 0
            ? (new BigInteger(mantissa) << exponent, 0)
            : (new BigInteger(mantissa) * BigInteger.Pow(5, -exponent), -exponent);
        return (negative ? -magnitude : magnitude, scale);
    }

    /// <summary>A finite double as mantissa × 2^exponent (IEEE 754 binary64 fields, subnormals included) and its sign.</summary>
    public static (long Mantissa, int Exponent, bool Negative) Binary(double d)
    {
        var bits = BitConverter.DoubleToInt64Bits(d);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        return (mantissa, exponent - 1075, bits < 0);
    }
}
