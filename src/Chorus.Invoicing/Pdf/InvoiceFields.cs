using Chorus.Directory.Identifiers;

namespace Chorus.Invoicing.Pdf;

/// <summary>
/// The deposit-form fields Chorus Pro pre-fills from a text PDF, as read from the first, second-to-last and last pages.
/// A field not found is null.
/// </summary>
public sealed record InvoiceFields
{
    /// <summary>Nothing found.</summary>
    public static InvoiceFields Empty { get; } = new();

    /// <summary>The recipient's SIRET ("SIRET client", "SIRET destinataire", "Ministère"…), checked.</summary>
    public PdfField<Siret>? RecipientSiret { get; init; }

    /// <summary>The supplier's SIRET ("SIRET fournisseur", "SIRET émetteur", a lone "SIRET"), checked.</summary>
    public PdfField<Siret>? SupplierSiret { get; init; }

    /// <summary>The recipient's code service ("Code service", "Service exécutant").</summary>
    public PdfField<string>? ServiceCode { get; init; }

    /// <summary>The engagement number ("N° engagement", "EJ", "Bon de commande", "Commande").</summary>
    public PdfField<string>? EngagementNumber { get; init; }

    /// <summary>The invoice number ("Facture N°", "Numéro de facture").</summary>
    public PdfField<string>? InvoiceNumber { get; init; }

    /// <summary>The invoice date ("Date de facture", "Date d'émission", "Date"), as a date (time of day is zero).</summary>
    public PdfField<DateTime>? InvoiceDate { get; init; }

    /// <summary>Total excluding VAT ("Total HT", "Montant HT").</summary>
    public PdfField<decimal>? TotalExclVat { get; init; }

    /// <summary>Total VAT ("Total TVA", "TVA 20 %").</summary>
    public PdfField<decimal>? TotalVat { get; init; }

    /// <summary>Total including VAT ("Total TTC", "Net à payer").</summary>
    public PdfField<decimal>? TotalInclVat { get; init; }
}
