using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Ubl;

/// <summary>Reads UBL 2.1 Invoice and CreditNote documents into the model.</summary>
internal static partial class UblReader
{
    public static Invoice Read(XmlCursor cursor, InvoiceDocumentType type) => throw new NotSupportedException("UBL reader in progress");
}
