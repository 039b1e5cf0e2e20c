using Chorus.Directory.Identifiers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Chorus.Directory.Tests.Identifiers;

/// <summary>Round trips and the Luhn guarantee, over generated numbers.</summary>
public class IdentifierPropertyTests
{
    private static string LuhnComplete(string prefix) => Annuaire.AnnuaireFiles.LuhnComplete(prefix);

    private static Arbitrary<string> Digits(int count) =>
        Gen.ArrayOf(Gen.Choose(0, 9), count).Select(ds => string.Concat(ds)).ToArbitrary();

    [Property]
    public Property Siren_AnyLuhnCompletedNumber_ParsesAndRoundTripsThroughBothFormats() =>
        Prop.ForAll(Digits(8), prefix =>
        {
            var text = LuhnComplete(prefix);
            var siren = Siren.Parse(text);
            return siren.ToString() == text
                && Siren.Parse(siren.ToString("S", null)) == siren
                && siren.ToString("S", null).Replace(" ", "", StringComparison.Ordinal) == text;
        });

    [Property]
    public Property Siren_AnySingleDigitChange_IsDetected() =>
        Prop.ForAll(Digits(8), Gen.Choose(0, 8).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (prefix, position, delta) =>
        {
            var valid = LuhnComplete(prefix).ToCharArray();
            valid[position] = (char)('0' + ((valid[position] - '0' + delta) % 10));
            return Siren.TryParse(new string(valid).AsSpan(), out _) == IdentifierError.CheckDigit;
        });

    [Property]
    public Property Siret_AnyLuhnCompletedNumber_ExposesSirenAndNic_RoundTrips() =>
        Prop.ForAll(Digits(8), Digits(4), (sirenPrefix, nicPrefix) =>
        {
            var siren = LuhnComplete(sirenPrefix);
            if (siren == "356000000")
            {
                return true; // La Poste: its own rule, tested with published numbers
            }

            var text = LuhnComplete(siren + nicPrefix);
            var siret = Siret.Parse(text);
            return siret.ToString() == text
                && siret.Siren.ToString() == siren
                && siret.Nic == int.Parse(text.AsSpan(9), System.Globalization.CultureInfo.InvariantCulture)
                && Siret.Parse(siret.ToString("S", null)) == siret;
        });

    [Property]
    public Property VatNumber_FromAnySiren_ParsesBackToTheSameSiren_AndOtherKeysAreRefused() =>
        Prop.ForAll(Digits(8), Gen.Choose(1, 96).ToArbitrary(), (prefix, shift) =>
        {
            if (prefix.StartsWith("000", StringComparison.Ordinal))
            {
                return true; // FR + key + 000…: Monaco's numbers, which carry no SIREN (see VatNumber_PythonStdnumMonaco…)
            }

            var siren = Siren.Parse(LuhnComplete(prefix));
            var vat = VatNumber.FromSiren(siren);
            var parsed = VatNumber.Parse(vat.ToString("S", null));
            var key = (int.Parse(vat.Key, System.Globalization.CultureInfo.InvariantCulture) + shift) % 97;
            var wrong = $"FR{key:00}{siren}";
            return parsed == vat && parsed.Siren == siren && VatNumber.TryParse(wrong.AsSpan(), out _) == IdentifierError.VatKey;
        });

    [Property]
    public Property Identifiers_ArbitraryText_NeverThrowFromTryParse() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            _ = Siren.TryParse(text, out _);
            _ = Siret.TryParse(text, out _);
            _ = VatNumber.TryParse(text, out _);
            _ = IdentifierClassifier.Check(text ?? string.Empty);
            foreach (var type in Enum.GetValues<StructureIdentifierType>())
            {
                _ = StructureIdentifier.TryParse(type, text, out _);
            }

            return true;
        });
}
