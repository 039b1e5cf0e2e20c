using Chorus.Invoicing.Validation.Internal.Tree;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>Syntax, document type and profile (BT-24) of a read document.</summary>
internal static class DocumentKind
{
    public const string UblInvoiceNs = InvoiceXml.UblInvoiceNs;
    public const string UblCreditNoteNs = InvoiceXml.UblCreditNoteNs;
    public const string CiiNs = InvoiceXml.CiiNs;
    public const string Zugferd1Ns = InvoiceXml.Zugferd1Ns;
    private const string CbcNs = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private const string RamNs = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    /// <summary>The syntax from the root element's expanded name, or null when it is no invoice we know.</summary>
    public static string? SyntaxOf(string rootNamespace, string rootLocalName) => (rootNamespace, rootLocalName) switch
    {
        (UblInvoiceNs, "Invoice") or (UblCreditNoteNs, "CreditNote") => "ubl",
        (CiiNs, "CrossIndustryInvoice") => "cii",
        (Zugferd1Ns, "CrossIndustryDocument") => "zugferd1",
        _ => null,
    };

    public static XNode? Child(XNode? parent, string local)
    {
        if (parent is null)
        {
            return null;
        }

        foreach (var c in parent.Children)
        {
            if (c.Kind == XNodeKind.Element && c.LocalName == local)
            {
                return c;
            }
        }

        return null;
    }

    public static XNode? Path(XNode? node, params string[] locals)
    {
        foreach (var l in locals)
        {
            node = Child(node, l);
        }

        return node;
    }

    /// <summary>The raw BT-24 value (UBL CustomizationID, CII/ZUGFeRD guideline parameter ID), trimmed, or null.</summary>
    public static string? SpecificationId(XNode root, string syntax)
    {
        XNode? id = syntax == "ubl"
            ? root.Children.FirstOrDefault(static c => c.LocalName == "CustomizationID" && c.NamespaceUri == CbcNs)
            : Path(root, syntax == "cii" ? "ExchangedDocumentContext" : "SpecifiedExchangedDocumentContext", "GuidelineSpecifiedDocumentContextParameter", "ID");
        var value = id?.StringValue.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static string DocumentTypeOf(XNode root, string syntax)
    {
        if (syntax == "ubl")
        {
            return root.LocalName == "CreditNote" ? "creditNote" : "invoice";
        }

        var code = Path(root, syntax == "cii" ? "ExchangedDocument" : "HeaderExchangedDocument", "TypeCode")?.StringValue.Trim();
        return code is not null && new Model.DocumentTypeCode(code).IsCreditNote ? "creditNote" : "invoice";
    }

    /// <summary>Normalised profile names for the BT-24 values of Factur-X 1.0x, ZUGFeRD 2.x/1.0, XRechnung, Peppol and the French CTC.</summary>
    public static string? ProfileOf(string? bt24)
    {
        if (bt24 is null)
        {
            return null;
        }

        var v = bt24.ToLowerInvariant();
        if (v.Contains("extended-ctc-fr"))
        {
            return "EXTENDED-CTC-FR";
        }

        if (v.Contains("xrechnung") || v.Contains("xeinkauf"))
        {
            return "XRECHNUNG";
        }

        if (v.Contains("peppol"))
        {
            return "PEPPOL BIS 3";
        }

        if (v.EndsWith(":minimum", StringComparison.Ordinal))
        {
            return "MINIMUM";
        }

        if (v.EndsWith(":basicwl", StringComparison.Ordinal))
        {
            return "BASIC WL";
        }

        if (v.EndsWith(":basic", StringComparison.Ordinal))
        {
            return "BASIC";
        }

        if (v.EndsWith(":extended", StringComparison.Ordinal))
        {
            return "EXTENDED";
        }

        if (v.EndsWith(":comfort", StringComparison.Ordinal))
        {
            return "COMFORT";
        }

        if (v == "urn:cen.eu:en16931:2017" || v.EndsWith(":en16931", StringComparison.Ordinal))
        {
            return "EN 16931";
        }

        return bt24;
    }

    /// <summary>The Factur-X 1.09 schema/rule folder for a profile, or null for EN 16931 and non-Factur-X profiles.</summary>
    public static string? FacturXProfileFolder(string? profile) => profile switch
    {
        "MINIMUM" => "MINIMUM",
        "BASIC WL" => "BASICWL",
        "BASIC" => "BASIC",
        "EXTENDED" => "EXTENDED",
        _ => null,
    };
}
