using Chorus.Auth.Totp;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Chorus.Auth.Tests.Totp;

public class TotpPropertyTests
{
    [Property(MaxTest = 300)]
    public Property Base32_RoundTripsAnySecret() =>
        Prop.ForAll(
            Gen.Choose(10, 128).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n)).ToArbitrary(),
            bytes => TotpSecret.ParseBase32(TotpSecret.FromBytes(bytes).ToBase32()).ToArray().AsSpan().SequenceEqual(bytes));

    [Property(MaxTest = 300)]
    public Property Verify_GeneratedCode_IsValidForItsStep_AtAnyInstant() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            seconds =>
            {
                var secret = TotpSecret.FromBytes(Rfc.Seed(20));
                var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
                var code = TotpGenerator.Generate(secret, at);
                var match = TotpGenerator.Verify(secret, code.Code, at);
                return match.IsValid && match.TimeStep == seconds / 30 && code.Code.Length == 6;
            });
}
