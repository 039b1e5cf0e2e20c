using System.Security.Cryptography;
using Chorus.Auth.EmailCodes;
using Chorus.Auth.Login;
using Chorus.Auth.Protection;
using Chorus.Auth.Stores;
using Chorus.Auth.Totp;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Chorus.Auth.Sqlite.Tests;

/// <summary>The SQLite store on a real database file: atomic decisions across connections, state kept across restarts.</summary>
public sealed class SqliteAuthStoreTests : IDisposable
{
    private const string Account = "jean.dupont@exemple.fr";
    private static readonly RandomNumberGenerator Random = RandomNumberGenerator.Create();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chorus-auth-sqlite-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly AuthKey _key = AuthKey.Generate(Random);

    public SqliteAuthStoreTests() => System.IO.Directory.CreateDirectory(_folder);

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "auth.db")}";

    /// <summary>A new store object: a new connection, as after a restart or on another server.</summary>
    private SqliteAuthStore NewStore() => new(ConnectionString);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void EmailCode_VerifiedConcurrentlyFromManyThreads_IsAcceptedExactlyOnce()
    {
        var code = new EmailCodeService(NewStore(), _key, _time, Random).Issue(Account);
        var results = new EmailCodeStatus[16];
        using var start = new Barrier(results.Length);
        var threads = Enumerable.Range(0, results.Length).Select(i => new Thread(() =>
        {
            // Each thread is its own "server": its own store object and connections.
            var service = new EmailCodeService(NewStore(), _key, _time, Random, new EmailCodeOptions { MaxAttempts = 10 });
            start.SignalAndWait();
            results[i] = service.Verify(Account, code.Code);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(1, results.Count(r => r == EmailCodeStatus.Valid));
        Assert.All(results.Where(r => r != EmailCodeStatus.Valid), r => Assert.True(r is EmailCodeStatus.NoPendingCode or EmailCodeStatus.TooManyAttempts, r.ToString()));
    }

    [Fact]
    public void TotpCode_VerifiedConcurrentlyFromManyThreads_IsAcceptedExactlyOnce()
    {
        var apps = Apps(NewStore());
        var enrolment = apps.BeginEnrolment(Account);
        Assert.Equal(TotpResult.Valid, apps.ConfirmEnrolment(Account, TotpGenerator.Generate(enrolment.Secret, _time.GetUtcNow()).Code));
        _time.Advance(TimeSpan.FromSeconds(30));
        var code = TotpGenerator.Generate(enrolment.Secret, _time.GetUtcNow()).Code;

        var results = new TotpResult[16];
        using var start = new Barrier(results.Length);
        var threads = Enumerable.Range(0, results.Length).Select(i => new Thread(() =>
        {
            var mine = Apps(NewStore());
            start.SignalAndWait();
            results[i] = mine.Verify(Account, code);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(1, results.Count(r => r == TotpResult.Valid));
        Assert.Equal(results.Length - 1, results.Count(r => r == TotpResult.Replayed));
    }

    [Fact]
    public void Failures_RecordedConcurrently_AreAllCounted()
    {
        Parallel.For(0, 40, _ => NewStore().RecordFailure(Account, _time.GetUtcNow()));
        Assert.Equal(40, NewStore().GetFailures(Account).ConsecutiveFailures);
    }

    [Fact]
    public void ParallelWrongPasswordsFromSeveralServers_GetNoMoreChecksThanSequentialOnes()
    {
        // 5 free failures, then a lock-out: of 16 simultaneous attempts on separate connections exactly 5 are checked.
        var passwords = new CountingPasswords();
        var results = new LoginStartOutcome[16];
        using var start = new Barrier(results.Length);
        var threads = Enumerable.Range(0, results.Length).Select(i => new Thread(() =>
        {
            var login = Login(NewStore(), passwords);
            start.SignalAndWait();
            results[i] = login.StartAsync(new LoginAttempt(Account, "guess", SecondFactor.EmailCode, Account)).GetAwaiter().GetResult().Outcome;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(5, passwords.Calls);
        Assert.Equal(5, results.Count(r => r == LoginStartOutcome.InvalidCredentials));
    }

    [Fact]
    public void TryRestoreFailures_IsACompareAndSet()
    {
        var store = NewStore();
        var t = _time.GetUtcNow();
        var one = store.RecordFailure(Account, t);
        Assert.False(store.TryRestoreFailures(Account, new FailureState(2, t), default));
        Assert.True(store.TryRestoreFailures(Account, one, default));
        Assert.Equal(default, store.GetFailures(Account));
        Assert.True(store.TryRestoreFailures(Account, default, default));
        store.RecordFailure(Account, t);
        var two = store.RecordFailure(Account, t.AddSeconds(1));
        Assert.True(store.TryRestoreFailures(Account, two, new FailureState(1, t)));
        Assert.Equal(new FailureState(1, t), store.GetFailures(Account));
    }

    [Fact]
    public async Task Restart_KeepsFailureCountersReplayStateAndPendingCodes()
    {
        var enrolment = Apps(NewStore()).BeginEnrolment(Account);
        Assert.Equal(TotpResult.Valid, Apps(NewStore()).ConfirmEnrolment(Account, TotpGenerator.Generate(enrolment.Secret, _time.GetUtcNow()).Code));
        _time.Advance(TimeSpan.FromSeconds(30));
        var code = TotpGenerator.Generate(enrolment.Secret, _time.GetUtcNow()).Code;
        Assert.Equal(TotpResult.Valid, Apps(NewStore()).Verify(Account, code));
        var login = Login(NewStore());
        for (var i = 0; i < 5; i++)
        {
            await login.StartAsync(new LoginAttempt(Account, "wrong", SecondFactor.EmailCode, Account), TestContext.Current.CancellationToken);
        }

        var emailCode = new EmailCodeService(NewStore(), _key, _time, Random).Issue("marie@exemple.fr");
        SqliteConnection.ClearAllPools();

        // After the "restart": new objects, new connections.
        Assert.Equal(TotpResult.Replayed, Apps(NewStore()).Verify(Account, code));
        Assert.Equal(5, NewStore().GetFailures(Account).ConsecutiveFailures);
        Assert.True(Login(NewStore()).GetLockout(Account).IsLocked);
        Assert.Equal(EmailCodeStatus.Valid, new EmailCodeService(NewStore(), _key, _time, Random).Verify("marie@exemple.fr", emailCode.Code));
        Assert.True(Apps(NewStore()).IsEnrolled(Account));
    }

    [Fact]
    public void Store_RoundTripsEveryRecord()
    {
        var store = NewStore();
        var t = _time.GetUtcNow();
        var credential = new TotpCredential([1, 2, 3], TotpAlgorithm.Sha256, 8, 60, t, null);
        store.SavePendingTotp(Account, credential);
        var read = store.GetTotp(Account, TotpSlot.Pending)!;
        Assert.Equal(credential.ProtectedSecret, read.ProtectedSecret);
        Assert.Equal(credential, read with { ProtectedSecret = credential.ProtectedSecret });
        Assert.Null(store.GetTotp(Account, TotpSlot.Active));
        Assert.True(store.ActivatePendingTotp(Account, 7));
        Assert.False(store.ActivatePendingTotp(Account, 8));
        Assert.Equal(7, store.GetTotp(Account.ToUpperInvariant(), TotpSlot.Active)!.LastAcceptedStep);
        Assert.False(store.TryAcceptTotpStep(Account, 7));
        Assert.True(store.TryAcceptTotpStep(Account, 8));
        store.RemoveTotp(Account);
        Assert.Null(store.GetTotp(Account, TotpSlot.Active));

        store.SavePendingLogin(Account, new PendingLogin(SecondFactor.App, t));
        Assert.Equal(new PendingLogin(SecondFactor.App, t), store.GetPendingLogin(Account));
        store.ClearPendingLogin(Account);
        Assert.Null(store.GetPendingLogin(Account));

        var change = new AddressChangeRecord(Account, "old@exemple.fr", "new@exemple.fr", [9, 9, 9], t);
        store.SaveAddressChange(change);
        Assert.Null(store.TakeAddressChange([9, 9]));
        var taken = store.TakeAddressChange([9, 9, 9])!;
        Assert.Equal((change.Account, change.CurrentAddress, change.NewAddress, change.ExpiresAt), (taken.Account, taken.CurrentAddress, taken.NewAddress, taken.ExpiresAt));
        Assert.Null(store.TakeAddressChange([9, 9, 9]));

        Assert.Equal(new FailureState(1, t), store.RecordFailure(Account, t));
        store.ResetFailures(Account);
        Assert.Equal(default, store.GetFailures(Account));
    }

    private TotpAuthenticator Apps(IAuthStore store) => new(store, new AesGcmSecretProtector(_key, Random), _time, Random);

    private LoginService Login(IAuthStore store, IPasswordVerifier? passwords = null) =>
        new(passwords ?? new NoPasswords(), store, new EmailCodeService(store, _key, _time, Random), Apps(store), new NoMail(), _time);

    private sealed class NoPasswords : IPasswordVerifier
    {
        public bool Verify(string account, string password) => false;
    }

    private sealed class CountingPasswords : IPasswordVerifier
    {
        private int _calls;

        public int Calls => _calls;

        public bool Verify(string account, string password)
        {
            Interlocked.Increment(ref _calls);
            return false;
        }
    }

    private sealed class NoMail : Chorus.Auth.Mail.IAuthMailer
    {
        public Task SendAsync(Chorus.Auth.Mail.AuthMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
