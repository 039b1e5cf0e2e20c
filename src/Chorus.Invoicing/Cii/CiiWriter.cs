using System.Xml;
using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Cii;

/// <summary>Writes the model as CII D16B.</summary>
internal static class CiiWriter
{
    public static void Write(Invoice invoice, XmlWriter writer) => throw new NotSupportedException("CII writer in progress");
}
