using System.Globalization;
using System.Xml;
using System.Xml.Schema;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules;

namespace Chorus.Invoicing.Validation;

/// <summary>
/// Validates UBL 2.1, CII D16B and ZUGFeRD 1.0 invoices: XML Schema, the EN 16931 rules of the official CEN/TC 434
/// artefacts v1.3.16, the Factur-X profile rules, Chorus Pro's own rules and the reform's. One pass over the bytes builds a
/// compact tree while the schema validates it; rule tables and schema sets are compiled once per process and shared.
/// Thread-safe.
/// </summary>
public sealed class InvoiceValidator
{
    /// <summary>Input larger than this is refused as unreadable (a 3.3 MB invoice with an embedded PDF is well within it).</summary>
    public const long MaxInputBytes = 64L * 1024 * 1024;

    private const int MaxSchemaProblems = 200;

    private const XmlSchemaValidationFlags SchemaFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints;

    private readonly IBuyerDirectory? _directory;

    /// <summary>A validator; with a <paramref name="directory"/>, the Chorus Pro rules check BT-10 and BT-13 where the buyer requires them.</summary>
    public InvoiceValidator(IBuyerDirectory? directory = null)
    {
        _directory = directory;
    }

    /// <summary>A validator without directory.</summary>
    public static InvoiceValidator Default { get; } = new();

    /// <summary>Validates an invoice from a stream (read to the end; the stream is not closed).</summary>
    public InvoiceValidationResult Validate(Stream xml, InvoiceRuleSets ruleSets = InvoiceRuleSets.Auto)
    {
#if NET8_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(xml);
#else
        if (xml is null)
        {
            throw new ArgumentNullException(nameof(xml));
        }
#endif
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = xml.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > MaxInputBytes)
            {
                return InvoiceValidationResult.Unreadable($"input larger than {MaxInputBytes} bytes", "byte " + MaxInputBytes.ToString(CultureInfo.InvariantCulture));
            }

