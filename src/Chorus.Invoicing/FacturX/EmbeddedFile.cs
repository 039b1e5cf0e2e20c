namespace Chorus.Invoicing.FacturX;

/// <summary>One file attached to the PDF (its <c>EmbeddedFiles</c> name tree or its <c>/AF</c> array).</summary>
/// <param name="Name">The file name (<c>/UF</c>, else <c>/F</c>, else the name-tree key).</param>
/// <param name="Relationship">The <c>/AFRelationship</c> of the file specification, or null when absent.</param>
/// <param name="MimeType">The embedded stream's <c>/Subtype</c> (e.g. <c>text/xml</c>), or null.</param>
/// <param name="InAssociatedFiles">True when the catalog's <c>/AF</c> array lists the file (PDF/A-3 requires it for Factur-X).</param>
/// <param name="InEmbeddedFiles">True when the catalog's <c>EmbeddedFiles</c> name tree lists the file (what viewers, qpdf and Chorus Pro see).</param>
public sealed record EmbeddedFile(string Name, AFRelationship? Relationship, string? MimeType, bool InAssociatedFiles, bool InEmbeddedFiles);
