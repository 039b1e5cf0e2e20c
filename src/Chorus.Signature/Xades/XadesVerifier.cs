using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Chorus.Signature.Cades;
using Chorus.Signature.Internal;
using Chorus.Signature.Trust;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Chorus.Signature.Xades;

/// <summary>
/// XAdES (XML-DSig + ETSI EN 319 132): SignedInfo canonicalized and verified, each Reference dereferenced (same
/// document, enveloped, XPath Filter 2.0, or a detached file given by the caller; never the network) and digested,
/// SignedProperties with the SigningCertificate digest against the KeyInfo certificate, signature timestamps.
/// </summary>
internal static class XadesVerifier
{
    private const string Ds = "http://www.w3.org/2000/09/xmldsig#";
    private const string Xades132 = "http://uri.etsi.org/01903/v1.3.2#";
    private const string Xades141 = "http://uri.etsi.org/01903/v1.4.1#";
    private const string Enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    private const string Base64Transform = "http://www.w3.org/2000/09/xmldsig#base64";
    private const string Filter2 = "http://www.w3.org/2002/06/xmldsig-filter2";
    private const int MaxReferences = 1000;

    private sealed class UnsupportedException(string message) : Exception(message);

    public static List<CryptoFindings> Verify(byte[] xml, IReadOnlyList<DetachedContent> detached)
    {
        var doc = SafeXml.Load(xml);
        var all = doc.GetElementsByTagName("Signature", Ds);
        var list = new List<CryptoFindings>();
        for (var i = 0; i < all.Count && list.Count < 100; i++)
        {
            var sig = (XmlElement)all[i]!;
            if (HasSignatureAncestor(sig))
            {
                continue; // counter-signatures and signed objects inside a signature are not top-level signatures
            }

            list.Add(VerifyOne(doc, sig, i, detached));
        }

        return list;
    }

    private static bool HasSignatureAncestor(XmlElement e)
    {
        for (var p = e.ParentNode as XmlElement; p is not null; p = p.ParentNode as XmlElement)
        {
            if (p.LocalName == "Signature" && p.NamespaceURI == Ds)
            {
                return true;
            }
        }

        return false;
    }

