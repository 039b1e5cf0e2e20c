namespace Chorus.Invoicing.Pdf;

/// <summary>What kind of PDF Chorus Pro sees on upload.</summary>
public enum PdfFormat
{
    /// <summary>An ordinary PDF (no PDF/A claim).</summary>
    Pdf,

    /// <summary>Claims PDF/A-1 (XMP <c>pdfaid:part</c> 1).</summary>
    PdfA1,

    /// <summary>Claims PDF/A-2.</summary>
    PdfA2,

    /// <summary>Claims PDF/A-3, without an embedded invoice.</summary>
    PdfA3,

    /// <summary>Claims PDF/A-4, without an embedded invoice.</summary>
    PdfA4,

    /// <summary>Carries an embedded invoice XML (Factur-X, ZUGFeRD, XRechnung): Chorus Pro treats it as "PDF/A-3 (Factur-X)".</summary>
    FacturX,
}
