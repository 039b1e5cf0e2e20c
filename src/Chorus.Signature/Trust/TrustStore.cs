using Chorus.Signature.Internal;
using Org.BouncyCastle.X509;

namespace Chorus.Signature.Trust;

/// <summary>
/// The caller's trust sources: trust anchors (a folder of certificates) and EU trusted lists, whose CA services become
/// anchors carrying their status history (what qualification is decided from). Immutable; combine with <see cref="With"/>.
/// </summary>
public sealed class TrustStore
{
    private readonly List<TrustAnchor> anchors;
    private readonly List<TrustedListInfo> lists;

    private TrustStore(List<TrustAnchor> anchors, List<TrustedListInfo> lists)
    {
        this.anchors = anchors;
        this.lists = lists;
    }

    /// <summary>No trust anchor: every chain ends INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND.</summary>
    public static TrustStore Empty { get; } = new([], []);

    /// <summary>The trusted lists read, with their signature status and problems.</summary>
    public IReadOnlyList<TrustedListInfo> TrustedLists => lists;

    /// <summary>Number of trust anchors (certificates and trusted-list service identities).</summary>
    public int AnchorCount => anchors.Count;

    internal IReadOnlyList<TrustAnchor> Anchors => anchors;

    /// <summary>Trust anchors from certificates (DER or PEM, one certificate each).</summary>
    public static TrustStore FromCertificates(IEnumerable<byte[]> certificates)
    {
        Guard.NotNull(certificates, nameof(certificates));
        var list = new List<TrustAnchor>();
        foreach (var bytes in certificates)
        {
            foreach (var cert in CertificateLoader.ReadAll(bytes))
            {
                list.Add(new TrustAnchor(cert, null));
            }
        }

        return new TrustStore(list, []);
    }

    /// <summary>
    /// A trusted list (national TL) or a list of trusted lists, as XML. The list's XML signature is verified; a list
    /// whose signature does not verify is reported in <see cref="TrustedLists"/> and contributes no anchor.
    /// </summary>
    /// <exception cref="SignatureFormatException">The XML cannot be read or is not a trusted list.</exception>
    public static TrustStore FromTrustedList(byte[] xml) => FromTrustedLists([xml]);

    /// <summary>Several trusted lists at once: national lists are checked against the LOTL among them, if any.</summary>
    /// <exception cref="SignatureFormatException">One XML cannot be read or is not a trusted list.</exception>
    public static TrustStore FromTrustedLists(IEnumerable<byte[]> xmls)
    {
        Guard.NotNull(xmls, nameof(xmls));
        var parsed = new List<TrustedListReader.Parsed>();
        foreach (var xml in xmls)
        {
            var doc = SafeXml.Load(xml);
            if (!TrustedListReader.LooksLikeTrustedList(doc))
            {
                throw new SignatureFormatException("not an ETSI TS 119 612 trusted list (root TrustServiceStatusList expected)");
            }

            parsed.Add(TrustedListReader.Read(doc));
        }

        var lotl = parsed.FirstOrDefault(p => p.Info.IsListOfLists);
        var anchors = new List<TrustAnchor>();
        var infos = new List<TrustedListInfo>();
        foreach (var p in parsed)
        {
            var info = p.Info;
            if (lotl is not null && !info.IsListOfLists)
            {
                var confirmed = lotl.PointedSigners.TryGetValue(info.Territory, out var signers) && SignerIn(p, signers);
                var problems = confirmed ? info.Problems : [.. info.Problems, "signing certificate is not published for " + info.Territory + " in the LOTL"];
                info = info with { SignerConfirmed = confirmed, Problems = problems };
            }

            infos.Add(info);
            if (!info.SignatureValid || info.SignerConfirmed == false)
            {
                continue;
            }

            foreach (var (service, der) in p.Identities)
            {
                foreach (var cert in CertificateLoader.ReadAll(der))
                {
                    anchors.Add(new TrustAnchor(cert, service));
                }
            }
        }

        return new TrustStore(anchors, infos);
    }

    private static bool SignerIn(TrustedListReader.Parsed list, List<byte[]> signers) =>
        list.Info.SignerSubject is not null && list.SignerDer is { } der && signers.Exists(s => s.AsSpan().SequenceEqual(der));

    /// <summary>
    /// A folder: every .cer/.crt/.der/.pem file is a trust anchor, every .xml file a trusted list.
    /// A single file path is read the same way.
    /// </summary>
    /// <exception cref="SignatureFormatException">A trusted list cannot be read.</exception>
    public static TrustStore FromPath(string path)
    {
        Guard.NotNull(path, nameof(path));
        var files = System.IO.Directory.Exists(path)
            ? System.IO.Directory.GetFiles(path).OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : [path];
        var certs = new List<byte[]>();
        var xmls = new List<byte[]>();
        foreach (var f in files)
        {
            var ext = Path.GetExtension(f).ToUpperInvariant();
            if (ext == ".XML")
            {
                xmls.Add(File.ReadAllBytes(f));
            }
            else if (ext is ".CER" or ".CRT" or ".DER" or ".PEM")
            {
                certs.Add(File.ReadAllBytes(f));
            }
        }

        var store = FromCertificates(certs);
        return xmls.Count == 0 ? store : store.With(FromTrustedLists(xmls));
    }

    /// <summary>Both stores' anchors and lists.</summary>
    public TrustStore With(TrustStore other)
    {
        Guard.NotNull(other, nameof(other));
        return new TrustStore([.. anchors, .. other.anchors], [.. lists, .. other.lists]);
    }
}

/// <summary>A trust anchor, with the trusted-list service it comes from (null for a plain certificate).</summary>
internal sealed record TrustAnchor(X509Certificate Certificate, TrustedService? Service);
