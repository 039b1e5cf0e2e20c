using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Chorus.Auth.EmailCodes;
using Chorus.Auth.Login;
using Chorus.Auth.Mail;
using Chorus.Auth.Protection;
using Chorus.Auth.Stores;
using Chorus.Auth.Totp;

namespace Chorus.Auth.Tests;

/// <summary>The examples of src/Chorus.Auth/README.md, run (a recording mailer stands in for SMTP). Update both together.</summary>
public partial class ReadmeExamplesTests
{
    [Fact]
    public async Task Enrolment_And_Login_Examples()
    {
        using var rng = RandomNumberGenerator.Create();
        var time = TimeProvider.System;
        var key = AuthKey.FromBase64(AuthKey.Generate(rng).ToBase64());
        var store = new InMemoryAuthStore();
        var apps = new TotpAuthenticator(store, new AesGcmSecretProtector(key, rng), time, rng, new TotpAuthenticatorOptions { Issuer = "Mon portail" });
        var codes = new EmailCodeService(store, key, time, rng);
        var mailer = new RecordingMailer();
        var login = new LoginService(new DictionaryPasswords(("u-42", "correct horse")), store, codes, apps, mailer, time);

        // Enrolling an app
        var enrolment = apps.BeginEnrolment("u-42");
        Assert.StartsWith("otpauth://totp/Mon%20portail:u-42?secret=", enrolment.Uri, StringComparison.Ordinal);
        Assert.NotEmpty(enrolment.QrPng());
        var typedCode = TotpGenerator.Generate(enrolment.Secret, time.GetUtcNow()).Code;
        Assert.Equal(TotpResult.Valid, apps.ConfirmEnrolment("u-42", typedCode));

        // Logging in with an e-mailed code
        var start = await login.StartAsync(new LoginAttempt("u-42", "correct horse", SecondFactor.EmailCode, "jean.dupont@exemple.fr", AuthLanguage.French), TestContext.Current.CancellationToken);
        Assert.Equal(LoginStartOutcome.CodeSent, start.Outcome);
        var mail = Assert.Single(mailer.Sent);
        Assert.Equal("jean.dupont@exemple.fr", mail.To);
        var result = login.Complete("u-42", SixDigits().Match(mail.Body).Value);
        Assert.Equal(LoginOutcome.Success, result.Outcome);
    }

    [GeneratedRegex(@"\b[0-9]{6}\b")]
    private static partial Regex SixDigits();
}
