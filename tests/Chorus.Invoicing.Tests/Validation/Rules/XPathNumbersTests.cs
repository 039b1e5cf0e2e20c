using System.Globalization;
using Chorus.Invoicing.Validation.Rules;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// <see cref="XPathNumbers.ToDecimal"/> (a double cast to xs:decimal) computes the halvings that decimal division does
/// exactly in integer arithmetic: its value and scale must be those of dividing by two once per binary exponent step,
/// the definition kept here, on every kind of double.
/// </summary>
public sealed class XPathNumbersTests
{
    [Fact]
    public void ToDecimal_IsTheExactBinaryValue_WhereADecimalHoldsIt()
    {
        Assert.Equal(0.5m, XPathNumbers.ToDecimal(0.5));
        Assert.Equal(-1234.5m, XPathNumbers.ToDecimal(-1234.5));
        Assert.Equal(0.0000000000000000000000000001m, XPathNumbers.ToDecimal(1e-28));
        Assert.Equal(0m, XPathNumbers.ToDecimal(double.Epsilon));

        // 0.1 is 0.1000000000000000055511151231257827… in binary: the cast keeps 28 significant digits of it, so the
        // sum of an invoice's lines in doubles can differ from the decimal sum (what BR-CO-10 in the stylesheets sees).
        Assert.Equal("0.1000000000000000055511151231", XPathNumbers.ToDecimal(0.1).ToString(CultureInfo.InvariantCulture));
        Assert.True(XPathNumbers.ToDecimal(625743.54 + 1) > 625744.54m);
    }

    [Fact]
    public void ToDecimal_GivesTheValueAndScaleOfOneDivisionPerHalving()
    {
#pragma warning disable CA5394, RS0030 // a seeded Random: the same doubles on every run
        var random = new Random(20261126);
        var doubles = new List<double> { 0, -0.0, 1, -1, 2, 0.25, 1e-300, 5e-324, 1e28, 7.9e28, 1e29, double.MaxValue, double.MinValue, 123456789.123456789 };
        for (var i = 0; i < 100_000; i++)
        {
            doubles.Add(BitConverter.Int64BitsToDouble(((long)random.Next() << 32) | (uint)random.Next())); // any bits
            doubles.Add(Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 12)), random.Next(0, 5))); // amounts
            doubles.Add(random.Next(1, 100000) * Math.Pow(2, random.Next(-1074, 100))); // powers of two
        }
#pragma warning restore CA5394, RS0030

        foreach (var d in doubles)
        {
            // Beyond a decimal's range both throw (the callers' concern).
            var expected = Bits(() => ByHalvings(d));
            var actual = Bits(() => XPathNumbers.ToDecimal(d));
            Assert.True(expected == actual, $"{d:R}: {expected} expected, {actual} given");
        }
    }

    private static string Bits(Func<decimal> cast)
    {
        try
        {
            var value = cast();
            return string.Join(",", decimal.GetBits(value)) + " " + value.ToString(CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return "overflow";
        }
    }

    // The cast as first written: the mantissa as a decimal, doubled or halved once per step of the binary exponent.
    private static decimal ByHalvings(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return 0m;
        }

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

        exponent -= 1075;
        try
        {
            decimal r = mantissa;
            for (; exponent > 0; exponent--)
            {
                r *= 2;
            }

            for (; exponent < 0 && r != 0; exponent++)
            {
                r /= 2;
            }

            return bits < 0 ? -r : r;
        }
        catch (OverflowException)
        {
            return (decimal)d;
        }
    }
}
