using System.Text;
using Org.BouncyCastle.X509;

namespace Chorus.Signature.Internal;

/// <summary>Reads certificates from DER or PEM bytes.</summary>
internal static class CertificateLoader
{
    public static List<X509Certificate> ReadAll(byte[] bytes)
    {
        var list = new List<X509Certificate>();
        try
        {
            if (bytes.Length > 0 && bytes[0] == 0x30)
            {
                list.Add(new X509Certificate(bytes));
                return list;
            }

            var text = Encoding.ASCII.GetString(bytes);
            const string begin = "-----BEGIN CERTIFICATE-----";
            const string end = "-----END CERTIFICATE-----";
            var p = 0;
            while ((p = text.IndexOf(begin, p, StringComparison.Ordinal)) >= 0 && list.Count < 1000)
            {
                var e = text.IndexOf(end, p, StringComparison.Ordinal);
                if (e < 0)
                {
                    break;
                }

                var b64 = text.Substring(p + begin.Length, e - p - begin.Length);
                list.Add(new X509Certificate(Convert.FromBase64String(b64)));
                p = e + end.Length;
            }
        }
        catch (Exception ex) when (ex is FormatException || Cades.CmsVerifier.IsAsn1Failure(ex))
        {
            // Not a certificate: nothing to add.
        }

        return list;
    }
}
