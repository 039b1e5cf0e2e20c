using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Chorus.Auth.Mail;

/// <summary>Sends authentication e-mails through SMTP with MailKit: one connection per message, STARTTLS or implicit TLS, optional AUTH.</summary>
public sealed class MailKitAuthMailer : IAuthMailer
{
    private readonly SmtpOptions _options;

    /// <summary>Creates the mailer.</summary>
    public MailKitAuthMailer(SmtpOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Host) || options.Port is < 1 or > 65535 || string.IsNullOrWhiteSpace(options.FromAddress))
        {
            throw new ArgumentException("SMTP host, port (1-65535) and From address are required", nameof(options));
        }

        _options = options.Snapshot();
    }

    /// <inheritdoc />
    public async Task SendAsync(AuthMessage message, CancellationToken cancellationToken = default)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        if (_options.AcceptInvalidCertificate is { } accept)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None || accept(certificate);
        }

        var security = _options.Security switch
        {
            SmtpSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(_options.Host, _options.Port, security, cancellationToken).ConfigureAwait(false);
        if (_options.UserName is not null)
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
    }
}
