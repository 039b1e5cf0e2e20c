using System.CommandLine;
using System.Globalization;
using Chorus.Cli.Infrastructure;
using Chorus.Signature;
using Chorus.Signature.Reports;
using Chorus.Signature.Trust;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus signature verify &lt;file&gt; [--detached] [--trust] [--at] [--report] [--xml] [--json]</c>.</summary>
internal static class SignatureCommand
{
    /// <summary>The certificate of a signature, as the contract's JSON.</summary>
    internal sealed record CertificateJson(string Subject, string Issuer, string SerialNumber, DateTimeOffset NotBefore, DateTimeOffset NotAfter, bool Qualified, string Sha256, bool QcCompliance, bool QcSscd);

    /// <summary>One signature, as the contract's JSON (extra fields after the contract's).</summary>
    internal sealed record SignatureJson(
        string Format,
        string Level,
        bool Intact,
        bool? CoversWholeDocument,
        string? Signer,
        DateTimeOffset? SigningTime,
        CertificateJson? Certificate,
        bool ChainTrusted,
        string Verdict,
        string[] Reasons,
        string Indication,
        string? SubIndication,
        bool SignatureValueValid,
        bool DocumentTimestamp,
        string? SubFilter,
        DateTimeOffset? TimestampTime,
        string? ModificationsAfter,
        CheckJson[] Checks);

    /// <summary>One elementary check.</summary>
    internal sealed record CheckJson(string Name, string Status, string Detail);

