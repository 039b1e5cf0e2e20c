using System.Text.RegularExpressions;
using Chorus.Auth.Login;
using Chorus.Auth.Mail;
using Chorus.Auth.Tests.Support;

namespace Chorus.Auth.Tests.Login;

public partial class LoginServiceTests
{
    private const string Account = "jean.dupont@exemple.fr";
    private const string Password = "correct horse";

    private static LoginAttempt Attempt(string password = Password, SecondFactor factor = SecondFactor.EmailCode, string account = Account, AuthLanguage language = AuthLanguage.French) =>
        new(account, password, factor, account, language);

    private static string CodeIn(AuthMessage message) => SixDigits().Match(message.Body).Value;

    [Fact]
    public async Task Login_WithEmailedCode_Succeeds_AndResetsFailures()
    {
        var f = new AuthFixture();
        await f.Login.StartAsync(Attempt("wrong"), TestContext.Current.CancellationToken);
        var start = await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken);

        Assert.Equal(LoginStartOutcome.CodeSent, start.Outcome);
        var mail = Assert.Single(f.Mailer.Sent);
        Assert.Equal(Account, mail.To);
        Assert.Equal("Votre code de connexion", mail.Subject);
        Assert.Contains("valable 10 minutes", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(CodeIn(mail), mail.ToString(), StringComparison.Ordinal);
        Assert.Equal(LoginOutcome.Success, f.Login.Complete(Account, CodeIn(mail)).Outcome);
        Assert.Equal(0, f.Store.GetFailures(Account).ConsecutiveFailures);
        Assert.Equal(LoginOutcome.NoLoginInProgress, f.Login.Complete(Account, CodeIn(mail)).Outcome);
    }

    [Fact]
    public async Task Login_EnglishUser_GetsEnglishMail()
    {
        var f = new AuthFixture();
        await f.Login.StartAsync(Attempt(language: AuthLanguage.English), TestContext.Current.CancellationToken);
        var mail = Assert.Single(f.Mailer.Sent);
        Assert.Equal("Your login code", mail.Subject);
        Assert.Contains("valid for 10 minutes", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithApp_Succeeds_AndCodeCannotBeReplayed()
    {
        var f = new AuthFixture();
        var app = f.EnrolApp(Account);
        f.Time.Advance(TimeSpan.FromSeconds(30));

        var start = await f.Login.StartAsync(Attempt(factor: SecondFactor.App), TestContext.Current.CancellationToken);
        Assert.Equal(LoginStartOutcome.AppCodeRequired, start.Outcome);
        Assert.Empty(f.Mailer.Sent);
        var code = f.CodeOf(app);
        Assert.Equal(LoginOutcome.Success, f.Login.Complete(Account, code).Outcome);

        await f.Login.StartAsync(Attempt(factor: SecondFactor.App), TestContext.Current.CancellationToken);
        Assert.Equal(LoginOutcome.WrongCode, f.Login.Complete(Account, code).Outcome);
    }

    [Fact]
    public async Task Login_AppChosenButNoneEnrolled_FallsBackToEmailedCode()
    {
        var f = new AuthFixture();
        var start = await f.Login.StartAsync(Attempt(factor: SecondFactor.App), TestContext.Current.CancellationToken);
        Assert.Equal(LoginStartOutcome.CodeSent, start.Outcome);
        Assert.Equal(SecondFactor.EmailCode, start.Factor);
    }

    [Fact]
    public async Task Login_NewAttempt_VoidsThePreviousCode()
    {
        var f = new AuthFixture();
        await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken);
        await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken);
        var (first, second) = (CodeIn(f.Mailer.Sent[0]), CodeIn(f.Mailer.Sent[1]));
        if (first != second)
        {
            Assert.Equal(LoginOutcome.WrongCode, f.Login.Complete(Account, first).Outcome);
        }

        Assert.Equal(LoginOutcome.Success, f.Login.Complete(Account, second).Outcome);
    }

