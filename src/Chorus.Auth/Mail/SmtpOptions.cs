namespace Chorus.Auth.Mail;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS, required: the connection fails if the server does not offer it (port 587). The default.</summary>
    StartTls,

    /// <summary>TLS from the first byte ("SMTPS", port 465).</summary>
    ImplicitTls,

    /// <summary>STARTTLS when the server offers it, plain text otherwise. Not for the Internet.</summary>
    StartTlsWhenAvailable,

    /// <summary>No encryption: only for a relay on the same host or a test server.</summary>
    None,
}

/// <summary>
/// The SMTP server and sender of <see cref="MailKitAuthMailer"/> (copied when the mailer is built; <see cref="Host"/> and
/// <see cref="FromAddress"/> are required). <see cref="ToString"/> omits the password.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>Server host name.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>Server port. Default 587 (submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Transport security. Default <see cref="SmtpSecurity.StartTls"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>User name for SMTP AUTH, or null to send without authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for SMTP AUTH.</summary>
    public string? Password { get; set; }

    /// <summary>The From address.</summary>
    public string FromAddress { get; set; } = string.Empty;

    /// <summary>The From display name. Default "Chorus Pro".</summary>
    public string FromName { get; set; } = "Chorus Pro";

    /// <summary>Network timeout. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Accepts the server certificate when it fails validation (self-signed test servers only). Null (default) applies
    /// the platform's normal validation.
    /// </summary>
    public Func<System.Security.Cryptography.X509Certificates.X509Certificate?, bool>? AcceptInvalidCertificate { get; set; }

    internal SmtpOptions Snapshot() => (SmtpOptions)MemberwiseClone();

    /// <summary>Without the password.</summary>
    public override string ToString() => $"SmtpOptions({Host}:{Port}, {Security}, user {UserName ?? "none"}, password {(Password is null ? "none" : "redacted")})";
}
