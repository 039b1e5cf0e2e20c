namespace Chorus.Invoicing.FacturX;

/// <summary>The Factur-X PDF made by <see cref="FacturXCreator"/>, what it declares, and what it could not honestly guarantee.</summary>
/// <param name="Pdf">The new file: the original bytes unchanged, followed by an incremental update.</param>
/// <param name="FileName">The attachment name (e.g. <c>factur-x.xml</c>).</param>
/// <param name="Profile">The profile declared in the XMP (<c>fx:ConformanceLevel</c>).</param>
/// <param name="Relationship">The <c>/AFRelationship</c> written.</param>
/// <param name="Warnings">
/// Why the result may not be a conformant PDF/A-3 even though it claims to be (unembedded fonts, a signature the update
/// sits beside, a profile BT-24 does not declare…): the claim is written because Factur-X requires it, and these say
/// what a PDF/A validator would object to. Empty when nothing was found.
/// </param>
public sealed record FacturXCreateResult(byte[] Pdf, string FileName, string Profile, AFRelationship Relationship, IReadOnlyList<string> Warnings);
