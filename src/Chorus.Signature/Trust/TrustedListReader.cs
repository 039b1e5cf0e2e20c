using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Chorus.Signature.Trust;

/// <summary>Reads ETSI TS 119 612 trusted lists (national TLs and the EU LOTL) and verifies their XML signature.</summary>
internal static class TrustedListReader
{
    internal const string TslNs = "http://uri.etsi.org/02231/v2#";
    internal const string DsNs = "http://www.w3.org/2000/09/xmldsig#";
    private const int MaxServices = 100_000;

    internal sealed record Parsed(TrustedListInfo Info, List<(TrustedService Service, byte[] Certificate)> Identities, Dictionary<string, List<byte[]>> PointedSigners, byte[]? SignerDer);

    public static bool LooksLikeTrustedList(XmlDocument doc) =>
        doc.DocumentElement is { LocalName: "TrustServiceStatusList", NamespaceURI: TslNs };

    public static Parsed Read(XmlDocument doc)
    {
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("t", TslNs);
        ns.AddNamespace("ds", DsNs);
        var root = doc.DocumentElement!;
        var problems = new List<string>();
        var scheme = root.SelectSingleNode("t:SchemeInformation", ns);
        var territory = scheme?.SelectSingleNode("t:SchemeTerritory", ns)?.InnerText.Trim() ?? "";
        var seq = int.TryParse(scheme?.SelectSingleNode("t:TSLSequenceNumber", ns)?.InnerText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : (int?)null;
        var issue = Date(scheme?.SelectSingleNode("t:ListIssueDateTime", ns)?.InnerText);
        var next = Date(scheme?.SelectSingleNode("t:NextUpdate/t:dateTime", ns)?.InnerText);
        var type = scheme?.SelectSingleNode("t:TSLType", ns)?.InnerText.Trim() ?? "";
        var isLotl = type.EndsWith("listofthelists", StringComparison.OrdinalIgnoreCase);

        var (signatureValid, signer, why, signerDer) = VerifySignature(doc);
        if (!signatureValid)
        {
            problems.Add("XML signature: " + why);
        }

        var identities = new List<(TrustedService, byte[])>();
        var services = new List<TrustedService>();
        var providers = root.SelectNodes("t:TrustServiceProviderList/t:TrustServiceProvider", ns)!;
        foreach (XmlElement tsp in providers)
        {
            var tspName = tsp.SelectSingleNode("t:TSPInformation/t:TSPName/t:Name", ns)?.InnerText.Trim() ?? "";
            foreach (XmlElement svc in tsp.SelectNodes("t:TSPServices/t:TSPService", ns)!)
            {
                if (services.Count >= MaxServices)
                {
                    break;
                }

                var info = (XmlElement?)svc.SelectSingleNode("t:ServiceInformation", ns);
                if (info is null)
                {
                    continue;
                }

                var history = new List<ServiceStatusPeriod> { Period(info, ns) };
                foreach (XmlElement h in svc.SelectNodes("t:ServiceHistory/t:ServiceHistoryInstance", ns)!)
                {
                    history.Add(Period(h, ns));
                }

                var service = new TrustedService(territory, tspName, info.SelectSingleNode("t:ServiceName/t:Name", ns)?.InnerText.Trim() ?? "", history);
                services.Add(service);
                foreach (XmlNode c in info.SelectNodes("t:ServiceDigitalIdentity/t:DigitalId/t:X509Certificate", ns)!)
                {
                    if (Base64(c.InnerText) is { } der)
                    {
                        identities.Add((service, der));
                    }
                }
            }
        }

        var pointed = new Dictionary<string, List<byte[]>>(StringComparer.OrdinalIgnoreCase);
        foreach (XmlElement p in root.SelectNodes("t:SchemeInformation/t:PointersToOtherTSL/t:OtherTSLPointer", ns)!)
        {
            var terr = p.SelectSingleNode(".//t:SchemeTerritory", ns)?.InnerText.Trim() ?? "";
            if (!pointed.TryGetValue(terr, out var list))
            {
                pointed[terr] = list = [];
            }

            foreach (XmlNode c in p.SelectNodes("t:ServiceDigitalIdentities/t:ServiceDigitalIdentity/t:DigitalId/t:X509Certificate", ns)!)
            {
                if (Base64(c.InnerText) is { } der)
                {
                    list.Add(der);
                }
            }
        }

        var result = new TrustedListInfo(territory, seq, issue, next, isLotl, signatureValid, signer, null, providers.Count, services, problems);
        return new Parsed(result, identities, pointed, signerDer);
    }

    private static ServiceStatusPeriod Period(XmlElement e, XmlNamespaceManager ns)
    {
        var qualifiers = new List<string>();
        foreach (XmlNode q in e.SelectNodes("t:ServiceInformationExtensions/t:Extension//*[local-name()='Qualifier']/@uri", ns)!)
        {
            qualifiers.Add(q.Value!.Trim());
        }

        var additional = new List<string>();
        foreach (XmlNode a in e.SelectNodes("t:ServiceInformationExtensions/t:Extension/t:AdditionalServiceInformation/t:URI", ns)!)
        {
            additional.Add(a.InnerText.Trim());
        }

        var rules = new List<QualificationElement>();
        foreach (XmlElement q in e.SelectNodes("t:ServiceInformationExtensions/t:Extension/*[local-name()='Qualifications']/*[local-name()='QualificationElement']", ns)!)
        {
            var uris = q.SelectNodes("*[local-name()='Qualifiers']/*[local-name()='Qualifier']/@uri")!.Cast<XmlNode>().Select(n => n.Value!.Trim()).ToList();
            if (q.SelectSingleNode("*[local-name()='CriteriaList']") is XmlElement criteria)
            {
                rules.Add(new QualificationElement(uris, QualificationCriteria.Read(criteria)));
            }
        }

        return new ServiceStatusPeriod(
            e.SelectSingleNode("t:ServiceStatus", ns)?.InnerText.Trim() ?? "",
            e.SelectSingleNode("t:ServiceTypeIdentifier", ns)?.InnerText.Trim() ?? "",
            Date(e.SelectSingleNode("t:StatusStartingTime", ns)?.InnerText) ?? DateTimeOffset.MinValue,
            qualifiers,
            additional)
        {
            Qualifications = rules,
        };
    }

    internal static DateTimeOffset? Date(string? text) =>
        text is not null && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : null;

    internal static byte[]? Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Verifies the enveloped XML signature of a trusted list with the certificate in its KeyInfo.</summary>
    internal static (bool Valid, string? Signer, string Why, byte[]? SignerDer) VerifySignature(XmlDocument doc)
    {
        var nodes = doc.GetElementsByTagName("Signature", DsNs);
        if (nodes.Count == 0)
        {
            return (false, null, "not signed", null);
        }

        var signatureElement = (XmlElement)nodes[0]!;
        var certNode = signatureElement.GetElementsByTagName("X509Certificate", DsNs);
        if (certNode.Count == 0 || Base64(certNode[0]!.InnerText) is not { } der)
        {
            return (false, null, "no signing certificate in KeyInfo", null);
        }

        try
        {
#pragma warning disable SYSLIB0057 // X509CertificateLoader is not available on netstandard2.0
            using var cert = new X509Certificate2(der);
#pragma warning restore SYSLIB0057
            var signed = new SignedXml(doc);
            signed.LoadXml(signatureElement);
            var ok = signed.CheckSignature(cert, verifySignatureOnly: true);
            return (ok, cert.Subject, ok ? "" : "signature value or reference digest does not match", der);
        }
        catch (Exception ex) when (ex is CryptographicException or XmlException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return (false, null, ex.Message, der);
        }
    }
}
