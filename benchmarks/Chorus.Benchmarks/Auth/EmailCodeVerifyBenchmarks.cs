using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Chorus.Auth.EmailCodes;
using Chorus.Auth.Protection;
using Chorus.Auth.Stores;

namespace Chorus.Benchmarks.Auth;

/// <summary>E-mailed code verification must allocate nothing apart from what the store allocates.</summary>
[MemoryDiagnoser]
public class EmailCodeVerifyBenchmarks
{
    private const string Account = "jean.dupont@exemple.fr";
    private static readonly RandomNumberGenerator Random = RandomNumberGenerator.Create();
    private EmailCodeService _service = null!;
    private string _typed = null!;
    private byte[] _naiveHash = null!;
    private byte[] _naiveHmac = null!;
    private byte[] _hmacKey = null!;

    /// <summary>The right code (then consumed; the benchmark store lets it be consumed again) or a wrong one.</summary>
    [Params(true, false)]
    public bool Right { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var key = AuthKey.Generate(Random);
        var recording = new InMemoryAuthStore();
        var issuing = new EmailCodeService(recording, key, time, Random);
        var code = issuing.Issue(Account).Code;
        // A store that answers from memory without allocating, so that what is measured is the service itself.
        _service = new EmailCodeService(new NoAllocationStore(recording.GetEmailCode(Account)!), key, time, Random, new EmailCodeOptions());
        _typed = Right ? code : (code == "000000" ? "000001" : "000000");
        _naiveHash = SHA256.HashData(Encoding.UTF8.GetBytes(Account + code));
        _hmacKey = new byte[32];
        Random.GetBytes(_hmacKey);
        _naiveHmac = HMACSHA256.HashData(_hmacKey, Encoding.UTF8.GetBytes(Account + code));
    }

    /// <summary>What a careful user would write: a keyed hash (HMAC-SHA-256 object) of account + code through strings and arrays.</summary>
    [Benchmark(Baseline = true)]
    public bool NaiveHmacSha256OfString()
    {
        using var hmac = new HMACSHA256(_hmacKey);
        return CryptographicOperations.FixedTimeEquals(hmac.ComputeHash(Encoding.UTF8.GetBytes(Account + _typed)), _naiveHmac);
    }

    /// <summary>The unkeyed shortcut (weaker: 10^6 codes are brute-forced offline from a leaked hash), for scale.</summary>
    [Benchmark]
    public bool NaiveSha256OfString() => SHA256.HashData(Encoding.UTF8.GetBytes(Account + _typed)).AsSpan().SequenceEqual(_naiveHash);

    [Benchmark]
    public EmailCodeStatus ChorusEmailCodeVerify() => _service.Verify(Account, _typed);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class NoAllocationStore(EmailCodeRecord record) : IAuthStore
    {
        public EmailCodeRecord? GetEmailCode(string account) => record;

        public bool TryCountEmailCodeAttempt(string account, ReadOnlySpan<byte> codeId, int maxAttempts) => true;

        public bool TryConsumeEmailCode(string account, ReadOnlySpan<byte> codeId) => true;

        public void SaveEmailCode(string account, EmailCodeRecord record) => throw new NotSupportedException();

        public TotpCredential? GetTotp(string account, TotpSlot slot) => throw new NotSupportedException();

        public void SavePendingTotp(string account, TotpCredential credential) => throw new NotSupportedException();

        public bool ActivatePendingTotp(string account, long acceptedStep) => throw new NotSupportedException();

        public bool TryAcceptTotpStep(string account, long step) => throw new NotSupportedException();

        public void RemoveTotp(string account) => throw new NotSupportedException();

        public FailureState GetFailures(string account) => throw new NotSupportedException();

        public FailureState RecordFailure(string account, DateTimeOffset at) => throw new NotSupportedException();

        public bool TryRestoreFailures(string account, FailureState expected, FailureState restore) => throw new NotSupportedException();

        public void ResetFailures(string account) => throw new NotSupportedException();

        public void SavePendingLogin(string account, PendingLogin login) => throw new NotSupportedException();

        public PendingLogin? GetPendingLogin(string account) => throw new NotSupportedException();

        public void ClearPendingLogin(string account) => throw new NotSupportedException();

        public void SaveAddressChange(AddressChangeRecord record) => throw new NotSupportedException();

        public AddressChangeRecord? TakeAddressChange(ReadOnlySpan<byte> tokenHash) => throw new NotSupportedException();
    }
}
