using System.Xml;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace Chorus.Signature.Trust;

/// <summary>One QualificationElement of a trusted list (TS 119 612 5.5.9.2): qualifiers applying to certificates matching the criteria.</summary>
internal sealed record QualificationElement(IReadOnlyList<string> Qualifiers, QualificationCriteria Criteria);

/// <summary>A CriteriaList: KeyUsage, PolicySet and nested lists with assert all / atLeastOne / none.</summary>
internal sealed class QualificationCriteria
{
    private static readonly string[] KeyUsageBits = ["digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign", "crlSign", "encipherOnly", "decipherOnly"];

    private string assert = "all";
    private readonly List<string[]> policySets = [];
    private readonly List<(int Bit, bool Value)[]> keyUsages = [];
    private readonly List<QualificationCriteria> nested = [];
    private int unsupported;

    public static QualificationCriteria Read(XmlElement list, int depth = 0)
    {
        var c = new QualificationCriteria { assert = list.GetAttribute("assert") is { Length: > 0 } a ? a : "all" };
        foreach (XmlNode n in list.ChildNodes)
        {
            if (n is not XmlElement e)
            {
                continue;
            }

            switch (e.LocalName)
            {
                case "PolicySet":
                    c.policySets.Add(e.GetElementsByTagName("*").Cast<XmlElement>().Where(x => x.LocalName == "Identifier").Select(x => Internal.Guard.ReplaceOrdinal(x.InnerText.Trim(), "urn:oid:", "")).ToArray());
                    break;
                case "KeyUsage":
                    c.keyUsages.Add(e.ChildNodes.OfType<XmlElement>().Where(x => x.LocalName == "KeyUsageBit")
                        .Select(x => (Array.IndexOf(KeyUsageBits, x.GetAttribute("name")), string.Equals(x.InnerText.Trim(), "true", StringComparison.OrdinalIgnoreCase))).ToArray());
                    break;
                case "CriteriaList" when depth < 8:
                    c.nested.Add(Read(e, depth + 1));
                    break;
                case "Description":
                    break;
                default:
                    c.unsupported++;
                    break;
            }
        }

        return c;
    }

    public bool Matches(X509Certificate cert)
    {
        var results = new List<bool>();
        var policies = Policies(cert);
        foreach (var set in policySets)
        {
            results.Add(set.All(policies.Contains));
        }

        var ku = cert.GetKeyUsage();
        foreach (var bits in keyUsages)
        {
            results.Add(bits.All(b => b.Bit >= 0 && ku is not null && b.Bit < ku.Length ? ku[b.Bit] == b.Value : !b.Value));
        }

        results.AddRange(nested.Select(n => n.Matches(cert)));
        for (var i = 0; i < unsupported; i++)
        {
            results.Add(false); // otherCriteriaList (EKU, subject DN attributes): not evaluated, not matched
        }

        return assert switch
        {
            "atLeastOne" => results.Contains(true),
            "none" => !results.Contains(true),
            _ => !results.Contains(false),
        };
    }

    private static HashSet<string> Policies(X509Certificate cert)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (cert.GetExtensionValue(X509Extensions.CertificatePolicies) is { } ext)
            {
                foreach (var p in CertificatePolicies.GetInstance(Asn1Object.FromByteArray(ext.GetOctets())).GetPolicyInformation())
                {
                    set.Add(p.PolicyIdentifier.Id);
                }
            }
        }
        catch (Exception ex) when (Cades.CmsVerifier.IsAsn1Failure(ex))
        {
            // Unreadable policies: matches no PolicySet.
        }

        return set;
    }
}