    private static CryptoFindings VerifyOne(XmlDocument doc, XmlElement sig, int index, IReadOnlyList<DetachedContent> detached)
    {
        var f = new CryptoFindings { Format = SignatureFormat.XAdES, SubFilter = sig.GetAttribute("Id") is { Length: > 0 } id ? id : null };
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("ds", Ds);
        ns.AddNamespace("x", Xades132);
        ns.AddNamespace("x141", Xades141);
        var signedInfo = sig.SelectSingleNode("ds:SignedInfo", ns) as XmlElement;
        if (signedInfo is null)
        {
            f.Intact = false;
            f.FormatFailures.Add((SubIndication.FormatFailure, "ds:Signature without ds:SignedInfo"));
            return f;
        }

        // Certificates and revocation values carried by the signature.
        foreach (XmlNode c in sig.SelectNodes("ds:KeyInfo//ds:X509Certificate | ds:Object//x:CertificateValues/x:EncapsulatedX509Certificate", ns)!)
        {
            if (TrustedListReader.Base64(c.InnerText) is { } der)
            {
                f.Certificates.AddRange(CertificateLoader.ReadAll(der));
            }
        }

        foreach (XmlNode c in sig.SelectNodes("ds:Object//x:RevocationValues/x:CRLValues/x:EncapsulatedCRLValue", ns)!)
        {
            if (TrustedListReader.Base64(c.InnerText) is { } der && RevocationData.ReadCrl(der) is { } crl)
            {
                f.Crls.Add(crl);
            }
        }

        foreach (XmlNode c in sig.SelectNodes("ds:Object//x:RevocationValues/x:OCSPValues/x:EncapsulatedOCSPValue", ns)!)
        {
            if (TrustedListReader.Base64(c.InnerText) is { } der && RevocationData.ReadOcsp(der) is { } ocsp)
            {
                f.Ocsps.Add(ocsp);
            }
        }

        var keyInfoCert = sig.SelectSingleNode("ds:KeyInfo//ds:X509Certificate", ns) is { } kc && TrustedListReader.Base64(kc.InnerText) is { } kder
            ? CertificateLoader.ReadAll(kder).FirstOrDefault()
            : null;
        var signedProps = sig.SelectSingleNode("ds:Object/x:QualifyingProperties/x:SignedProperties", ns) as XmlElement;
        f.SignerCertificate = keyInfoCert ?? (signedProps is not null ? FromSigningCertificateRef(signedProps, ns, f.Certificates) : null);

        // Signature value over the canonicalized SignedInfo.
        var signatureValue = sig.SelectSingleNode("ds:SignatureValue", ns) as XmlElement;
        try
        {
            var c14n = signedInfo.SelectSingleNode("ds:CanonicalizationMethod", ns) as XmlElement;
            var method = (signedInfo.SelectSingleNode("ds:SignatureMethod", ns) as XmlElement)?.GetAttribute("Algorithm") ?? "";
            var canonical = XmlCanonicalizer.Element(signedInfo, c14n?.GetAttribute("Algorithm") ?? "", c14n);
            var value = Convert.FromBase64String(signatureValue?.InnerText.Trim() ?? "");
            if (f.SignerCertificate is { } cert)
            {
                var signer = SignerFor(method) ?? throw new UnsupportedException("unsupported signature method " + method);
                signer.Init(false, cert.GetPublicKey());
                signer.BlockUpdate(canonical, 0, canonical.Length);
                f.SignatureValueValid = signer.VerifySignature(value);
                f.Check("SIGNATURE_VALUE", f.SignatureValueValid ? CheckStatus.Passed : CheckStatus.Failed, f.SignatureValueValid ? "the SignedInfo signature verifies with the signer's public key" : "the SignedInfo signature does not verify");
            }
        }
        catch (Exception ex) when (ex is UnsupportedException or NotSupportedException)
        {
            f.Indeterminate.Add((SubIndication.Generic, "unsupported: " + ex.Message));
            f.Check("SIGNATURE_VALUE", CheckStatus.Indeterminate, ex.Message);
        }
        catch (Exception ex) when (ex is FormatException || CmsVerifier.IsAsn1Failure(ex) || ex is CryptographicException or XmlException)
        {
            f.Check("SIGNATURE_VALUE", CheckStatus.Failed, "the signature value cannot be checked: " + ex.Message);
        }

        VerifyReferences(doc, sig, index, signedInfo, signedProps, ns, detached, f);

        if (signedProps is not null)
        {
            ReadSignedProperties(signedProps, ns, f);
        }
        else
        {
            f.Check("XADES", CheckStatus.Info, "no XAdES SignedProperties: a plain XML-DSig signature");
        }

        // Signature timestamps: imprint over the canonicalized ds:SignatureValue element.
        foreach (XmlElement ts in sig.SelectNodes("ds:Object/x:QualifyingProperties/x:UnsignedProperties/x:UnsignedSignatureProperties/x:SignatureTimeStamp", ns)!)
        {
            if (signatureValue is null || ts.SelectSingleNode("x:EncapsulatedTimeStamp", ns) is not { } enc || TrustedListReader.Base64(enc.InnerText) is not { } token)
            {
                continue;
            }

            var c14n = ts.SelectSingleNode("ds:CanonicalizationMethod", ns) as XmlElement;
            try
            {
                var imprinted = XmlCanonicalizer.Element(signatureValue, c14n?.GetAttribute("Algorithm") ?? XmlCanonicalizer.C14N, c14n);
                if (CmsVerifier.VerifyTimestamp(token, imprinted, f.Certificates) is { } outcome)
                {
                    f.Timestamps.Add(outcome);
                    f.Certificates.AddRange(outcome.Token.SignerCertificate is { } t ? [t] : []);
                }
            }
            catch (NotSupportedException)
            {
                f.Warnings.Add("signature timestamp with an unsupported canonicalization");
            }
        }

        return f;
    }

