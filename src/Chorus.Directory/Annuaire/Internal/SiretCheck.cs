using System.Runtime.CompilerServices;

namespace Chorus.Directory.Annuaire.Internal;

/// <summary>The SIRET check (Luhn; La Poste's establishments by digit sum modulo 5) on the numeric value, for the loader's hot loop.</summary>
internal static class SiretCheck
{
    private const long LaPosteSiren = 356000000;
    private const long LaPosteHeadOffice = 35600000000048;

    [MethodImpl(HotPath.Options)]
    public static bool IsValid(long value)
    {
        if (value / 100_000 == LaPosteSiren && value != LaPosteHeadOffice)
        {
            var digitSum = 0;
            for (var v = value; v > 0; v /= 10)
            {
                digitSum += (int)(v % 10);
            }

            return digitSum % 5 == 0;
        }

        var sum = 0;
        var doubleIt = false;
        for (var i = 0; i < 14; i++)
        {
            var d = (int)(value % 10);
            value /= 10;
            if (doubleIt)
            {
                d = d > 4 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
