using System.Security.Cryptography;
using Chorus.Auth.EmailCodes;
using Chorus.Auth.Login;
using Chorus.Auth.Protection;
using Chorus.Auth.Stores;
using Chorus.Auth.Totp;
using Microsoft.Extensions.Time.Testing;

namespace Chorus.Auth.Tests.Support;

/// <summary>The services wired on one store, one fake clock, the system RNG and a recording mailer.</summary>
internal sealed class AuthFixture
{
    public AuthFixture(IAuthStore? store = null, LockoutPolicy? lockout = null)
    {
        Store = store ?? new InMemoryAuthStore();
        Key = AuthKey.Generate(Random);
        Protector = new AesGcmSecretProtector(Key, Random);
        Apps = new TotpAuthenticator(Store, Protector, Time, Random);
        EmailCodes = new EmailCodeService(Store, Key, Time, Random);
        Login = new LoginService(Passwords, Store, EmailCodes, Apps, Mailer, Time, new LoginOptions { Lockout = lockout ?? LockoutPolicy.Default });
        AddressChange = new LoginAddressChangeService(Store, Mailer, Time, Random);
    }

    public static RandomNumberGenerator Random { get; } = RandomNumberGenerator.Create();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    public IAuthStore Store { get; }

    public AuthKey Key { get; }

    public AesGcmSecretProtector Protector { get; }

    public TotpAuthenticator Apps { get; }

    public EmailCodeService EmailCodes { get; }

    public RecordingMailer Mailer { get; } = new();

    public DictionaryPasswords Passwords { get; } = new(("jean.dupont@exemple.fr", "correct horse"), ("marie@exemple.fr", "battery staple"));

    public LoginService Login { get; }

    public LoginAddressChangeService AddressChange { get; }

    /// <summary>The current code of an enrolment's secret.</summary>
    public string CodeOf(TotpEnrolment enrolment, int offsetSteps = 0) =>
        TotpGenerator.Generate(enrolment.Secret, Time.GetUtcNow().AddSeconds(30 * offsetSteps)).Code;

    /// <summary>Enrols and confirms an app; returns its enrolment.</summary>
    public TotpEnrolment EnrolApp(string account)
    {
        var enrolment = Apps.BeginEnrolment(account);
        if (Apps.ConfirmEnrolment(account, CodeOf(enrolment)) != TotpResult.Valid)
        {
            throw new InvalidOperationException("enrolment failed");
        }

        return enrolment;
    }
}
