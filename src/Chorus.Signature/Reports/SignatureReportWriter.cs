using System.Globalization;
using System.Text;
using System.Xml;
using Chorus.Signature.Internal;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Chorus.Signature.Reports;

/// <summary>Writes a <see cref="VerificationReport"/> as XML (schema <see cref="Schema"/>) or as a readable PDF.</summary>
public static class SignatureReportWriter
{
    /// <summary>Namespace of the XML report.</summary>
    public const string Namespace = "urn:chorus-sdk:signature-report:1";

    private const string SchemaResource = "Chorus.Signature.Reports.SignatureReport.xsd";

    /// <summary>The published XSD of the XML report (embedded in the package).</summary>
    public static Stream Schema() =>
        typeof(SignatureReportWriter).Assembly.GetManifestResourceStream(SchemaResource) ?? throw new InvalidOperationException("embedded schema missing");

    /// <summary>Writes the XML report (UTF-8).</summary>
    public static void WriteXml(VerificationReport report, Stream output)
    {
        Guard.NotNull(report, nameof(report));
        Guard.NotNull(output, nameof(output));
        using var w = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        w.WriteStartDocument();
        w.WriteStartElement("SignatureReport", Namespace);
        w.WriteAttributeString("version", "1");
        w.WriteStartElement("File", Namespace);
        if (report.FileName is { } name)
        {
            w.WriteAttributeString("name", name);
        }

        w.WriteAttributeString("format", report.Format.ToString());
        if (report.DocumentSha256 is { } sha)
        {
            w.WriteAttributeString("sha256", sha);
        }

        w.WriteEndElement();
        w.WriteElementString("ValidationTime", Namespace, Iso(report.ValidationTime));
        w.WriteElementString("Verdict", Namespace, VerdictText(report.Verdict));
        Reasons(w, report.Reasons);
        var index = 0;
        foreach (var s in report.Signatures)
        {
            w.WriteStartElement("Signature", Namespace);
            w.WriteAttributeString("index", (++index).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("format", s.Format.ToString());
            w.WriteAttributeString("documentTimestamp", Bool(s.IsDocumentTimestamp));
            if (s.SubFilter is { } sf)
            {
                w.WriteAttributeString("subFilter", sf);
            }

            w.WriteElementString("Verdict", Namespace, VerdictText(s.Verdict));
            w.WriteElementString("Indication", Namespace, SignatureAssessor.Etsi(s.Indication));
            if (s.SubIndication != SubIndication.None)
            {
                w.WriteElementString("SubIndication", Namespace, SignatureAssessor.Etsi(s.SubIndication));
            }

            w.WriteElementString("Level", Namespace, SignatureAssessor.LevelText(s.Level));
            w.WriteElementString("Intact", Namespace, Bool(s.Intact));
            w.WriteElementString("SignatureValueValid", Namespace, Bool(s.SignatureValueValid));
            if (s.CoversWholeDocument is { } whole)
            {
                w.WriteElementString("CoversWholeDocument", Namespace, Bool(whole));
            }

            Optional(w, "ModificationsAfter", s.ModificationsAfter);
            Optional(w, "Signer", s.Signer);
            Optional(w, "SigningTime", s.SigningTime is { } st ? Iso(st) : null);
            Optional(w, "TimestampTime", s.TimestampTime is { } tt ? Iso(tt) : null);
            w.WriteElementString("ChainTrusted", Namespace, Bool(s.ChainTrusted));
            if (s.Certificate is { } c)
            {
                w.WriteStartElement("Certificate", Namespace);
                w.WriteAttributeString("subject", c.Subject);
                w.WriteAttributeString("issuer", c.Issuer);
                w.WriteAttributeString("serialNumber", c.SerialNumber);
                w.WriteAttributeString("notBefore", Iso(c.NotBefore));
                w.WriteAttributeString("notAfter", Iso(c.NotAfter));
                w.WriteAttributeString("sha256", c.Sha256);
                w.WriteAttributeString("qualified", Bool(c.Qualified));
                w.WriteAttributeString("qcCompliance", Bool(c.QcStatements.QcCompliance));
                w.WriteAttributeString("qcSscd", Bool(c.QcStatements.QcSscd));
                w.WriteEndElement();
            }

            if (s.SignedDataDigest is { } digest)
            {
                w.WriteStartElement("SignedData", Namespace);
                w.WriteAttributeString("digestAlgorithm", s.DigestAlgorithm ?? "");
                w.WriteAttributeString("digest", digest);
                w.WriteEndElement();
            }

            w.WriteStartElement("Checks", Namespace);
            foreach (var check in s.Checks)
            {
                w.WriteStartElement("Check", Namespace);
                w.WriteAttributeString("name", check.Name);
                w.WriteAttributeString("status", check.Status.ToString().ToLowerInvariant());
                w.WriteString(Clean(check.Detail));
                w.WriteEndElement();
            }

            w.WriteEndElement();
            Reasons(w, s.Reasons);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    /// <summary>Writes a readable PDF report: verdict, then for each signature the signer, certificate, level, each check with its result, and the document's hash.</summary>
    public static void WritePdf(VerificationReport report, Stream output)
    {
        Guard.NotNull(report, nameof(report));
        Guard.NotNull(output, nameof(output));
        var lines = new List<(string Text, double Size, bool Bold)>
        {
            ("Signature verification report", 16, true),
            ($"File: {report.FileName ?? "(unnamed)"}   Format: {report.Format}", 10, false),
            ($"Document SHA-256: {report.DocumentSha256 ?? "(not computed)"}", 8, false),
            ($"Validation time: {Iso(report.ValidationTime)}", 10, false),
            ($"Verdict (French public procurement, arrete of 22 March 2019): {VerdictText(report.Verdict).ToUpperInvariant()}", 12, true),
        };
        lines.AddRange(report.Reasons.Select(r => ("  " + r, 9.0, false)));
        var index = 0;
        foreach (var s in report.Signatures)
        {
            lines.Add(("", 8, false));
            lines.Add(($"{(s.IsDocumentTimestamp ? "Document timestamp" : "Signature")} {++index} ({s.Format}{(s.SubFilter is null ? "" : ", " + s.SubFilter)}): {VerdictText(s.Verdict).ToUpperInvariant()}", 12, true));
            lines.Add(($"ETSI EN 319 102-1: {SignatureAssessor.Etsi(s.Indication)}{(s.SubIndication == SubIndication.None ? "" : " / " + SignatureAssessor.Etsi(s.SubIndication))}   Level: {SignatureAssessor.LevelText(s.Level)}", 10, false));
            lines.Add(($"Signer: {s.Signer ?? "(unknown)"}   Signing time: {(s.SigningTime is { } t ? Iso(t) : "(not given)")}   Timestamp: {(s.TimestampTime is { } ts ? Iso(ts) : "none")}", 10, false));
            if (s.Certificate is { } c)
            {
                lines.Add(($"Certificate: {c.Subject}", 9, false));
                lines.Add(($"  issued by {c.Issuer}, serial {c.SerialNumber}", 9, false));
                lines.Add(($"  valid {Iso(c.NotBefore)} to {Iso(c.NotAfter)}; qualified: {(c.Qualified ? "yes" : "no")}; QcCompliance: {(c.QcStatements.QcCompliance ? "yes" : "no")}; QcSSCD: {(c.QcStatements.QcSscd ? "yes" : "no")}", 9, false));
            }

            lines.Add(($"Intact: {(s.Intact ? "yes" : "no")}   Signature value: {(s.SignatureValueValid ? "valid" : "not valid")}   Chain trusted: {(s.ChainTrusted ? "yes" : "no")}   Covers whole document: {(s.CoversWholeDocument is { } w ? (w ? "yes" : "no") : "n/a")}", 9, false));
            if (s.SignedDataDigest is { } d)
            {
                lines.Add(($"Signed data {s.DigestAlgorithm}: {d}", 8, false));
            }

            if (!s.IsDocumentTimestamp)
            {
                lines.Add(("Arrete of 22 March 2019:", 10, true));
                lines.AddRange(ArreteChecks(s).Select(a => ($"  {a.Name}: {a.Result}", 9.0, false)));
            }

            lines.Add(("Checks:", 10, true));
            lines.AddRange(s.Checks.Select(check => ($"  [{check.Status.ToString().ToUpperInvariant()}] {check.Name}: {check.Detail}", 8.5, false)));
            if (s.Reasons.Count > 0)
            {
                lines.Add(("Reasons:", 10, true));
                lines.AddRange(s.Reasons.Select(r => ("  " + r, 8.5, false)));
            }
        }

        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        PdfPageBuilder? page = null;
        double y = 0;
        foreach (var (text, size, isBold) in lines)
        {
            var max = (int)(520 / (size * 0.5));
            foreach (var chunk in Wrap(Ascii(text), max))
            {
                if (page is null || y < 50)
                {
                    page = builder.AddPage(PageSize.A4);
                    y = 800;
                }

                page.AddText(chunk, size, new PdfPoint(40, y), isBold ? bold : regular);
                y -= size + 4;
            }
        }

        var bytes = builder.Build();
        output.Write(bytes, 0, bytes.Length);
    }

    /// <summary>The five checks of the arrêté (signer identity, certificate category, format, validity at signing time, integrity) from the detailed checks.</summary>
    private static IEnumerable<(string Name, string Result)> ArreteChecks(SignatureResult s)
    {
        string Of(params string[] names)
        {
            var relevant = s.Checks.Where(c => names.Contains(c.Name)).ToList();
            return relevant.Count == 0 ? "NOT CHECKED"
                : relevant.Exists(c => c.Status == CheckStatus.Failed) ? "FAILED"
                : relevant.Exists(c => c.Status == CheckStatus.Indeterminate) ? "INDETERMINATE" : "PASSED";
        }

        yield return ("1. signer identity", s.Certificate is null ? "FAILED (no signing certificate)" : $"{Of("SIGNING_CERTIFICATE_REFERENCE", "SIGNATURE_VALUE")} ({s.Signer})");
        yield return ("2. certificate category", $"{(s.Level >= SignatureLevel.AdESQc ? "PASSED" : s.Indication == Indication.TotalPassed ? "FAILED" : "INDETERMINATE")} (level {SignatureAssessor.LevelText(s.Level)})");
        yield return ("3. format", $"{(s.Reasons.Any(r => r.StartsWith("FORMAT_FAILURE", StringComparison.Ordinal)) ? "FAILED" : "PASSED")} ({s.Format}{(s.SubFilter is null ? "" : ", " + s.SubFilter)})");
        yield return ("4. not expired or revoked at signing time", Of("CHAIN"));
        yield return ("5. integrity", s.Intact ? "PASSED" : "FAILED");
    }

    private static IEnumerable<string> Wrap(string text, int max)
    {
        if (text.Length == 0)
        {
            yield return " ";
            yield break;
        }

        for (var i = 0; i < text.Length; i += max)
        {
            yield return text.Substring(i, Math.Min(max, text.Length - i));
        }
    }

    /// <summary>Characters XML 1.0 can carry (control characters replaced).</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            sb.Append(ch < ' ' || ch is '\uFFFE' or '\uFFFF' || char.IsSurrogate(ch) ? '?' : ch);
        }

        return sb.ToString();
    }

    /// <summary>ASCII for the standard 14 fonts of the PDF report: accents dropped (é → e), anything else '?'.</summary>
    private static string Ascii(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(ch is >= ' ' and <= '~' ? ch : '?');
        }

        return sb.ToString();
    }

    private static void Optional(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteElementString(name, Namespace, Clean(value));
        }
    }

    private static void Reasons(XmlWriter w, IReadOnlyList<string> reasons)
    {
        w.WriteStartElement("Reasons", Namespace);
        foreach (var r in reasons)
        {
            w.WriteElementString("Reason", Namespace, Clean(r));
        }

        w.WriteEndElement();
    }

    private static string Bool(bool b) => b ? "true" : "false";

    private static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>valid / invalid / indeterminate.</summary>
    public static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Valid => "valid",
        Verdict.Invalid => "invalid",
        _ => "indeterminate",
    };
}
