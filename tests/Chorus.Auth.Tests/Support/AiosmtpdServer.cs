using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chorus.Tests.Shared;

namespace Chorus.Auth.Tests.Support;

/// <summary>
/// A real SMTP server for the mail tests: Debian's python3-aiosmtpd (in the system Python, /usr/bin/python3) with its
/// Mailbox handler, delivering to a maildir, on a free loopback port. Optionally STARTTLS or implicit TLS with a
/// self-signed certificate made here. Skips (or fails in CI) when aiosmtpd is missing.
/// </summary>
public sealed class AiosmtpdServer : IDisposable
{
    private const string SystemPython = "/usr/bin/python3";
    private readonly Process _process;
    private readonly TempFolder _folder;

    private AiosmtpdServer(Process process, TempFolder folder, int port, string maildir)
    {
        _process = process;
        _folder = folder;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    public enum Tls
    {
        None,
        StartTls,
        Implicit,
    }

    /// <summary>
    /// An aiosmtpd server requiring SMTP AUTH (PLAIN/LOGIN, allowed without TLS on loopback for the test) with one user.
    /// The aiosmtpd command line has no authenticator option, so a few lines of Python start its Controller.
    /// </summary>
    public static AiosmtpdServer StartWithAuthOrSkip(string user, string password)
    {
        RequireAiosmtpd();
        var folder = new TempFolder();
        var maildir = Path.Combine(folder.Path, "maildir");
        var script = Path.Combine(folder.Path, "server.py");
        File.WriteAllText(script, """
            import sys, time
            from aiosmtpd.controller import Controller
            from aiosmtpd.handlers import Mailbox
            from aiosmtpd.smtp import AuthResult, LoginPassword
            port, maildir, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3].encode(), sys.argv[4].encode()
            def check(server, session, envelope, mechanism, data):
                return AuthResult(success=isinstance(data, LoginPassword) and data.login == user and data.password == password, handled=False)
            Controller(Mailbox(maildir), hostname="127.0.0.1", port=port, authenticator=check,
                       auth_require_tls=False, auth_required=True).start()
            while True:
                time.sleep(3600)
            """);
        var port = FreePort();
        return Launch([script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), maildir, user, password], folder, port, maildir);
    }

    public static AiosmtpdServer StartOrSkip(Tls tls = Tls.None)
    {
        RequireAiosmtpd();
        var folder = new TempFolder();
        var maildir = Path.Combine(folder.Path, "maildir");
        var port = FreePort();
        var args = new List<string> { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}" };
        if (tls != Tls.None)
        {
            var (cert, key) = SelfSignedPem(folder.Path);
            args.AddRange(tls == Tls.StartTls ? ["--tlscert", cert, "--tlskey", key] : ["--smtpscert", cert, "--smtpskey", key]);
        }

        args.AddRange(["-c", "aiosmtpd.handlers.Mailbox", maildir]);
        return Launch(args, folder, port, maildir);
    }

    private static AiosmtpdServer Launch(IEnumerable<string> args, TempFolder folder, int port, string maildir)
    {
        var start = new ProcessStartInfo(SystemPython) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new AiosmtpdServer(process, folder, port, maildir);
        server.WaitUntilListening();
        return server;
    }

    /// <summary>The delivered messages (raw RFC 5322 text), oldest first, waiting a little for the first one.</summary>
    public IReadOnlyList<string> Messages(int atLeast = 1)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var folder = Path.Combine(Maildir, "new");
            var files = System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray() : [];
            if (files.Length >= atLeast || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                return files.Select(File.ReadAllText).ToArray();
            }

            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            _folder.Dispose();
        }
    }

    private static void RequireAiosmtpd()
    {
        var reason = "aiosmtpd is not installed for /usr/bin/python3 (apt-get install -y python3-aiosmtpd)";
        if (File.Exists(SystemPython))
        {
            var (exit, _, _) = ExternalTool.Run(SystemPython, ["-c", "import aiosmtpd"], TimeSpan.FromSeconds(30));
            if (exit == 0)
            {
                return;
            }
        }

        if (ExternalTool.Required)
        {
            Assert.Fail(reason + "; CHORUS_REQUIRE_ORACLES=1 makes this a failure");
        }

        Assert.Skip(reason);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not start listening");
    }

    private static (string Cert, string Key) SelfSignedPem(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        using var cert = request.CreateSelfSigned(now, now.AddYears(20));
        var certPath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(certPath, cert.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }
}
