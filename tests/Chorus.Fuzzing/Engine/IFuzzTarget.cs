namespace Chorus.Fuzzing.Engine;

/// <summary>One parser entry point under test.</summary>
public interface IFuzzTarget
{
    /// <summary>Short name used on the command line (<c>--target</c>).</summary>
    string Name { get; }

    /// <summary>The kind of structure-aware mutations that fit the input (xml, pdf, asn1, csv, text).</summary>
    InputKind Kind { get; }

    /// <summary>The untouched inputs mutations start from.</summary>
    IReadOnlyList<byte[]> Seeds();

    /// <summary>
    /// Runs the entry point on one input. Returning normally or throwing one of <see cref="IsDocumented"/>'s exceptions is
    /// the expected behaviour; anything else is a finding.
    /// </summary>
    void Run(byte[] input);

    /// <summary>True for the exception types the package documents for unreadable input.</summary>
    bool IsDocumented(Exception exception);
}

/// <summary>What an input is, for structure-aware mutations.</summary>
public enum InputKind
{
    /// <summary>Bytes without structure we know.</summary>
    Binary,

    /// <summary>An XML document.</summary>
    Xml,

    /// <summary>A PDF file.</summary>
    Pdf,

    /// <summary>DER/BER ASN.1 (CMS, certificates).</summary>
    Asn1,

    /// <summary>Delimited text (the annuaire CSV).</summary>
    Csv,
}