            buffer.Write(chunk, 0, n);
        }

        return Validate(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), ruleSets);
    }

    /// <summary>Validates an invoice held in memory.</summary>
    public InvoiceValidationResult Validate(ReadOnlyMemory<byte> xml, InvoiceRuleSets ruleSets = InvoiceRuleSets.Auto) => Validate(xml, ruleSets, takeOutLargeBinaries: true);

    /// <summary>The validation; <paramref name="takeOutLargeBinaries"/> false validates the bytes as they are (tests
    /// compare both ways: the results must be the same).</summary>
    internal InvoiceValidationResult Validate(ReadOnlyMemory<byte> xml, InvoiceRuleSets ruleSets, bool takeOutLargeBinaries) => Validate(xml, ruleSets, takeOutLargeBinaries, null);

    /// <summary>As above; <paramref name="assumedProfile"/>, when given, stands for the profile BT-24 declares (tests
    /// run a profile's rules on invoices that declare another one, as the official stylesheets do).</summary>
    internal InvoiceValidationResult Validate(ReadOnlyMemory<byte> xml, InvoiceRuleSets ruleSets, bool takeOutLargeBinaries, string? assumedProfile) =>
        Validate(xml, ruleSets, takeOutLargeBinaries, assumedProfile, guessRoot: true);

    private InvoiceValidationResult Validate(ReadOnlyMemory<byte> xml, InvoiceRuleSets ruleSets, bool takeOutLargeBinaries, string? assumedProfile, bool guessRoot)
    {
        if (xml.Length > MaxInputBytes)
        {
            return InvoiceValidationResult.Unreadable($"input larger than {MaxInputBytes} bytes", "byte " + MaxInputBytes.ToString(CultureInfo.InvariantCulture));
        }

        var array = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(xml, out var segment) ? segment : new ArraySegment<byte>(xml.ToArray());

        // 1. Peek at the root element only: it decides the syntax and so the schema. The usual invoice's root is read from
        // the bytes (RootName) and checked against the tree's root below; else, or if that pass does not end with a tree,
        // a reader peeks, and the whole validation is done again that way (same result as without the guess).
        string rootNs = string.Empty, rootLocal = string.Empty;
        var guessed = guessRoot && RootName.TryGuess(array.AsSpan(), out rootNs, out rootLocal) && DocumentKind.SyntaxOf(rootNs, rootLocal) is not null;
        if (!guessed && Peek(array, out rootNs, out rootLocal) is { } unreadable)
        {
            return unreadable;
        }

        var syntax = DocumentKind.SyntaxOf(rootNs, rootLocal);
        if (syntax is null)
        {
            return InvoiceValidationResult.Unreadable($"root element {{{rootNs}}}{rootLocal} is not a UBL 2.1 Invoice/CreditNote, a CII CrossIndustryInvoice or a ZUGFeRD 1.0 CrossIndustryDocument", "/" + rootLocal);
        }

        // 2. One validating pass: the full syntax schema (fatal) while building the rule tree. A large attachment's base64
        // text is first taken out of it (LargeBinaryContent: same results, a tenth of the time); if anything does not go
        // exactly as planned, the original bytes are validated instead.
        var problems = new List<ValidationProblem>();
        XNode? doc = null;
        var modelBytes = array;
        if (takeOutLargeBinaries && syntax is "ubl" or "cii" && LargeBinaryContent.Substitute(array, out var standIns) is { } light)
        {
            var trial = new List<ValidationProblem>();
            var lightBytes = new ArraySegment<byte>(light);
            if (SchemaPass(lightBytes, syntax, standIns, trial, out var lightDoc) is null && standIns!.TrueForAll(static s => s.Matched))
            {
                (problems, doc, modelBytes) = (trial, lightDoc, lightBytes);
            }
        }

        if (doc is null && SchemaPass(array, syntax, null, problems, out doc) is { } stopped)
        {
            return guessed ? Validate(xml, ruleSets, takeOutLargeBinaries, assumedProfile, guessRoot: false) : stopped;
        }

        var root = doc!.Children.First(static c => c.Kind == XNodeKind.Element);
        if (guessed && !(root.LocalName == rootLocal && root.NamespaceUri == rootNs))
        {
            return Validate(xml, ruleSets, takeOutLargeBinaries, assumedProfile, guessRoot: false);
        }

        var bt24 = DocumentKind.SpecificationId(root, syntax);
        var profile = assumedProfile ?? DocumentKind.ProfileOf(bt24);
        var documentType = DocumentKind.DocumentTypeOf(root, syntax);

        // 3. Rule sets.
        var sets = ruleSets;
        if ((sets & InvoiceRuleSets.Auto) != 0)
        {
            // The profile's own rules replace EN 16931's where it declares one with rules of its own: a Factur-X profile
            // other than EN 16931 (CII) or the French EXTENDED-CTC-FR (CII or UBL), whose rules keep most of EN 16931's.
            var ownRules = (syntax == "cii" && DocumentKind.FacturXProfileFolder(profile) is not null)
                || (syntax is "ubl" or "cii" && profile == Rules.ExtendedCtcFr.ExtendedCtcFrRules.Profile);
            sets |= ownRules ? InvoiceRuleSets.FacturX : InvoiceRuleSets.En16931;
        }

        var ran = new List<string>();
        if ((sets & InvoiceRuleSets.En16931) != 0)
        {
            ran.Add("en16931");
            NativeEn16931.Check(modelBytes, doc, syntax, problems);
        }

        if ((sets & InvoiceRuleSets.FacturX) != 0)
        {
            ran.Add("facturx");
            if (profile == Rules.ExtendedCtcFr.ExtendedCtcFrRules.Profile)
            {
                Rules.ExtendedCtcFr.ExtendedCtcFrRules.Check(modelBytes, doc, syntax, en16931Ran: (sets & InvoiceRuleSets.En16931) != 0, problems);
            }
            else
            {
                Rules.FacturX.FacturXProfileRules.Check(doc, syntax, profile, array, problems);
            }
        }

        if ((sets & InvoiceRuleSets.Chorus) != 0)
        {
            ran.Add("chorus");
            ChorusRules.Check(root, syntax, _directory, problems);
        }

        if ((sets & InvoiceRuleSets.FrCtc) != 0)
        {
            ran.Add("fr-ctc");
            if (syntax is "ubl" or "cii")
            {
                Rules.FrCtc.FrCtcRulesA.Run(doc, syntax, problems);
                Rules.FrCtc.FrCtcRulesB.Run(doc, syntax, problems);
            }
        }

        return new InvoiceValidationResult(syntax, documentType, profile, ran, problems);
    }

    /// <summary>
    /// Validates the invoice XML embedded in a Factur-X / ZUGFeRD / XRechnung PDF. A PDF that cannot be read, or that
    /// carries no invoice XML, gives an unreadable result saying why.
    /// </summary>
    public InvoiceValidationResult ValidatePdf(byte[] pdf, InvoiceRuleSets ruleSets = InvoiceRuleSets.Auto)
    {
        Chorus.Invoicing.FacturX.FacturXDocument document;
        try
        {
            document = Chorus.Invoicing.FacturX.FacturXDocument.Read(pdf);
        }
        catch (Chorus.Invoicing.Pdf.PdfFormatException ex)
        {
            return InvoiceValidationResult.Unreadable("not a readable PDF: " + ex.Message, "PDF");
        }

        if (document.Invoice is not { } invoice)
        {
            return InvoiceValidationResult.Unreadable(document.IsEncrypted ? "the PDF is encrypted: its embedded files cannot be read" : "the PDF carries no embedded invoice XML (factur-x.xml, zugferd-invoice.xml, xrechnung.xml)", "PDF");
        }

        return Validate(invoice.Content, ruleSets);
    }

    // The root element's name from a reader, or the result to give when there is none.
    private static InvoiceValidationResult? Peek(ArraySegment<byte> array, out string rootNs, out string rootLocal)
    {
        rootNs = rootLocal = string.Empty;
        try
        {
            using var peek = CreateReader(array, SafeSettings(null));
            if (peek.MoveToContent() != XmlNodeType.Element)
            {
                return InvoiceValidationResult.Unreadable("no root element", "line 1");
            }

            rootNs = peek.NamespaceURI;
            rootLocal = peek.LocalName;
            return null;
        }
        catch (XmlException ex)
        {
            return InvoiceValidationResult.Unreadable("not well-formed XML: " + ex.Message, Line(ex.LineNumber, ex.LinePosition));
        }
    }

    /// <summary>
    /// The XML Schema pass building the tree; returns the result to give when reading stopped (unreadable, too many
    /// schema errors), else null with the tree.
    /// </summary>
    private static InvoiceValidationResult? SchemaPass(ArraySegment<byte> bytes, string syntax, List<TextStandIn>? standIns, List<ValidationProblem> problems, out XNode? doc) =>
        SchemaPass(bytes, syntax, standIns, problems, out doc, driveValidator: true);

    /// <summary>As above; <paramref name="driveValidator"/> false reads through .NET's validating reader instead of
    /// driving the schema validator from the tree builder (tests compare both: same problems, same tree).</summary>
    internal static InvoiceValidationResult? SchemaPass(ArraySegment<byte> bytes, string syntax, List<TextStandIn>? standIns, List<ValidationProblem> problems, out XNode? doc, bool driveValidator)
    {
        doc = null;
        var schemaProblems = 0;
        try
        {
            var schemas = syntax switch
            {
                "ubl" => SchemaCatalog.Ubl,
                "cii" => SchemaCatalog.Cii,
                _ => SchemaCatalog.Zugferd1,
            };
            ValidationEventHandler onProblem = (_, e) =>
            {
                if (++schemaProblems <= MaxSchemaProblems)
                {
                    problems.Add(new ValidationProblem("XSD", e.Severity == XmlSeverityType.Error ? ValidationSeverity.Fatal : ValidationSeverity.Warning, e.Message, Line(e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0)));
                }
                else if (e.Severity == XmlSeverityType.Error)
                {
                    // Bounded time on hostile input (millions of undeclared elements): stop reading, the verdict is known.
                    throw new SchemaLimitException(Line(e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0));
                }
            };

            // The tree builder drives the schema validator on a plain reader (same problems as a validating reader,
            // faster); a reader that cannot resolve prefixes for the validator gets the validating reader instead.
            var names = new SchemaNameTable(schemas.NameTable);
            var settings = SafeSettings(null);
            settings.IgnoreWhitespace = true;
            settings.NameTable = names;
            using var reader = CreateReader(bytes, settings);
            if (driveValidator && reader is IXmlNamespaceResolver resolver && reader is IXmlLineInfo lineInfo)
            {
                var validator = new XmlSchemaValidator(names, schemas, resolver, SchemaFlags) { XmlResolver = null, LineInfoProvider = lineInfo };
                validator.ValidationEventHandler += onProblem;
                validator.Initialize();
                doc = XTreeBuilder.Build(reader, standIns, validator);
                return null;
            }

            var validating = SafeSettings(schemas);
            validating.NameTable = names;
            validating.ValidationEventHandler += onProblem;
            using var validatingReader = CreateReader(bytes, validating);
            doc = XTreeBuilder.Build(validatingReader, standIns);
            return null;
        }
        catch (XTreeException ex)
        {
            return InvoiceValidationResult.Unreadable("cannot read the XML: " + ex.Message, "line " + ex.Line.ToString(CultureInfo.InvariantCulture));
        }
        catch (SchemaLimitException ex)
        {
            problems.Add(new ValidationProblem("XSD", ValidationSeverity.Fatal, $"more than {MaxSchemaProblems} schema errors: validation stopped here, business rules not run", ex.Message));
            return new InvoiceValidationResult(syntax, null, null, [], problems);
        }
    }

    // Plain UTF-8 is decoded straight from the array (no stream, no second buffer); anything else goes through the
    // XmlReader's own encoding detection. The reader sees the same characters either way.
    private static XmlReader CreateReader(ArraySegment<byte> bytes, XmlReaderSettings settings) =>
        Chorus.Invoicing.Xml.Utf8ByteReader.TryCreate(bytes.Array!, bytes.Offset, bytes.Count) is { } text
            ? XmlReader.Create(text, settings)
            : XmlReader.Create(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, false), settings);

    internal static XmlReaderSettings SafeSettings(XmlSchemaSet? schemas)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxInputBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreWhitespace = schemas is not null,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        if (schemas is not null)
        {
            settings.ValidationType = ValidationType.Schema;
            settings.Schemas = schemas;
            settings.ValidationFlags = SchemaFlags;
        }

        return settings;
    }

    private static string Line(int line, int column) =>
        line <= 0 ? "line 0" : $"line {line.ToString(CultureInfo.InvariantCulture)}, column {column.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Thrown inside the schema validation callback to stop reading a document with too many schema errors.</summary>
internal sealed class SchemaLimitException(string location) : Exception(location);