    private static void VerifyReferences(XmlDocument doc, XmlElement sig, int index, XmlElement signedInfo, XmlElement? signedProps, XmlNamespaceManager ns, IReadOnlyList<DetachedContent> detached, CryptoFindings f)
    {
        var references = signedInfo.SelectNodes("ds:Reference", ns)!;
        var allMatch = true;
        var missing = false;
        var signedPropsReferenced = false;
        var n = 0;
        foreach (XmlElement reference in references)
        {
            if (++n > MaxReferences)
            {
                break;
            }

            var uri = reference.HasAttribute("URI") ? reference.GetAttribute("URI") : null;
            var label = uri is null ? "(no URI)" : uri.Length == 0 ? "(whole document)" : uri;
            var digestMethod = (reference.SelectSingleNode("ds:DigestMethod", ns) as XmlElement)?.GetAttribute("Algorithm") ?? "";
            var digestText = reference.SelectSingleNode("ds:DigestValue", ns)?.InnerText.Trim() ?? "";
            if (signedProps is not null && uri is { Length: > 1 } && uri[0] == '#' && uri.Substring(1) == signedProps.GetAttribute("Id"))
            {
                signedPropsReferenced = true;
            }

            byte[] expected;
            try
            {
                expected = Convert.FromBase64String(digestText);
            }
            catch (FormatException)
            {
                allMatch = false;
                f.Check("REFERENCE", CheckStatus.Failed, label + ": the DigestValue is not base64");
                continue;
            }

            try
            {
                var data = Dereference(doc, sig, index, reference, uri, ns, detached);
                if (data is null)
                {
                    missing = true;
                    f.Check("REFERENCE", CheckStatus.Indeterminate, label + ": the referenced data was not found (give the detached file)");
                    continue;
                }

                var oid = DigestOid(digestMethod) ?? throw new UnsupportedException("unsupported digest method " + digestMethod);
                var actual = Hashing.Compute(oid, data) ?? throw new UnsupportedException("unsupported digest method " + digestMethod);
                var ok = actual.AsSpan().SequenceEqual(expected);
                allMatch &= ok;
                f.Check("REFERENCE", ok ? CheckStatus.Passed : CheckStatus.Failed, label + (ok ? ": digest matches" : ": digest does not match"));
                if (f.SignedDataDigest is null && !IsSignedPropertiesReference(reference))
                {
                    f.SignedDataDigest = actual;
                    f.DigestAlgorithm = Hashing.Name(oid);
                }
            }
            catch (UnsupportedException ex)
            {
                f.Indeterminate.Add((SubIndication.Generic, "unsupported transform: " + ex.Message));
                f.Check("REFERENCE", CheckStatus.Indeterminate, label + ": " + ex.Message);
                missing = true;
            }
            catch (Exception ex) when (ex is XmlException or System.Xml.XPath.XPathException or CryptographicException or FormatException or InvalidOperationException or ArgumentException)
            {
                allMatch = false;
                f.Check("REFERENCE", CheckStatus.Failed, label + ": cannot be processed: " + ex.Message);
            }
        }

        if (references.Count == 0)
        {
            f.FormatFailures.Add((SubIndication.FormatFailure, "SignedInfo has no Reference"));
            allMatch = false;
        }

        var unsupported = f.Indeterminate.Count > 0;
        f.Intact = !allMatch ? false : missing ? (unsupported ? false : null) : true;
        f.IntegrityUndetermined = allMatch && unsupported;

        if (signedProps is not null && !signedPropsReferenced)
        {
            f.FormatFailures.Add((SubIndication.FormatFailure, "the XAdES SignedProperties are not covered by a Reference"));
        }
    }

    private static bool IsSignedPropertiesReference(XmlElement reference) =>
        reference.GetAttribute("Type").EndsWith("#SignedProperties", StringComparison.Ordinal);

    /// <summary>The octets a Reference digests, or null when its target is a detached file not given.</summary>
    private static byte[]? Dereference(XmlDocument original, XmlElement sig, int index, XmlElement reference, string? uri, XmlNamespaceManager ns, IReadOnlyList<DetachedContent> detached)
    {
        var transforms = new List<XmlElement>();
        foreach (XmlElement t in reference.SelectNodes("ds:Transforms/ds:Transform", ns)!)
        {
            transforms.Add(t);
        }

        if (uri is null || (uri.Length > 0 && uri[0] != '#'))
        {
            var content = FindDetached(uri, detached);
            if (content is null)
            {
                return null;
            }

            if (transforms.Count == 0)
            {
                return content;
            }

            var d = SafeXml.Load(content);
            return ApplyTransforms(d, d.DocumentElement!, null, transforms, sig: null);
        }

        // Same-document reference: work on a copy (the enveloped transform removes the signature).
        var doc = (XmlDocument)original.Clone();
        var copySig = (XmlElement)doc.GetElementsByTagName("Signature", Ds)[index]!;
        XmlElement? target;
        var withComments = false;
        if (uri.Length == 0 || uri == "#xpointer(/)")
        {
            target = doc.DocumentElement;
            withComments = uri.Length > 0;
        }
        else
        {
            var id = uri.StartsWith("#xpointer(id(", StringComparison.Ordinal) ? uri.Substring(14, uri.Length - 17) : uri.Substring(1);
            target = FindById(doc, id) ?? throw new XmlException("no element with Id '" + id + "'");
        }

        return ApplyTransforms(doc, target!, uri.Length == 0 ? null : target, transforms, copySig, withComments);
    }

