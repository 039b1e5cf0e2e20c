using BenchmarkDotNet.Attributes;
using Chorus.Auth.Totp;
using OtpNet;

namespace Chorus.Benchmarks.Auth;

/// <summary>TOTP verification (±1 step) must cost no more than 1.2× calling Otp.NET directly.</summary>
[MemoryDiagnoser]
public class TotpVerifyBenchmarks
{
    private static readonly byte[] Key = "12345678901234567890"u8.ToArray();
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1234567890);
    private Totp _otp = null!;
    private TotpSecret _secret = null!;
    private string _code = null!;

    /// <summary>Which code is checked: the current step's, the previous step's (a late user), or a wrong one (an attacker).</summary>
    [Params("current", "previous", "wrong")]
    public string Case { get; set; } = "current";

    [GlobalSetup]
    public void Setup()
    {
        _otp = new Totp(Key);
        _secret = TotpSecret.FromBytes(Key);
        _code = Case switch
        {
            "previous" => _otp.ComputeTotp(At.UtcDateTime.AddSeconds(-30)),
            "wrong" => "000000",
            _ => _otp.ComputeTotp(At.UtcDateTime),
        };
    }

    /// <summary>What a user would write with Otp.NET: a Totp built once, VerifyTotp with the RFC's one-step window.</summary>
    [Benchmark(Baseline = true)]
    public bool OtpNetVerifyTotp() => _otp.VerifyTotp(At.UtcDateTime, _code, out _, VerificationWindow.RfcSpecifiedNetworkDelay);

    [Benchmark]
    public bool ChorusTotpGeneratorVerify() => TotpGenerator.Verify(_secret, _code, At).IsValid;
}
