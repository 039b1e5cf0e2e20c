using Chorus.Auth.Stores;
using Chorus.Auth.Tests.Support;
using Chorus.Auth.Totp;

namespace Chorus.Auth.Tests.Totp;

public class TotpAuthenticatorTests
{
    private const string Account = "jean.dupont@exemple.fr";

    [Fact]
    public void BeginEnrolment_GivesUriWithNewSecret_AndAppIsNotActiveUntilConfirmed()
    {
        var f = new AuthFixture();
        var enrolment = f.Apps.BeginEnrolment(Account);

        Assert.StartsWith("otpauth://totp/Chorus%20Pro:jean.dupont%40exemple.fr?secret=" + enrolment.Secret.ToBase32() + "&issuer=Chorus%20Pro&algorithm=SHA1&digits=6&period=30", enrolment.Uri, StringComparison.Ordinal);
        Assert.Equal(20, enrolment.Secret.Length);
        Assert.False(f.Apps.IsEnrolled(Account));
        Assert.Equal(TotpResult.NotEnrolled, f.Apps.Verify(Account, f.CodeOf(enrolment)));
        Assert.DoesNotContain(enrolment.Secret.ToBase32(), enrolment.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfirmEnrolment_WrongCode_KeepsItPending()
    {
        var f = new AuthFixture();
        var enrolment = f.Apps.BeginEnrolment(Account);
        var wrong = ((int.Parse(f.CodeOf(enrolment), System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TotpResult.Invalid, f.Apps.ConfirmEnrolment(Account, wrong));
        Assert.False(f.Apps.IsEnrolled(Account));
        Assert.Equal(TotpResult.Valid, f.Apps.ConfirmEnrolment(Account, f.CodeOf(enrolment)));
        Assert.True(f.Apps.IsEnrolled(Account));
    }

    [Fact]
    public void Verify_CodeReplayedInSameStep_IsRejected()
    {
        var f = new AuthFixture();
        var enrolment = f.EnrolApp(Account);
        f.Time.Advance(TimeSpan.FromSeconds(30));
        var code = f.CodeOf(enrolment);

        Assert.Equal(TotpResult.Valid, f.Apps.Verify(Account, code));
        Assert.Equal(TotpResult.Replayed, f.Apps.Verify(Account, code));
        f.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TotpResult.Replayed, f.Apps.Verify(Account, code));
    }

    [Fact]
    public void Verify_ConfirmationCode_CannotBeReusedToLogIn()
    {
        var f = new AuthFixture();
        var enrolment = f.Apps.BeginEnrolment(Account);
        var code = f.CodeOf(enrolment);
        Assert.Equal(TotpResult.Valid, f.Apps.ConfirmEnrolment(Account, code));
        Assert.Equal(TotpResult.Replayed, f.Apps.Verify(Account, code));
    }

    [Fact]
    public void Verify_CodeOfEarlierStepAfterLaterAccepted_IsRejected()
    {
        var f = new AuthFixture();
        var enrolment = f.EnrolApp(Account);
        f.Time.Advance(TimeSpan.FromMinutes(2));
        var previous = f.CodeOf(enrolment, -1);
        Assert.Equal(TotpResult.Valid, f.Apps.Verify(Account, f.CodeOf(enrolment)));
        Assert.Equal(TotpResult.Replayed, f.Apps.Verify(Account, previous));
        Assert.Equal(TotpResult.Valid, f.Apps.Verify(Account, f.CodeOf(enrolment, 1)));
    }

    [Fact]
    public void Verify_ExpiredCode_IsRejected()
    {
        var f = new AuthFixture();
        var enrolment = f.EnrolApp(Account);
        var code = f.CodeOf(enrolment, 1);
        f.Time.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(TotpResult.Invalid, f.Apps.Verify(Account, code));
    }

    [Fact]
    public void SecondEnrolment_ReplacesTheFirstOnlyOnceConfirmed()
    {
        var f = new AuthFixture();
        var first = f.EnrolApp(Account);
        f.Time.Advance(TimeSpan.FromMinutes(1));
        var second = f.Apps.BeginEnrolment(Account);

        // Not confirmed yet: the first app still works, the second does not.
        Assert.Equal(TotpResult.Valid, f.Apps.Verify(Account, f.CodeOf(first)));
        f.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TotpResult.Invalid, f.Apps.Verify(Account, f.CodeOf(second)));

        f.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TotpResult.Valid, f.Apps.ConfirmEnrolment(Account, f.CodeOf(second)));
        f.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TotpResult.Invalid, f.Apps.Verify(Account, f.CodeOf(first)));
        Assert.Equal(TotpResult.Valid, f.Apps.Verify(Account, f.CodeOf(second)));
        Assert.Null(f.Store.GetTotp(Account, TotpSlot.Pending));
    }

    [Fact]
    public void ConfirmEnrolment_After15Minutes_IsExpired()
    {
        var f = new AuthFixture();
        var enrolment = f.Apps.BeginEnrolment(Account);
        f.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(TotpResult.Expired, f.Apps.ConfirmEnrolment(Account, f.CodeOf(enrolment)));
    }

    [Fact]
    public void StoredSecret_IsEncrypted_AndBoundToTheAccount()
    {
        var f = new AuthFixture();
        var enrolment = f.EnrolApp(Account);
        var stored = f.Store.GetTotp(Account, TotpSlot.Active)!;

        Assert.False(stored.ProtectedSecret.AsSpan().IndexOf(enrolment.Secret.ToArray()) >= 0);
        Assert.Equal(1 + 12 + 20 + 16, stored.ProtectedSecret.Length);

        // The same ciphertext moved to another account does not decrypt: a typed error, no secret in the message.
        f.Store.SavePendingTotp("marie@exemple.fr", stored);
        var ex = Assert.Throws<AuthDataException>(() => f.Apps.ConfirmEnrolment("marie@exemple.fr", f.CodeOf(enrolment)));
        Assert.DoesNotContain(enrolment.Secret.ToBase32(), ex.Message, StringComparison.Ordinal);
    }
}