    private static byte[] ApplyTransforms(XmlDocument doc, XmlElement root, XmlElement? subtree, List<XmlElement> transforms, XmlElement? sig, bool withComments = false)
    {
        HashSet<XmlNode>? nodeSet = null;
        byte[]? octets = null;
        foreach (var t in transforms)
        {
            var alg = t.GetAttribute("Algorithm");
            if (octets is not null)
            {
                throw new UnsupportedException("transform after canonicalization: " + alg);
            }

            if (alg == Enveloped)
            {
                sig?.ParentNode?.RemoveChild(sig);
            }
            else if (alg == Filter2)
            {
                nodeSet = XPathFilter2(doc, t, sig);
            }
            else if (XmlCanonicalizer.IsCanonicalization(alg))
            {
                octets = Canonicalize(doc, subtree, nodeSet, alg, t);
            }
            else if (alg == Base64Transform)
            {
                octets = Convert.FromBase64String((subtree ?? root).InnerText);
            }
            else
            {
                throw new UnsupportedException(alg);
            }
        }

        return octets ?? Canonicalize(doc, subtree, nodeSet, withComments ? XmlCanonicalizer.C14NWithComments : XmlCanonicalizer.C14N, null);
    }

    private static byte[] Canonicalize(XmlDocument doc, XmlElement? subtree, HashSet<XmlNode>? nodeSet, string alg, XmlElement? method)
    {
        if (nodeSet is not null)
        {
            var ordered = new List<XmlNode>();
            Collect(doc, nodeSet, ordered);
            return XmlCanonicalizer.NodeSet(new FixedNodeList(ordered), alg, method);
        }

        return subtree is not null ? XmlCanonicalizer.Element(subtree, alg, method) : XmlCanonicalizer.Document(doc, alg);
    }

    private static void Collect(XmlNode node, HashSet<XmlNode> set, List<XmlNode> ordered)
    {
        if (set.Contains(node))
        {
            ordered.Add(node);
            if (node.Attributes is { } attrs)
            {
                foreach (XmlAttribute a in attrs)
                {
                    ordered.Add(a);
                }
            }
        }

        foreach (XmlNode child in node.ChildNodes)
        {
            Collect(child, set, ordered);
        }
    }

    /// <summary>XPath Filter 2.0 (W3C xmldsig-filter2): intersect / subtract / union of subtrees, in order.</summary>
    private static HashSet<XmlNode> XPathFilter2(XmlDocument doc, XmlElement transform, XmlElement? sig)
    {
        var included = new HashSet<XmlNode>();
        AddSubtree(doc, included);
        foreach (XmlNode child in transform.ChildNodes)
        {
            if (child is not XmlElement { LocalName: "XPath" } xp)
            {
                continue;
            }

            var expr = xp.InnerText.Trim();
            if (Guard.ContainsOrdinal(expr, "here()"))
            {
                // here() is the XPath element itself: its position inside this copy's signature.
                if (sig is null)
                {
                    throw new UnsupportedException("XPath Filter 2.0 here() outside a signature");
                }

                expr = Guard.ReplaceOrdinal(expr, "here()", PathOf(sig) + "/" + RelativePath(transform, xp));
            }

            var nsm = new XmlNamespaceManager(doc.NameTable);
            for (var e = xp as XmlElement; e is not null; e = e.ParentNode as XmlElement)
            {
                foreach (XmlAttribute a in e.Attributes)
                {
                    if (a.Prefix == "xmlns" && !nsm.HasNamespace(a.LocalName))
                    {
                        nsm.AddNamespace(a.LocalName, a.Value);
                    }
                }
            }

            var selected = new HashSet<XmlNode>();
            foreach (XmlNode n in doc.SelectNodes(expr, nsm)!)
            {
                AddSubtree(n, selected);
            }

            switch (xp.GetAttribute("Filter"))
            {
                case "intersect": included.IntersectWith(selected); break;
                case "subtract": included.ExceptWith(selected); break;
                case "union": included.UnionWith(selected); break;
                default: throw new UnsupportedException("XPath Filter 2.0 filter " + xp.GetAttribute("Filter"));
            }
        }

        return included;
    }

