using Chorus.Directory.Annuaire.Internal;
using Chorus.Directory.Identifiers;
using FsCheck;
using FsCheck.Fluent;

namespace Chorus.Directory.Tests.Annuaire;

/// <summary>The loader's numeric SIRET check must agree with <see cref="Siret.TryParse(ReadOnlySpan{char}, out Siret)"/>.</summary>
public class SiretCheckTests
{
    [Theory]
    [InlineData(73282932000074L, true)]
    [InlineData(73282932000075L, false)]
    [InlineData(35600000000048L, true)]  // La Poste head office: Luhn
    [InlineData(35600000049837L, true)]  // La Poste establishment: digit sum 45
    [InlineData(35600000049838L, false)]
    [InlineData(5781313100026L, true)]   // python-stdnum "0 5 7 8 1 3 1 3 1 0 0 0 2 6": a leading zero
    public void IsValid_KnownNumbers(long value, bool expected) => Assert.Equal(expected, SiretCheck.IsValid(value));

    [Fact]
    public void IsValid_AgreesWithSiretTryParse_OnAnyFourteenDigits()
    {
        var property = Prop.ForAll(
            Gen.Choose(0, 99_999_999).Select(h => (long)h).Zip(Gen.Choose(0, 999_999)).Select(t => (t.Item1 * 1_000_000) + t.Item2).ToArbitrary(),
            value =>
            {
                var text = value.ToString("D14", System.Globalization.CultureInfo.InvariantCulture);
                return SiretCheck.IsValid(value) == (Siret.TryParse(text.AsSpan(), out _) == IdentifierError.None) || value == 0;
            });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void IsValid_AgreesWithSiretTryParse_OnEveryLaPosteNicUpTo20000()
    {
        for (long nic = 0; nic < 20_000; nic++)
        {
            var value = (356_000_000L * 100_000) + nic;
            Assert.Equal(Siret.TryParse(value.ToString("D14", System.Globalization.CultureInfo.InvariantCulture).AsSpan(), out _) == IdentifierError.None, SiretCheck.IsValid(value));
        }
    }
}

public class SiretIndexTests
{
    [Fact]
    public void Find_SiretZero_NotConfusedWithAnEmptySlot()
    {
        var index = new SiretIndex(4);
        Assert.Equal(-1, index.Find(0));
        index.Set(73282932000074, 3);
        Assert.Equal(-1, index.Find(0));
        index.Set(0, 7);
        Assert.Equal(7, index.Find(0));
        Assert.Equal(3, index.Find(73282932000074));
    }

    [Fact]
    public void Set_ManyKeys_GrowsAndFindsEveryOne()
    {
        var index = new SiretIndex(1);
        for (var i = 1; i <= 10_000; i++)
        {
            index.Set(i * 7919L, i);
        }

        Assert.Equal(10_000, index.Count);
        for (var i = 1; i <= 10_000; i++)
        {
            Assert.Equal(i, index.Find(i * 7919L));
        }

        Assert.Equal(-1, index.Find(5));
    }
}

public class ByteArenaTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\"\"b", "a\"b")]
    [InlineData("\"\"\"\"", "\"\"")]
    [InlineData("\"\"", "\"")]
    [InlineData("end\"\"", "end\"")]
    [InlineData("", "")]
    public void AppendUnescaped_CollapsesDoubledQuotes(string raw, string expected)
    {
        var arena = new ByteArena(1);
        arena.Append("prefix"u8);
        var (offset, length) = arena.AppendUnescaped(System.Text.Encoding.UTF8.GetBytes(raw));
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(arena.Bytes, offset, length));
    }
}