    [Fact]
    public async Task Login_CodeAfterTenMinutes_IsExpired()
    {
        var f = new AuthFixture();
        await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken);
        f.Time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        var code = CodeIn(f.Mailer.Sent[0]);
        var wrong = code == "000000" ? "000001" : "000000";
        Assert.Equal(LoginOutcome.WrongCode, f.Login.Complete(Account, wrong).Outcome);
        f.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(LoginOutcome.NoLoginInProgress, f.Login.Complete(Account, code).Outcome);
    }

    [Fact]
    public async Task Login_CodeExpiredWhileLoginStillPending_IsExpiredCode()
    {
        var f = new AuthFixture();
        var login = new LoginService(f.Passwords, f.Store, f.EmailCodes, f.Apps, f.Mailer, f.Time, new LoginOptions { PendingLoginLifetime = TimeSpan.FromMinutes(30) });
        await login.StartAsync(Attempt(), TestContext.Current.CancellationToken);
        f.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(LoginOutcome.ExpiredCode, login.Complete(Account, CodeIn(f.Mailer.Sent[0])).Outcome);
    }

    [Fact]
    public void Complete_WithoutPasswordStep_IsNoLoginInProgress_AndDoesNotCount()
    {
        var f = new AuthFixture();
        Assert.Equal(LoginOutcome.NoLoginInProgress, f.Login.Complete(Account, "123456").Outcome);
        Assert.Equal(0, f.Store.GetFailures(Account).ConsecutiveFailures);
    }

    [Fact]
    public async Task WrongPasswords_LockTheAccountAfterFive_AndLockedAttemptsDoNotReachThePasswordCheck()
    {
        var f = new AuthFixture();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(LoginStartOutcome.InvalidCredentials, (await f.Login.StartAsync(Attempt("guess" + i), TestContext.Current.CancellationToken)).Outcome);
        }

        var calls = f.Passwords.Calls;
        var locked = await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken);
        Assert.Equal(LoginStartOutcome.Locked, locked.Outcome);
        Assert.Equal(f.Time.GetUtcNow().AddMinutes(1), locked.LockedUntil);
        Assert.Equal(calls, f.Passwords.Calls);

        // Back-off: after a minute one more try; a failure doubles the lock-out.
        f.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(LoginStartOutcome.InvalidCredentials, (await f.Login.StartAsync(Attempt("guess"), TestContext.Current.CancellationToken)).Outcome);
        Assert.Equal(f.Time.GetUtcNow().AddMinutes(2), f.Login.GetLockout(Account).LockedUntil);
        f.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(LoginStartOutcome.CodeSent, (await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken)).Outcome);
    }

    [Fact]
    public async Task WrongCodes_CountTowardsTheSameLockOut()
    {
        var f = new AuthFixture();
        await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken);
        var code = CodeIn(f.Mailer.Sent[0]);
        var wrong = code == "000000" ? "000001" : "000000";
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(LoginOutcome.WrongCode, f.Login.Complete(Account, wrong).Outcome);
        }

        var fifth = f.Login.Complete(Account, wrong);
        Assert.Equal(LoginOutcome.Locked, fifth.Outcome);
        Assert.Equal(LoginOutcome.Locked, f.Login.Complete(Account, code).Outcome);
    }

    [Fact]
    public async Task HundredConsecutiveFailures_LockUntilUnlocked_NoHundredAndFirstTry()
    {
        var f = new AuthFixture();
        var tries = 0;
        while (true)
        {
            var lockout = f.Login.GetLockout(Account);
            if (lockout.IsLocked)
            {
                if (lockout.LockedUntil is null)
                {
                    break;
                }

                f.Time.Advance(lockout.LockedUntil.Value - f.Time.GetUtcNow());
                continue;
            }

            await f.Login.StartAsync(Attempt("guess"), TestContext.Current.CancellationToken);
            tries++;
        }

        Assert.Equal(100, tries);
        f.Time.Advance(TimeSpan.FromDays(365));
        Assert.Equal(LoginStartOutcome.Locked, (await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken)).Outcome);
        f.Login.Unlock(Account);
        Assert.Equal(LoginStartOutcome.CodeSent, (await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken)).Outcome);
    }

    [Fact]
    public async Task UnknownAccount_GetsTheSameAnswersAsAWrongPassword()
    {
        var f = new AuthFixture();
        var known = new List<LoginStart>();
        var unknown = new List<LoginStart>();
        for (var i = 0; i < 7; i++)
        {
            known.Add(await f.Login.StartAsync(Attempt("wrong"), TestContext.Current.CancellationToken));
            unknown.Add(await f.Login.StartAsync(Attempt("wrong", account: "personne@exemple.fr"), TestContext.Current.CancellationToken));
        }

        Assert.Equal(known, unknown);
        Assert.Empty(f.Mailer.Sent);
    }

    [Fact]
    public async Task ParallelWrongPasswords_GetNoMoreChecksThanSequentialOnes()
    {
        // 5 free failures, then a lock-out: of 40 simultaneous attempts exactly 5 reach the password check.
        var f = new AuthFixture();
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => f.Login.StartAsync(Attempt("guess" + i), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        Assert.Equal(5, f.Passwords.Calls);
        Assert.Equal(5, results.Count(r => r.Outcome == LoginStartOutcome.InvalidCredentials));
        Assert.Equal(35, results.Count(r => r.Outcome == LoginStartOutcome.Locked));
    }

    [Fact]
    public async Task ParallelAttemptsAtTheHundredthFailure_OnlyOneIsChecked_ThenLockedForGood()
    {
        var f = new AuthFixture();
        for (var i = 0; i < 99; i++)
        {
            f.Store.RecordFailure(Account, f.Time.GetUtcNow());
        }

        f.Time.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => f.Login.StartAsync(Attempt("guess" + i), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        Assert.Equal(1, f.Passwords.Calls);
        Assert.Null(f.Login.GetLockout(Account).LockedUntil);
        Assert.True(f.Login.GetLockout(Account).IsLocked);
    }

    [Fact]
    public async Task RightPassword_WithdrawsTheFailureCountedInAdvance_KeepsEarlierOnes()
    {
        var f = new AuthFixture();
        for (var i = 0; i < 3; i++)
        {
            await f.Login.StartAsync(Attempt("wrong"), TestContext.Current.CancellationToken);
        }

        var before = f.Store.GetFailures(Account);
        f.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(LoginStartOutcome.CodeSent, (await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken)).Outcome);
        Assert.Equal(before, f.Store.GetFailures(Account));
        Assert.Equal(LoginOutcome.Success, f.Login.Complete(Account, CodeIn(f.Mailer.Sent[0])).Outcome);
        Assert.Equal(default, f.Store.GetFailures(Account));
    }

    [Fact]
    public async Task AfterFourFailures_RightPasswordThenRightCode_IsNotLockedOut()
    {
        var f = new AuthFixture();
        for (var i = 0; i < 4; i++)
        {
            await f.Login.StartAsync(Attempt("wrong"), TestContext.Current.CancellationToken);
        }

        Assert.Equal(LoginStartOutcome.CodeSent, (await f.Login.StartAsync(Attempt(), TestContext.Current.CancellationToken)).Outcome);
        Assert.Equal(LoginOutcome.Success, f.Login.Complete(Account, CodeIn(f.Mailer.Sent[0])).Outcome);
    }

    [GeneratedRegex(@"\b[0-9]{6}\b")]
    private static partial Regex SixDigits();
}