    /// <summary>The whole result.</summary>
    internal sealed record VerifyResult(string File, string Verdict, SignatureJson[] Signatures, string[] Reasons, string? DocumentSha256, DateTimeOffset ValidationTime);

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "PAdES (PDF), CAdES (.p7s/.p7m) or XAdES (XML) file." };
        var detached = new Option<string[]>("--detached") { Description = "Signed data of a detached signature (CAdES content, XAdES referenced file); repeatable.", AllowMultipleArgumentsPerToken = false };
        var trust = new Option<string[]>("--trust") { Description = "Trust sources: a folder of certificates and trusted lists, a certificate, or a trusted-list XML (EU LOTL / national TL); repeatable." };
        var at = new Option<string?>("--at") { Description = "Validation time, ISO 8601 (default: now). A verified signature timestamp takes precedence." };
        var report = new Option<string?>("--report") { Description = "Write a readable PDF report to this file." };
        var xml = new Option<string?>("--xml") { Description = "Write the XML report (schema urn:chorus-sdk:signature-report:1) to this file." };
        var crl = new Option<string[]>("--crl") { Description = "Extra CRL or OCSP response files (DER); repeatable." };
        var etsi = new Option<bool>("--etsi") { Description = "Plain ETSI verdict: do not require a qualified certificate (the arrêté of 22 March 2019 does)." };
        var json = CommonOptions.Json();
        var verify = new Command("verify", "Verify every signature of a file: integrity, signature value, chain and trust, revocation, qualification level.")
        {
            file, detached, trust, at, report, xml, crl, etsi, json,
        };
        verify.SetAction(parse =>
        {
            var asJson = parse.GetValue(json);
            var path = parse.GetValue(file)!;
            try
            {
                var options = new VerificationOptions
                {
                    Trust = LoadTrust(parse.GetValue(trust) ?? []),
                    ValidationTime = parse.GetValue(at) is { } a ? ParseTime(a) : null,
                    Detached = (parse.GetValue(detached) ?? []).Select(d => new DetachedContent(Path.GetFileName(d), ReadFile(d, "--detached"))).ToList(),
                    RequireQualifiedCertificate = !parse.GetValue(etsi),
                };
                var extra = (parse.GetValue(crl) ?? []).Select(c => ReadFile(c, "--crl")).ToList();
                options = options with { Crls = extra, OcspResponses = extra };
                var result = new SignatureVerifier(options).Verify(ReadFile(path, "file"), path);
                if (parse.GetValue(report) is { } pdfPath)
                {
                    using var s = File.Create(pdfPath);
                    SignatureReportWriter.WritePdf(result, s);
                }

                if (parse.GetValue(xml) is { } xmlPath)
                {
                    using var s = File.Create(xmlPath);
                    SignatureReportWriter.WriteXml(result, s);
                }

                var doc = ToJson(path, result);
                var trustProblems = options.Trust.TrustedLists.SelectMany(l => l.Problems.Select(p => $"TRUST: trusted list {l.Territory} (sequence {l.SequenceNumber}): {p}")).ToArray();
                if (trustProblems.Length > 0)
                {
                    doc = doc with { Reasons = [.. doc.Reasons, .. trustProblems] };
                }

                if (asJson)
                {
                    console.Json(doc);
                }
                else
                {
                    WriteText(console, doc);
                }

                return ExitCodes.Verdict(result.Verdict == Verdict.Valid);
            }
            catch (Exception ex) when (ex is SignatureFormatException or CliUsageException or IOException or UnauthorizedAccessException)
            {
                var message = ex is CliUsageException ? ex.Message : $"signature verify: {path}: {ex.Message}";
                if (asJson)
                {
                    console.JsonError(message);
                }

                console.Error(message);
                return ExitCodes.Unreadable;
            }
        });
        return new Command("signature", "Electronic signatures (PAdES, CAdES, XAdES).") { verify };
    }

    private static byte[] ReadFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"signature verify: {what} not found: {path}");
        }

        return File.ReadAllBytes(path);
    }

    private static TrustStore LoadTrust(string[] sources)
    {
        var store = TrustStore.Empty;
        foreach (var s in sources)
        {
            if (!File.Exists(s) && !System.IO.Directory.Exists(s))
            {
                throw new CliUsageException("signature verify: --trust not found: " + s);
            }

            store = store.With(TrustStore.FromPath(s));
        }

        return store;
    }

    internal static DateTimeOffset ParseTime(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix))
        {
            return DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        throw new CliUsageException("--at: not an ISO 8601 date or time: " + text);
    }

    internal static VerifyResult ToJson(string file, VerificationReport report) => new(
        file,
        SignatureReportWriter.VerdictText(report.Verdict),
        report.Signatures.Select(s => new SignatureJson(
            s.Format.ToString(),
            Level(s.Level),
            s.Intact,
            s.CoversWholeDocument,
            s.Signer,
            s.SigningTime,
            s.Certificate is { } c ? new CertificateJson(c.Subject, c.Issuer, c.SerialNumber, c.NotBefore, c.NotAfter, c.Qualified, c.Sha256, c.QcStatements.QcCompliance, c.QcStatements.QcSscd) : null,
            s.ChainTrusted,
            SignatureReportWriter.VerdictText(s.Verdict),
            [.. s.Reasons],
            Etsi(s.Indication),
            s.SubIndication == SubIndication.None ? null : Etsi(s.SubIndication),
            s.SignatureValueValid,
            s.IsDocumentTimestamp,
            s.SubFilter,
            s.TimestampTime,
            s.ModificationsAfter,
            s.Checks.Select(k => new CheckJson(k.Name, k.Status.ToString().ToLowerInvariant(), k.Detail)).ToArray())).ToArray(),
        [.. report.Reasons],
        report.DocumentSha256,
        report.ValidationTime);

    private static string Level(SignatureLevel level) => level switch
    {
        SignatureLevel.Qes => "QES",
        SignatureLevel.AdESQc => "AdES-QC",
        SignatureLevel.AdES => "AdES",
        _ => "none",
    };

    private static string Etsi(Indication i) => i switch
    {
        Indication.TotalPassed => "TOTAL_PASSED",
        Indication.TotalFailed => "TOTAL_FAILED",
        _ => "INDETERMINATE",
    };

    private static string Etsi(SubIndication s) => string.Concat(s.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant();

    private static void WriteText(CliConsole console, VerifyResult r)
    {
        console.Out.WriteLine($"{r.File}: {r.Verdict}");
        foreach (var reason in r.Reasons)
        {
            console.Out.WriteLine("  " + reason);
        }

        var i = 0;
        foreach (var s in r.Signatures)
        {
            console.Out.WriteLine($"  {(s.DocumentTimestamp ? "document timestamp" : "signature")} {++i} ({s.Format}): {s.Verdict}, {s.Indication}{(s.SubIndication is null ? "" : "/" + s.SubIndication)}, level {s.Level}");
            console.Out.WriteLine($"    signer: {s.Signer ?? "(unknown)"}; signing time: {s.SigningTime?.ToString("O", CultureInfo.InvariantCulture) ?? "(not given)"}");
            console.Out.WriteLine($"    intact: {Yes(s.Intact)}; signature value valid: {Yes(s.SignatureValueValid)}; chain trusted: {Yes(s.ChainTrusted)}; covers whole document: {(s.CoversWholeDocument is { } w ? Yes(w) : "n/a")}");
            foreach (var reason in s.Reasons)
            {
                console.Out.WriteLine("    - " + reason);
            }
        }
    }

    private static string Yes(bool b) => b ? "yes" : "no";
}
