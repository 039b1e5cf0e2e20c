namespace Chorus.Invoicing.Validation;

/// <summary>The outcome of validating one invoice: what it is, which rules ran, and every problem found (not only the first).</summary>
public sealed class InvoiceValidationResult
{
    internal InvoiceValidationResult(string? syntax, string? documentType, string? profile, IReadOnlyList<string> ruleSets, IReadOnlyList<ValidationProblem> problems)
    {
        Syntax = syntax;
        DocumentType = documentType;
        Profile = profile;
        RuleSets = ruleSets;
        Problems = problems;
        IsValid = syntax is not null && problems.All(static p => p.Severity != ValidationSeverity.Fatal);
    }

    /// <summary><c>ubl</c>, <c>cii</c> or <c>zugferd1</c>; null when the input could not be read.</summary>
    public string? Syntax { get; }

    /// <summary><c>invoice</c> or <c>creditNote</c> (UBL root, or CII/ZUGFeRD type code BT-3); null when unreadable.</summary>
    public string? DocumentType { get; }

    /// <summary>The profile BT-24 declares, normalised (<c>MINIMUM</c>, <c>BASIC WL</c>, <c>BASIC</c>, <c>EN 16931</c>, <c>EXTENDED</c>,
    /// <c>XRECHNUNG</c>, <c>PEPPOL BIS 3</c>, <c>EXTENDED-CTC-FR</c>), the raw BT-24 value when not recognised, or null when absent.</summary>
    public string? Profile { get; }

    /// <summary>The rule sets that ran, in the contract's spelling (<c>en16931</c>, <c>facturx</c>, <c>chorus</c>, <c>fr-ctc</c>).</summary>
    public IReadOnlyList<string> RuleSets { get; }

    /// <summary>True iff the input was read and no problem is fatal.</summary>
    public bool IsValid { get; }

    /// <summary>Every problem found, fatal and warnings, in rule-set order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>A result for input that cannot be read at all (not XML, not an invoice root, truncated…).</summary>
    internal static InvoiceValidationResult Unreadable(string message, string location) =>
        new(null, null, null, [], [new ValidationProblem("UNREADABLE", ValidationSeverity.Fatal, message, location)]);
}
