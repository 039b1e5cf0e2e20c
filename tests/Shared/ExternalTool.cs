using System.Diagnostics;

namespace Chorus.Tests.Shared;

/// <summary>
/// External oracles (qpdf, pdftotext, Saxon-HE, zbarimg, aiosmtpd…) used by some tests. On a developer machine a missing
/// tool skips the test with the reason; in CI, <c>CHORUS_REQUIRE_ORACLES=1</c> (set by .ci/run) turns a missing tool into a failure.
/// </summary>
internal static class ExternalTool
{
    public static bool Required => Environment.GetEnvironmentVariable("CHORUS_REQUIRE_ORACLES") == "1";

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the tool's path. When it is missing, the test is skipped with the reason, or fails when oracles are required.
    /// </summary>
    public static string RequireOrSkip(string name, string debianPackage)
    {
        var path = Find(name);
        if (path is not null)
        {
            return path;
        }

        var reason = $"{name} is not installed (apt-get install -y {debianPackage})";
        if (Required)
        {
            Assert.Fail(reason + "; CHORUS_REQUIRE_ORACLES=1 makes this a failure");
        }

        Assert.Skip(reason);
        return null!;
    }

    /// <summary>Runs a tool with a deadline; returns exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in time");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
