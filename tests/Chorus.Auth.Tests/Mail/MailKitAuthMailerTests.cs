using System.Text.RegularExpressions;
using Chorus.Auth.Login;
using Chorus.Auth.Mail;
using Chorus.Auth.Tests.Support;
using MimeKit;

namespace Chorus.Auth.Tests.Mail;

/// <summary>End to end against a real SMTP server (aiosmtpd): the login code travels by SMTP and logs the user in.</summary>
public partial class MailKitAuthMailerTests
{
    private const string Account = "jean.dupont@exemple.fr";

    [Fact]
    public async Task Login_CodeDeliveredBySmtp_LogsTheUserIn()
    {
        using var server = AiosmtpdServer.StartOrSkip();
        var f = new AuthFixture();
        var mailer = new MailKitAuthMailer(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, FromAddress = "ne-pas-repondre@exemple.fr" });
        var login = new LoginService(f.Passwords, f.Store, f.EmailCodes, f.Apps, mailer, f.Time);

        var start = await login.StartAsync(new LoginAttempt(Account, "correct horse", SecondFactor.EmailCode, Account), TestContext.Current.CancellationToken);
        Assert.Equal(LoginStartOutcome.CodeSent, start.Outcome);

        var message = await ParseAsync(Assert.Single(server.Messages()));
        Assert.Equal(Account, message.To.Mailboxes.Single().Address);
        Assert.Equal("ne-pas-repondre@exemple.fr", message.From.Mailboxes.Single().Address);
        Assert.Equal("Votre code de connexion", message.Subject);
        Assert.Contains("Votre code de connexion est", message.TextBody, StringComparison.Ordinal);
        var code = SixDigits().Match(message.TextBody ?? "").Value;

        Assert.Equal(LoginOutcome.Success, login.Complete(Account, code).Outcome);
    }

    [Theory]
    [InlineData(AiosmtpdServer.Tls.StartTls, SmtpSecurity.StartTls)]
    [InlineData(AiosmtpdServer.Tls.Implicit, SmtpSecurity.ImplicitTls)]
    [InlineData(AiosmtpdServer.Tls.StartTls, SmtpSecurity.StartTlsWhenAvailable)]
    public async Task Send_OverTls_IsDelivered(AiosmtpdServer.Tls serverTls, SmtpSecurity security)
    {
        using var server = AiosmtpdServer.StartOrSkip(serverTls);
        var mailer = new MailKitAuthMailer(new SmtpOptions
        {
            Host = "localhost",
            Port = server.Port,
            Security = security,
            FromAddress = "ne-pas-repondre@exemple.fr",
            AcceptInvalidCertificate = c => c?.Subject == "CN=localhost",
        });

        await mailer.SendAsync(AuthMessages.LoginCode(Account, "123456", TimeSpan.FromMinutes(10), AuthLanguage.English), TestContext.Current.CancellationToken);

        var message = await ParseAsync(Assert.Single(server.Messages()));
        Assert.Equal("Your login code", message.Subject);
        Assert.Contains("123456", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_StartTlsRequiredButSelfSignedNotAccepted_Fails()
    {
        using var server = AiosmtpdServer.StartOrSkip(AiosmtpdServer.Tls.StartTls);
        var mailer = new MailKitAuthMailer(new SmtpOptions { Host = "localhost", Port = server.Port, FromAddress = "ne-pas-repondre@exemple.fr" });
        await Assert.ThrowsAnyAsync<Exception>(() => mailer.SendAsync(AuthMessages.LoginCode(Account, "123456", TimeSpan.FromMinutes(10), AuthLanguage.French), TestContext.Current.CancellationToken));
        Assert.Empty(server.Messages(0));
    }

    [Fact]
    public async Task Send_StartTlsRequiredButServerPlain_FailsInsteadOfSendingInClear()
    {
        using var server = AiosmtpdServer.StartOrSkip();
        var mailer = new MailKitAuthMailer(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.StartTls, FromAddress = "ne-pas-repondre@exemple.fr" });
        await Assert.ThrowsAnyAsync<Exception>(() => mailer.SendAsync(AuthMessages.LoginCode(Account, "123456", TimeSpan.FromMinutes(10), AuthLanguage.French), TestContext.Current.CancellationToken));
        Assert.Empty(server.Messages(0));
    }

    [Fact]
    public async Task Send_WithSmtpAuth_RightPasswordDelivers_WrongPasswordIsRefused()
    {
        using var server = AiosmtpdServer.StartWithAuthOrSkip("portail", "mot-de-passe-smtp");
        var message = AuthMessages.LoginCode(Account, "654321", TimeSpan.FromMinutes(10), AuthLanguage.French);
        SmtpOptions Options(string password) => new() { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, UserName = "portail", Password = password, FromAddress = "ne-pas-repondre@exemple.fr" };

        await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => new MailKitAuthMailer(Options("faux")).SendAsync(message, TestContext.Current.CancellationToken));
        Assert.Empty(server.Messages(0));

        await new MailKitAuthMailer(Options("mot-de-passe-smtp")).SendAsync(message, TestContext.Current.CancellationToken);
        Assert.Contains("654321", (await ParseAsync(Assert.Single(server.Messages()))).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithoutAuthToAServerRequiringIt_IsRefused()
    {
        using var server = AiosmtpdServer.StartWithAuthOrSkip("portail", "mot-de-passe-smtp");
        var mailer = new MailKitAuthMailer(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, FromAddress = "ne-pas-repondre@exemple.fr" });
        await Assert.ThrowsAnyAsync<Exception>(() => mailer.SendAsync(AuthMessages.LoginCode(Account, "654321", TimeSpan.FromMinutes(10), AuthLanguage.French), TestContext.Current.CancellationToken));
        Assert.Empty(server.Messages(0));
    }

    [Fact]
    public void SmtpOptions_ToString_HidesThePassword()
    {
        var options = new SmtpOptions { Host = "smtp.exemple.fr", UserName = "robot", Password = "s3cr3t-pass", FromAddress = "a@exemple.fr" };
        Assert.DoesNotContain("s3cr3t-pass", options.ToString(), StringComparison.Ordinal);
    }

    private static async Task<MimeMessage> ParseAsync(string raw)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw));
        return await MimeMessage.LoadAsync(stream, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"\b[0-9]{6}\b")]
    private static partial Regex SixDigits();
}
