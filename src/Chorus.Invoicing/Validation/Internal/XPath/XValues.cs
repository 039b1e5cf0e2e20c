using System.Globalization;
using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Validation.Internal.XPath;

/// <summary>An XPath dynamic error (FORG0001, XPTY0004…): the schematron processor would stop; we fail the assertion.</summary>
internal sealed class XPathDynamicException(string message) : Exception(message);

/// <summary>An <c>xs:untypedAtomic</c> value: the typed value of a node in an untyped (schema-less) document.</summary>
internal sealed class Untyped(string value)
{
    public string Value { get; } = value;

    public override string ToString() => Value;
}

/// <summary>An <c>xs:date</c> value (timezone kept as an offset in minutes, or null).</summary>
internal readonly record struct XDate(DateTime Date, int? OffsetMinutes)
{
    // Comparison normalises to UTC when a timezone is given (implicit timezone: none, treated as UTC).
    public DateTime Instant => OffsetMinutes is { } o ? Date.AddMinutes(-o) : Date;
}

/// <summary>A sequence of items (nodes or atomic values) without allocation for the empty and one-item cases.</summary>
internal readonly struct Seq
{
    public static readonly Seq Empty;
    private readonly object? _single;
    private readonly List<object>? _list;

    public Seq(object item)
    {
        _single = item;
        _list = null;
    }

    public Seq(List<object> items)
    {
        if (items.Count == 1)
        {
            _single = items[0];
            _list = null;
        }
        else
        {
            _single = null;
            _list = items.Count == 0 ? null : items;
        }
    }

    public int Count => _list?.Count ?? (_single is null ? 0 : 1);

    public object this[int i] => _list is not null ? _list[i] : _single!;

    public static Seq Of(bool b) => new(b ? BoxedTrue : BoxedFalse);

    public static readonly object BoxedTrue = true;
    public static readonly object BoxedFalse = false;
}

