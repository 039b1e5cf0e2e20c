namespace Chorus.Auth.Mail;

/// <summary>An authentication e-mail (plain text). Its body carries a code or a link: <see cref="ToString"/> omits it.</summary>
/// <param name="To">Recipient address.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body (secret-bearing).</param>
public sealed record AuthMessage(string To, string Subject, string Body)
{
    /// <summary>Without the body.</summary>
    public override string ToString() => $"AuthMessage(to {To}, \"{Subject}\", body redacted)";
}

/// <summary>Sends authentication e-mails. <see cref="MailKitAuthMailer"/> sends through SMTP; tests may record messages.</summary>
public interface IAuthMailer
{
    /// <summary>Sends one message.</summary>
    Task SendAsync(AuthMessage message, CancellationToken cancellationToken = default);
}

/// <summary>The language of the messages sent to a user.</summary>
public enum AuthLanguage
{
    /// <summary>French (the portal's language).</summary>
    French,

    /// <summary>English.</summary>
    English,
}
