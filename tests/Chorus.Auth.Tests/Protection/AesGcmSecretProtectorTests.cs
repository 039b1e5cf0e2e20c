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
