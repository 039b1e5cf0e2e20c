using System.Xml;
using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Ubl;

/// <summary>Writes the model as UBL 2.1.</summary>
internal static class UblWriter
{
    public static void Write(Invoice invoice, XmlWriter writer) => throw new NotSupportedException("UBL writer in progress");
}