    private static void AddSubtree(XmlNode node, HashSet<XmlNode> set)
    {
        set.Add(node);
        foreach (XmlNode child in node.ChildNodes)
        {
            AddSubtree(child, set);
        }
    }

    private static string PathOf(XmlElement e)
    {
        var parts = new List<string>();
        for (XmlNode? n = e; n is XmlElement el; n = n.ParentNode)
        {
            var pos = 1;
            for (var s = el.PreviousSibling; s is not null; s = s.PreviousSibling)
            {
                if (s is XmlElement)
                {
                    pos++;
                }
            }

            parts.Insert(0, "*[" + pos.ToString(CultureInfo.InvariantCulture) + "]");
        }

        return "/" + string.Join("/", parts);
    }

    /// <summary>Path of the XPath element from the signature (the transform belongs to the original SignedInfo).</summary>
    private static string RelativePath(XmlElement transform, XmlElement xp)
    {
        var parts = new List<string>();
        for (XmlNode? n = xp; n is XmlElement el && !(el.LocalName == "Signature" && el.NamespaceURI == Ds); n = n.ParentNode)
        {
            var pos = 1;
            for (var s = el.PreviousSibling; s is not null; s = s.PreviousSibling)
            {
                if (s is XmlElement)
                {
                    pos++;
                }
            }

            parts.Insert(0, "*[" + pos.ToString(CultureInfo.InvariantCulture) + "]");
        }

        _ = transform;
        return string.Join("/", parts);
    }

    private static XmlElement? FindById(XmlDocument doc, string id)
    {
        if (Guard.ContainsOrdinal(id, "'"))
        {
            return null;
        }

        return doc.SelectSingleNode($"//*[@Id='{id}' or @ID='{id}' or @id='{id}' or @*[local-name()='Id']='{id}']") as XmlElement;
    }

    private static byte[]? FindDetached(string? uri, IReadOnlyList<DetachedContent> detached)
    {
        if (detached.Count == 0)
        {
            return null;
        }

        if (uri is not null)
        {
            var name = Path.GetFileName(Uri.UnescapeDataString(uri));
            foreach (var d in detached)
            {
                if (string.Equals(Path.GetFileName(d.Name), name, StringComparison.Ordinal))
                {
                    return d.Content;
                }
            }
        }

        // One detached file given: it is the signed data, whatever its local name (as DSS does).
        return detached.Count == 1 ? detached[0].Content : null;
    }

    private static void ReadSignedProperties(XmlElement props, XmlNamespaceManager ns, CryptoFindings f)
    {
        var time = props.SelectSingleNode("x:SignedSignatureProperties/x:SigningTime", ns)?.InnerText;
        f.ClaimedSigningTime = TrustedListReader.Date(time);
        var certs = props.SelectNodes("x:SignedSignatureProperties/x:SigningCertificate/x:Cert | x:SignedSignatureProperties/x:SigningCertificateV2/x:Cert", ns)!;
        if (certs.Count == 0 || f.SignerCertificate is not { } signer)
        {
            f.SigningCertificateReferenceRequired = true;
            return;
        }

        var der = signer.GetEncoded();
        var result = SigningCertificateReference.DigestMismatch;
        foreach (XmlElement cert in certs)
        {
            var method = (cert.SelectSingleNode("x:CertDigest/ds:DigestMethod", ns) as XmlElement)?.GetAttribute("Algorithm") ?? "";
            var value = TrustedListReader.Base64(cert.SelectSingleNode("x:CertDigest/ds:DigestValue", ns)?.InnerText ?? "");
            var oid = DigestOid(method);
            if (oid is null || value is null)
            {
                continue;
            }

            var computed = Hashing.Compute(oid, der);
            if (computed is null || !computed.AsSpan().SequenceEqual(value))
            {
                continue;
            }

            result = IssuerSerialMatches(cert, ns, signer) ? SigningCertificateReference.Matches : SigningCertificateReference.IssuerSerialMismatch;
            break;
        }

        f.SigningCertificateReference = result;
        f.SigningCertificateReferenceRequired = true;
    }

