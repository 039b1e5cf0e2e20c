namespace Chorus.Invoicing.FacturX;

/// <summary>The XML syntax of an embedded invoice, from its root element.</summary>
public enum EmbeddedInvoiceSyntax
{
    /// <summary>Not an invoice root this library knows (or not XML).</summary>
    Unknown,

    /// <summary>UN/CEFACT CII D16B <c>rsm:CrossIndustryInvoice</c> (Factur-X, ZUGFeRD 2.x, XRechnung CII).</summary>
    Cii,

    /// <summary>UBL 2.1 <c>Invoice</c> or <c>CreditNote</c>.</summary>
    Ubl,

    /// <summary>ZUGFeRD 1.0 <c>rsm:CrossIndustryDocument</c>.</summary>
    Zugferd1,
}
