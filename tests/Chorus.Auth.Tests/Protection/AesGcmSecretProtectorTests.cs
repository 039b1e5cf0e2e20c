using Chorus.Auth.Protection;
using Chorus.Auth.Tests.Support;

namespace Chorus.Auth.Tests.Protection;

public class AesGcmSecretProtectorTests
{
    private static readonly byte[] Context = "totp:A"u8.ToArray();

    [Fact]
    public void Unprotect_WhatWasProtected_GivesItBack_WithFreshNonceEachTime()
    {
        var p = new AesGcmSecretProtector(AuthKey.Generate(AuthFixture.Random), AuthFixture.Random);
        var secret = Rfc.Seed(20);
        var a = p.Protect(secret, Context);
        var b = p.Protect(secret, Context);
        Assert.NotEqual(a, b);
        Assert.Equal(secret, p.Unprotect(a, Context));
        Assert.Equal(secret, p.Unprotect(b, Context));
    }

    [Fact]
    public void Unprotect_AnyFlippedBit_IsAuthDataException()
    {
        var p = new AesGcmSecretProtector(AuthKey.Generate(AuthFixture.Random), AuthFixture.Random);
        var data = p.Protect(Rfc.Seed(20), Context);
        for (var i = 1; i < data.Length; i++)
        {
            var copy = (byte[])data.Clone();
            copy[i] ^= 0x01;
            Assert.Throws<AuthDataException>(() => p.Unprotect(copy, Context));
        }
    }

    [Fact]
    public void Unprotect_OtherKeyOrContextOrTruncated_IsAuthDataException()
    {
        var p = new AesGcmSecretProtector(AuthKey.Generate(AuthFixture.Random), AuthFixture.Random);
        var other = new AesGcmSecretProtector(AuthKey.Generate(AuthFixture.Random), AuthFixture.Random);
        var data = p.Protect(Rfc.Seed(20), Context);
        Assert.Throws<AuthDataException>(() => other.Unprotect(data, Context));
        Assert.Throws<AuthDataException>(() => p.Unprotect(data, "totp:B"u8));
        Assert.Throws<AuthDataException>(() => p.Unprotect(data.AsSpan(0, 20), Context));
        Assert.Throws<AuthDataException>(() => p.Unprotect([], Context));
    }

    [Fact]
    public void AuthKey_RoundTripsBase64_AndRedactsToString()
    {
        var key = AuthKey.Generate(AuthFixture.Random);
        var text = key.ToBase64();
        Assert.Equal(text, AuthKey.FromBase64(text).ToBase64());
        Assert.DoesNotContain(text, key.ToString(), StringComparison.Ordinal);
        var ex = Assert.Throws<FormatException>(() => AuthKey.FromBase64("c2hvcnQ="));
        Assert.DoesNotContain("c2hvcnQ", ex.Message, StringComparison.Ordinal);
    }
}

public class AesGcmInteroperabilityTests
{
    [Fact]
    public void Envelope_FromNet8AesGcm_DecryptsWithBouncyCastleGcm_AsTheNetStandardBuildDoes()
    {
        // The netstandard2.0 build uses BouncyCastle's GcmBlockCipher; a database written by one build must read in the other.
        var key = AuthKey.Generate(AuthFixture.Random);
        var context = "totp:A"u8.ToArray();
        var envelope = new AesGcmSecretProtector(key, AuthFixture.Random).Protect(Rfc.Seed(20), context);

        var cipher = new Org.BouncyCastle.Crypto.Modes.GcmBlockCipher(new Org.BouncyCastle.Crypto.Engines.AesEngine());
        cipher.Init(false, new Org.BouncyCastle.Crypto.Parameters.AeadParameters(
            new Org.BouncyCastle.Crypto.Parameters.KeyParameter(key.Derive("totp-secret-encryption")), 128, envelope[1..13], context));
        var output = new byte[cipher.GetOutputSize(envelope.Length - 13)];
        var n = cipher.ProcessBytes(envelope, 13, envelope.Length - 13, output, 0);
        n += cipher.DoFinal(output, n);

        Assert.Equal(1, envelope[0]);
        Assert.Equal(Rfc.Seed(20), output[..n]);
    }

    [Fact]
    public void Envelope_FromBouncyCastleGcm_UnprotectsOnNet8()
    {
        var key = AuthKey.Generate(AuthFixture.Random);
        var context = "totp:B"u8.ToArray();
        var nonce = new byte[12];
        AuthFixture.Random.GetBytes(nonce);
        var cipher = new Org.BouncyCastle.Crypto.Modes.GcmBlockCipher(new Org.BouncyCastle.Crypto.Engines.AesEngine());
        cipher.Init(true, new Org.BouncyCastle.Crypto.Parameters.AeadParameters(
            new Org.BouncyCastle.Crypto.Parameters.KeyParameter(key.Derive("totp-secret-encryption")), 128, nonce, context));
        var body = new byte[cipher.GetOutputSize(20)];
        var n = cipher.ProcessBytes(Rfc.Seed(20), 0, 20, body, 0);
        n += cipher.DoFinal(body, n);
        byte[] envelope = [1, .. nonce, .. body[..n]];

        Assert.Equal(Rfc.Seed(20), new AesGcmSecretProtector(key, AuthFixture.Random).Unprotect(envelope, context));
    }
}