    private static bool IssuerSerialMatches(XmlElement cert, XmlNamespaceManager ns, X509Certificate signer)
    {
        var serial = cert.SelectSingleNode("x:IssuerSerial/ds:X509SerialNumber", ns)?.InnerText.Trim();
        if (serial is not null)
        {
            return serial.Length > 0 && serial.Length < 200 && serial.All(char.IsDigit) && new BigInteger(serial, 10).Equals(signer.SerialNumber);
        }

        if (cert.SelectSingleNode("x:IssuerSerialV2", ns)?.InnerText is { } v2 && TrustedListReader.Base64(v2) is { } raw)
        {
            try
            {
                var issuerSerial = IssuerSerial.GetInstance(Asn1Object.FromByteArray(raw));
                return issuerSerial.Serial.Value.Equals(signer.SerialNumber);
            }
            catch (Exception ex) when (CmsVerifier.IsAsn1Failure(ex))
            {
                return false;
            }
        }

        return true;
    }

    private static X509Certificate? FromSigningCertificateRef(XmlElement props, XmlNamespaceManager ns, List<X509Certificate> pool)
    {
        foreach (XmlElement cert in props.SelectNodes("x:SignedSignatureProperties/x:SigningCertificate/x:Cert | x:SignedSignatureProperties/x:SigningCertificateV2/x:Cert", ns)!)
        {
            var oid = DigestOid((cert.SelectSingleNode("x:CertDigest/ds:DigestMethod", ns) as XmlElement)?.GetAttribute("Algorithm") ?? "");
            var value = TrustedListReader.Base64(cert.SelectSingleNode("x:CertDigest/ds:DigestValue", ns)?.InnerText ?? "");
            if (oid is null || value is null)
            {
                continue;
            }

            foreach (var c in pool)
            {
                if (Hashing.Compute(oid, c.GetEncoded()) is { } h && h.AsSpan().SequenceEqual(value))
                {
                    return c;
                }
            }
        }

        return null;
    }

    internal static string? DigestOid(string uri) => uri switch
    {
        "http://www.w3.org/2000/09/xmldsig#sha1" => "1.3.14.3.2.26",
        "http://www.w3.org/2001/04/xmldsig-more#sha224" => "2.16.840.1.101.3.4.2.4",
        "http://www.w3.org/2001/04/xmlenc#sha256" => "2.16.840.1.101.3.4.2.1",
        "http://www.w3.org/2001/04/xmldsig-more#sha384" => "2.16.840.1.101.3.4.2.2",
        "http://www.w3.org/2001/04/xmlenc#sha512" => "2.16.840.1.101.3.4.2.3",
        "http://www.w3.org/2007/05/xmldsig-more#sha3-256" => "2.16.840.1.101.3.4.2.8",
        "http://www.w3.org/2007/05/xmldsig-more#sha3-384" => "2.16.840.1.101.3.4.2.9",
        "http://www.w3.org/2007/05/xmldsig-more#sha3-512" => "2.16.840.1.101.3.4.2.10",
        _ => null,
    };

    private static ISigner? SignerFor(string method)
    {
        var name = method switch
        {
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1" => "SHA1withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha224" => "SHA224withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" => "SHA256withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384" => "SHA384withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512" => "SHA512withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1" => "SHA1withPLAIN-ECDSA",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224" => "SHA224withPLAIN-ECDSA",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256" => "SHA256withPLAIN-ECDSA",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384" => "SHA384withPLAIN-ECDSA",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512" => "SHA512withPLAIN-ECDSA",
            "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1" => "SHA256withRSAandMGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1" => "SHA384withRSAandMGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1" => "SHA512withRSAandMGF1",
            "http://www.w3.org/2000/09/xmldsig#dsa-sha1" => "SHA1withDSA",
            _ => null,
        };
        return name is null ? null : SignerUtilities.GetSigner(name);
    }

    internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
