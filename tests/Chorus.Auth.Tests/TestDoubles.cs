using System.Security.Cryptography;
using Chorus.Auth.Login;
using Chorus.Auth.Mail;

namespace Chorus.Auth.Tests;

/// <summary>A RandomNumberGenerator that replays given bytes (then zeros), to test rejection sampling and determinism.</summary>
internal sealed class ScriptedRandom(params byte[] script) : RandomNumberGenerator
{
    private int _position;

    public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

    public override void GetBytes(Span<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = _position < script.Length ? script[_position++] : (byte)0;
        }
    }
}

/// <summary>Records the messages instead of sending them.</summary>
internal sealed class RecordingMailer : IAuthMailer
{
    public List<AuthMessage> Sent { get; } = [];

    public Task SendAsync(AuthMessage message, CancellationToken cancellationToken = default)
    {
        lock (Sent)
        {
            Sent.Add(message);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The host's password check: a dictionary; counts calls.</summary>
internal sealed class DictionaryPasswords(params (string Account, string Password)[] users) : IPasswordVerifier
{
    private int _calls;

    public int Calls => _calls;

    public bool Verify(string account, string password)
    {
        Interlocked.Increment(ref _calls);
        return users.Any(u => u.Account == account && u.Password == password);
    }
}

internal static class Rfc
{
    /// <summary>The RFC 6238 appendix B seeds: the ASCII digits "1234567890" repeated to 20, 32 and 64 bytes.</summary>
    public static byte[] Seed(int length) => System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1234567890", 7))[..length]);
}
