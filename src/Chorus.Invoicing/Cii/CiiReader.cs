using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Cii;

/// <summary>Reads CII D16B and ZUGFeRD 1.0 documents into the model.</summary>
internal static partial class CiiReader
{
    public static Invoice Read(XmlCursor cursor) => throw new NotSupportedException("CII reader in progress");
}
