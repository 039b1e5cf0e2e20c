using Chorus.Fuzzing.Engine;

namespace Chorus.Fuzzing.Targets;

/// <summary>Every entry point the harness drives.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new IdentifierTarget(),
        new InvoiceReaderTarget(),
        new ValidatorTarget(),
        new FacturXReaderTarget(),
        new PdfInspectTarget(),
        new SignatureTarget("pades", InputKind.Pdf, "pades", ".pdf"),
        new SignatureTarget("cades", InputKind.Asn1, "cades", ".p7s", ".p7m", ".pkcs7"),
        new SignatureTarget("xades", InputKind.Xml, "xades", ".xml"),
        new AnnuaireTarget(),
        new AttachmentTarget(),
    ];
}
