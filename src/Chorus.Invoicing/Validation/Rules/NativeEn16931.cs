using Chorus.Invoicing.Model;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules;

/// <summary>
/// The EN 16931 rules of the CEN/TC 434 artefacts v1.3.16, every one native: the business rules on the model, the code
/// list, binding-dependent and syntax rules on the validator's tree. <see cref="NativeIds"/> lists the ids (the coverage
/// test compares them with the official XSLTs).
/// </summary>
internal static class NativeEn16931
{
    private static readonly IRuleGroup[] Groups =
    [
        Core.Document,
        Core.Seller,
        Core.Totals,
        Core.Lines,
        Core.DocumentAllowances,
        Core.DocumentCharges,
        Core.LineAllowances,
        Core.LineCharges,
        Core.VatBreakdowns,
        Core.InvoicingPeriod,
        Core.LinePeriods,
        Core.ItemAttributes,
        Core.SupportingDocuments,
        .. VatCategoryRules.Groups,
        Totals.MonetaryTotals,
        Totals.VatTotal,
        Totals.VatBreakdownTax,
        Parties.TaxRepresentative,
        Parties.VatIdentifiers,
        Core.Items,
        Core.ElectronicAddresses,
        Core.ReasonConsistency,
        Decimals.DocumentAllowances,
        Decimals.DocumentCharges,
        Decimals.MonetaryTotals,
        Decimals.VatTotals,
        Decimals.VatBreakdowns,
        Decimals.Lines,
        Decimals.LineAllowances,
        Decimals.LineCharges,
    ];

    // Lazy: building every table's id set costs a new process more than validating an invoice, and only the coverage
    // tests and callers of NativeIds read them.
    private static readonly Lazy<HashSet<string>> UblIds = new(static () => IdsFor(RuleSyntax.Ubl));
    private static readonly Lazy<HashSet<string>> CiiIds = new(static () => IdsFor(RuleSyntax.Cii));
    private static readonly HashSet<string> NoIds = [];

    /// <summary>The ids checked natively for a syntax ("ubl" or "cii").</summary>
    public static IReadOnlyCollection<string> NativeIds(string syntax) => syntax switch
    {
        "ubl" => UblIds.Value,
        "cii" => CiiIds.Value,
        _ => NoIds,
    };

    /// <summary>
    /// Reads the model from the document and runs every rule (none when the syntax has no EN 16931 binding: ZUGFeRD 1.0
    /// predates the standard); <see cref="NativeIds"/> lists the ids checked.
    /// </summary>
    public static void Check(ArraySegment<byte> xml, XNode document, string syntax, List<ValidationProblem> problems)
    {
        if (syntax is not ("ubl" or "cii"))
        {
            return;
        }

        try
        {
            Check(ReadModel(xml, document), syntax, problems);
        }
        catch (InvoiceFormatException ex)
        {
            // The tree was built, so only a reader limit (InvoiceReadOptions) can stop the model here: say that the model
            // rules did not run rather than let the invoice pass them silently; the tree rules below still run.
            problems.Add(new ValidationProblem("CHORUS-MODEL", ValidationSeverity.Fatal, "the EN 16931 model could not be read, so the rules on it were not run: " + ex.Message, document.DocumentElement()?.Path() ?? "/"));
        }

        CodeListRules.Run(document, syntax == "ubl" ? RuleSyntax.Ubl : RuleSyntax.Cii, problems);
        Bindings.BindingBusinessRules.Run(document, syntax == "ubl" ? RuleSyntax.Ubl : RuleSyntax.Cii, problems);
        if (syntax == "ubl")
        {
            Ubl.UblSyntaxRules.Run(document, problems);
        }
        else
        {
            Cii.CiiSyntaxRules.Run(document, problems);
        }
    }

    // The model, read from the validator's tree where it holds what a reader of the bytes would see (no second parse of
    // the bytes: a fifth of a batch's time), else, or if the tree reader stops on a limit, from the bytes (same model,
    // same error).
    private static Invoice ReadModel(ArraySegment<byte> xml, XNode document)
    {
#if NET8_0_OR_GREATER
        if (document.TextIsPlain)
        {
            try
            {
                using var tree = new XNodeReader(document);
                return InvoiceXml.Read(tree).Invoice;
            }
            catch (InvoiceFormatException)
            {
                // Read the bytes below: the exception then carries the bytes' line and column.
            }
        }
#else
        _ = document;
#endif
        using var stream = new MemoryStream(xml.Array!, xml.Offset, xml.Count, writable: false);
        return InvoiceXml.Read(stream).Invoice;
    }

    /// <summary>Runs the native rules on a model as the given syntax binding states them.</summary>
    public static void Check(Invoice invoice, string syntax, List<ValidationProblem> problems)
    {
        var input = new RuleInput(invoice, syntax == "ubl" ? RuleSyntax.Ubl : RuleSyntax.Cii);
        foreach (var group in Groups)
        {
            group.Run(input, problems);
        }
    }

    private static HashSet<string> IdsFor(RuleSyntax syntax)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            ids.UnionWith(group.IdsFor(syntax));
        }

        ids.UnionWith(CodeListRules.IdsFor(syntax));
        ids.UnionWith(Bindings.BindingBusinessRules.IdsFor(syntax));
        ids.UnionWith(syntax == RuleSyntax.Ubl ? Ubl.UblSyntaxRules.Ids : Cii.CiiSyntaxRules.Ids);

        return ids;
    }
}