/// <summary>Atomisation, casts, comparisons and effective boolean values with XPath 2.0 semantics (untyped data).</summary>
internal static class XValues
{
    private static readonly Regex DecimalLexical = new(@"^[+-]?(\d+(\.\d*)?|\.\d+)$", RegexOptions.CultureInvariant);
    private static readonly Regex DateLexical = new(@"^(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant);

    public static object Atomize(object item) => item is XNode n ? n.TypedValue : item;

    public static string StringOf(object item) => item switch
    {
        XNode n => n.StringValue,
        Untyped u => u.Value,
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => DecimalToString(d),
        double d => DoubleToString(d),
        XDate d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => item.ToString() ?? string.Empty,
    };

    public static string DecimalToString(decimal d)
    {
        var s = d.ToString(CultureInfo.InvariantCulture);
        if (s.IndexOf('.') >= 0)
        {
            s = s.TrimEnd('0').TrimEnd('.');
        }

        return s.Length == 0 || s == "-0" ? "0" : s;
    }

    public static string DoubleToString(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "INF" : "-INF";
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The string value of a zero-or-one sequence ("" when empty).</summary>
    public static string StringOf(Seq s) => s.Count == 0 ? string.Empty : StringOf(s[0]);

    public static bool IsNumeric(object o) => o is decimal or double;

    public static bool Ebv(Seq s)
    {
        if (s.Count == 0)
        {
            return false;
        }

        var first = s[0];
        if (first is XNode)
        {
            return true;
        }

        if (s.Count > 1)
        {
            throw new XPathDynamicException("FORG0006: effective boolean value of a sequence of several atomic values");
        }

        return first switch
        {
            bool b => b,
            string str => str.Length > 0,
            Untyped u => u.Value.Length > 0,
            decimal d => d != 0,
            double d => d != 0 && !double.IsNaN(d),
            _ => throw new XPathDynamicException("FORG0006: no effective boolean value"),
        };
    }

    public static decimal ToDecimal(object item)
    {
        switch (Atomize(item))
        {
            case decimal d:
                return d;
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw new XPathDynamicException("FOCA0002: cannot cast NaN/INF to xs:decimal");
                }

                return DoubleToDecimal(d);
            case bool b:
                return b ? 1m : 0m;
            case Untyped u:
                return ParseDecimal(u.Value);
            case string s:
                return ParseDecimal(s);
            default:
                throw new XPathDynamicException("XPTY0004: cannot cast to xs:decimal");
        }
    }

    /// <summary>
    /// xs:decimal(xs:double) as Saxon does it: the exact binary value of the double (Java's <c>new BigDecimal(double)</c>),
    /// kept to 28 significant digits. <c>xs:decimal(cbc:TaxableAmount + 1)</c> in BR-S-08 depends on that noise:
    /// 314.86 + 1 is 315.8600000000000136…, which is greater than 315.86.
    /// </summary>
    public static decimal DoubleToDecimal(double d)
    {
        if (d == 0)
        {
            return 0m;
        }

        var bits = BitConverter.DoubleToInt64Bits(d);
        var negative = bits < 0;
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

        exponent -= 1075;
        string digits;
        int scale;
        if (exponent >= 0)
        {
            digits = (new System.Numerics.BigInteger(mantissa) << exponent).ToString(CultureInfo.InvariantCulture);
            scale = 0;
        }
        else
        {
            digits = (new System.Numerics.BigInteger(mantissa) * System.Numerics.BigInteger.Pow(5, -exponent)).ToString(CultureInfo.InvariantCulture);
            scale = -exponent;
        }

        // digits × 10^-scale; keep 28 significant digits (truncation keeps the side of any comparison with a 2-decimal amount).
        if (digits.Length - scale > 28)
        {
            throw new XPathDynamicException("FOCA0001: double too large for xs:decimal");
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

        var text = scale == 0 ? digits : (digits.Length > scale ? digits.Substring(0, digits.Length - scale) + "." + digits.Substring(digits.Length - scale) : "0." + new string('0', scale - digits.Length) + digits);
        var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    public static decimal ParseDecimal(string text)
    {
        var t = text.Trim(' ', '\t', '\r', '\n');
        if (!DecimalLexical.IsMatch(t) || !decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            throw new XPathDynamicException($"FORG0001: '{Short(text)}' is not a valid xs:decimal");
        }

        return d;
    }

    public static double ToDouble(object item)
    {
        switch (Atomize(item))
        {
            case decimal d:
                return (double)d;
            case double d:
                return d;
            case bool b:
                return b ? 1 : 0;
            case Untyped u:
                return ParseDouble(u.Value);
            case string s:
                return ParseDouble(s);
            default:
                throw new XPathDynamicException("XPTY0004: cannot cast to xs:double");
        }
    }

    public static double ParseDouble(string text)
    {
        var t = text.Trim(' ', '\t', '\r', '\n');
        switch (t)
        {
            case "INF":
            case "+INF":
                return double.PositiveInfinity;
            case "-INF":
                return double.NegativeInfinity;
            case "NaN":
                return double.NaN;
        }

        if (t.Length == 0 || t.IndexOfAny(['I', 'N', 'i', 'n', ',']) >= 0
            || !double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            throw new XPathDynamicException($"FORG0001: '{Short(text)}' is not a valid xs:double");
        }

        return d;
    }

    public static bool ToBoolean(object item)
    {
        switch (Atomize(item))
        {
            case bool b:
                return b;
            case decimal d:
                return d != 0;
            case double d:
                return d != 0 && !double.IsNaN(d);
            case Untyped or string:
                var t = StringOf(item).Trim(' ', '\t', '\r', '\n');
                return t switch
                {
                    "true" or "1" => true,
                    "false" or "0" => false,
                    _ => throw new XPathDynamicException($"FORG0001: '{Short(t)}' is not a valid xs:boolean"),
                };
            default:
                throw new XPathDynamicException("XPTY0004: cannot cast to xs:boolean");
        }
    }

    public static XDate ToDate(object item)
    {
        var a = Atomize(item);
        if (a is XDate d)
        {
            return d;
        }

        if (a is not (Untyped or string))
        {
            throw new XPathDynamicException("XPTY0004: cannot cast to xs:date");
        }

        var t = StringOf(a).Trim(' ', '\t', '\r', '\n');
        var m = DateLexical.Match(t);
        if (!m.Success
            || !int.TryParse(m.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y)
            || y < 1 || y > 9999)
        {
            throw new XPathDynamicException($"FORG0001: '{Short(t)}' is not a valid xs:date");
        }

        var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var da = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (mo < 1 || mo > 12 || da < 1 || da > DateTime.DaysInMonth(y, mo))
        {
            throw new XPathDynamicException($"FORG0001: '{Short(t)}' is not a valid xs:date");
        }

        int? offset = null;
        if (m.Groups[4].Success)
        {
            var z = m.Groups[4].Value;
            offset = z == "Z" ? 0 : (z[0] == '-' ? -1 : 1) * ((int.Parse(z.Substring(1, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(z.Substring(4, 2), CultureInfo.InvariantCulture));
        }

        return new XDate(new DateTime(y, mo, da, 0, 0, 0, DateTimeKind.Unspecified), offset);
    }

    /// <summary>Compares two atomic values; <paramref name="general"/> applies the general-comparison casting of untyped values.</summary>
    public static int Compare(object a, object b, bool general, out bool comparable)
    {
        comparable = true;
        if (a is Untyped ua)
        {
            if (b is Untyped or string)
            {
                return string.CompareOrdinal(ua.Value, StringOf(b));
            }

            if (!general)
            {
                return CompareTyped(ua.Value, b, out comparable);
            }

            a = b switch
            {
                decimal or double => ToDouble(ua),
                bool => ToBoolean(ua),
                XDate => ToDate(ua),
                _ => ua.Value,
            };
        }

        if (b is Untyped ub)
        {
            if (!general || a is string)
            {
                return a is string sa ? string.CompareOrdinal(sa, ub.Value) : CompareTyped(a, ub.Value, out comparable);
            }

            b = a switch
            {
                decimal or double => ToDouble(ub),
                bool => ToBoolean(ub),
                XDate => ToDate(ub),
                _ => ub.Value,
            };
        }

        return CompareTyped(a, b, out comparable);
    }

    private static int CompareTyped(object a, object b, out bool comparable)
    {
        comparable = true;
        switch (a)
        {
            case decimal da when b is decimal db:
                return da.CompareTo(db);
            case decimal or double when b is decimal or double:
                {
                    var x = ToDouble(a);
                    var y = ToDouble(b);
                    if (double.IsNaN(x) || double.IsNaN(y))
                    {
                        comparable = false;
                        return 0;
                    }

                    return x.CompareTo(y);
                }

            case string sa when b is string sb:
                return string.CompareOrdinal(sa, sb);
            case bool ba when b is bool bb:
                return ba.CompareTo(bb);
            case XDate xa when b is XDate xb:
                return xa.Instant.CompareTo(xb.Instant);
            default:
                throw new XPathDynamicException($"XPTY0004: cannot compare {a.GetType().Name} with {b.GetType().Name}");
        }
    }

    private static string Short(string s) => s.Length > 40 ? s.Substring(0, 40) + "…" : s;
}
